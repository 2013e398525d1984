/**
 * The log Kafka's tools write to standard error (log4j's console appender with the tools'
 * pattern "[%d] %p %m (%c)%n"): the time, the level, the message, then the logger's name.
 * Times are UTC: a tool here has no time zone.
 *
 * Two shapes, as Kafka's tools log them: a stack trace logged as the message ends with a
 * line break, so the logger's name lands on a line of its own ("[2024-02-14 05:10:19,748]
 * ERROR org...TopicExistsException: Topic 'a' already exists." then
 * " (org.apache.kafka.tools.TopicCommand)"); an exception logged beside the message follows
 * the line as its first line (the stack trace itself is left out).
 */
import { describeException } from "./java-exception.ts";
import { simpleDateFormat } from "./java-format.ts";
import type { ToolIo } from "./tool.ts";

/** log4j's default %d: ISO8601 with a comma before the milliseconds. */
const LOG_TIME = simpleDateFormat("yyyy-MM-dd HH:mm:ss,SSS");

export type LogLevel = "ERROR" | "WARN" | "INFO";

/**
 * The lines of one log event: "[time] LEVEL message (logger)", split where the message has
 * line breaks (a logged stack trace ends with one, which puts the logger on its own line).
 */
export function logEventLines(
  nowMs: number,
  level: LogLevel,
  message: string,
  logger: string,
): string[] {
  return `[${LOG_TIME(nowMs)}] ${level} ${message} (${logger})`.split("\n");
}

/** One log event, then the first line of `error` when there is one. */
function logLines(
  nowMs: number,
  level: LogLevel,
  message: string,
  logger: string,
  error?: unknown,
): string[] {
  const lines = logEventLines(nowMs, level, message, logger);
  if (error !== undefined) lines.push(...describeException(error).split("\n"));
  return lines;
}

/** Writes one log event to the tool's standard error, stamped with node time. */
export function logToStderr(
  io: ToolIo,
  level: LogLevel,
  message: string,
  logger: string,
  error?: unknown,
): void {
  for (const line of logLines(io.connect.nowMs(), level, message, logger, error)) io.err(line);
}
