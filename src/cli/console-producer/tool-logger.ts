/**
 * The log lines Kafka's tools print on standard error through their log4j configuration
 * (pattern "[%d] %p %m (%c)%n"): "[2024-05-01 12:00:00,123] ERROR <message> (<logger class>)",
 * then the exception's first line when there is one (the stack trace itself is left out).
 */
import { simpleDateFormat } from "../perf/java-format.ts";
import type { ToolIo } from "../framework/tool.ts";
import { describeException } from "../framework/java-exception.ts";

/** log4j's default %d: ISO8601 with a comma before the milliseconds (shown in UTC here). */
const LOG_TIME = simpleDateFormat("yyyy-MM-dd HH:mm:ss,SSS");

export type LogLevel = "ERROR" | "WARN" | "INFO";

export function logLines(
  nowMs: number,
  level: LogLevel,
  message: string,
  loggerClass: string,
  error?: unknown,
): string[] {
  const lines = [`[${LOG_TIME(nowMs)}] ${level} ${message} (${loggerClass})`];
  if (error !== undefined) lines.push(...describeException(error).split("\n"));
  return lines;
}

/** Writes one log event to the tool's standard error, stamped with node time. */
export function logToStderr(
  io: ToolIo,
  level: LogLevel,
  message: string,
  loggerClass: string,
  error?: unknown,
): void {
  for (const line of logLines(io.connect.nowMs(), level, message, loggerClass, error)) io.err(line);
}
