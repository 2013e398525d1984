/**
 * Log lines in the shape of Kafka's server log (log4j's `[%d] %p %m (%c)%n`):
 *
 *   [2026-11-22 07:40:00,123] INFO [KafkaRaftServer nodeId=1] Kafka Server started (kafka.server.KafkaRaftServer)
 *
 * Time is local, as log4j prints it. One line per event; an exception's stack follows on
 * the next lines, as log4j prints it.
 */
export type LogLevel = "TRACE" | "DEBUG" | "INFO" | "WARN" | "ERROR";

const LEVEL_RANK: Record<LogLevel, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };

/** Who logs: the bracketed context (e.g. "Broker id=1") and the logger name in parentheses. */
export interface LogSource {
  context?: string;
  logger: string;
}

/** The sources the node shell logs as, named as Kafka's classes are. */
export const KAFKA_RAFT_SERVER = (nodeId: number): LogSource => ({
  context: `KafkaRaftServer nodeId=${nodeId}`,
  logger: "kafka.server.KafkaRaftServer",
});
export const SOCKET_SERVER = (nodeId: number): LogSource => ({
  context: `SocketServer nodeId=${nodeId}`,
  logger: "kafka.network.SocketServer",
});
export const KAFKA_MAIN: LogSource = { logger: "kafka.Kafka$" };

/** What the shell prints once the node serves requests; cluster-main waits for it. */
export const SERVER_STARTED_MESSAGE = "Kafka Server started";

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** log4j's ISO8601 date: `yyyy-MM-dd HH:mm:ss,SSS`, local time. */
export function formatLogTime(time: Date): string {
  const date = `${time.getFullYear()}-${pad(time.getMonth() + 1, 2)}-${pad(time.getDate(), 2)}`;
  const clock = `${pad(time.getHours(), 2)}:${pad(time.getMinutes(), 2)}:${pad(time.getSeconds(), 2)},${pad(time.getMilliseconds(), 3)}`;
  return `${date} ${clock}`;
}

export function formatLogLine(
  time: Date,
  level: LogLevel,
  source: LogSource,
  message: string,
): string {
  const context = source.context === undefined ? "" : `[${source.context}] `;
  // One event, one line: a message's own line breaks would split it.
  const oneLine = message.replace(/\r?\n/g, " ");
  return `[${formatLogTime(time)}] ${level} ${context}${oneLine} (${source.logger})`;
}

export class KafkaLogger {
  constructor(
    private readonly write: (text: string) => void,
    private readonly minimumLevel: LogLevel = "INFO",
    private readonly now: () => Date = () => new Date(),
  ) {}

  enabled(level: LogLevel): boolean {
    return LEVEL_RANK[level] >= LEVEL_RANK[this.minimumLevel];
  }

  log(level: LogLevel, source: LogSource, message: string, error?: unknown): void {
    if (!this.enabled(level)) return;
    let text = `${formatLogLine(this.now(), level, source, message)}\n`;
    if (error instanceof Error && error.stack !== undefined) text += `${error.stack}\n`;
    else if (error !== undefined) text += `${String(error)}\n`;
    this.write(text);
  }

  info(source: LogSource, message: string): void {
    this.log("INFO", source, message);
  }

  warn(source: LogSource, message: string, error?: unknown): void {
    this.log("WARN", source, message, error);
  }

  error(source: LogSource, message: string, error?: unknown): void {
    this.log("ERROR", source, message, error);
  }
}
