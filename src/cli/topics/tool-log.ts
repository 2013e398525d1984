/**
 * A line of the log Kafka's tools write to standard error (log4j's console appender with
 * the tools' pattern "[%d] %p %m (%c)%n"): the time, the level, the message, then the
 * logger's name. A logged stack trace ends with a line break, so the logger's name lands
 * on a line of its own: "[2024-02-14 05:10:19,748] ERROR org...TopicExistsException: Topic
 * 'a' already exists." then " (org.apache.kafka.tools.TopicCommand)". Times are UTC.
 *
 * Shared by the tools in src/cli.
 */

function twoDigits(value: number): string {
  return String(value).padStart(2, "0");
}

/** log4j's default %d: "yyyy-MM-dd HH:mm:ss,SSS". */
export function log4jTimestamp(nowMs: number): string {
  const time = new Date(nowMs);
  const date = `${time.getUTCFullYear()}-${twoDigits(time.getUTCMonth() + 1)}-${twoDigits(time.getUTCDate())}`;
  const clock = `${twoDigits(time.getUTCHours())}:${twoDigits(time.getUTCMinutes())}:${twoDigits(time.getUTCSeconds())}`;
  return `${date} ${clock},${String(time.getUTCMilliseconds()).padStart(3, "0")}`;
}

/**
 * The lines of one log event: "[time] LEVEL message (logger)", split where the message has
 * line breaks (a logged stack trace ends with one, which puts the logger on its own line).
 */
export function logEventLines(
  nowMs: number,
  level: "ERROR" | "WARN",
  message: string,
  logger: string,
): string[] {
  return `[${log4jTimestamp(nowMs)}] ${level} ${message} (${logger})`.split("\n");
}
