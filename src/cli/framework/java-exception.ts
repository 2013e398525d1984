/**
 * How a failure reads in Kafka's tool output: the Java exception's class and message, as
 * Throwable.toString() prints it at the top of a stack trace ("org.apache.kafka.common.
 * errors.TimeoutException: Topic t not present in metadata after 60000 ms."). The client
 * names its failures by Kafka's exception (ProducerError.type) or error code
 * (KafkaProtocolError.type); this maps them back to the class a Java user would see.
 */
import { KafkaProtocolError } from "../../client/kafka-error.ts";
import { ProducerError } from "../../client/producer/producer-error.ts";
import type { ToolIo } from "./tool.ts";

/** Where Kafka keeps the exceptions that are not in org.apache.kafka.common.errors. */
const PACKAGES: Readonly<Record<string, string>> = {
  KafkaException: "org.apache.kafka.common",
  InvalidRecordException: "org.apache.kafka.common",
  ConfigException: "org.apache.kafka.common.config",
  BufferExhaustedException: "org.apache.kafka.clients.producer",
  AdminCommandFailedException: "org.apache.kafka.server.common",
  AdminOperationException: "org.apache.kafka.server.common",
  IllegalArgumentException: "java.lang",
  IllegalStateException: "java.lang",
  NumberFormatException: "java.lang",
  RuntimeException: "java.lang",
  NoSuchFileException: "java.nio.file",
  ParseException: "java.text",
  DateTimeParseException: "java.time.format",
  ExecutionException: "java.util.concurrent",
  NoSuchElementException: "java.util",
  PatternSyntaxException: "java.util.regex",
};

/**
 * A class name with its package: "TimeoutException" → "org.apache.kafka.common.errors.
 * TimeoutException". A name that has its package already (joptsimple's exceptions, which
 * the option parser names in full) is kept as it is.
 */
export function qualifiedExceptionName(name: string): string {
  if (name.includes(".")) return name;
  return `${PACKAGES[name] ?? "org.apache.kafka.common.errors"}.${name}`;
}

/** Kafka's exception class for an error code's name: NOT_ENOUGH_REPLICAS → NotEnoughReplicasException. */
export function exceptionNameOfCode(type: string): string {
  const pascal = type
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
  // Some codes already end in EXCEPTION (INVALID_TOPIC_EXCEPTION → InvalidTopicException).
  return pascal.endsWith("Exception") ? pascal : `${pascal}Exception`;
}

/** "class: message", or the class alone when there is no message (as Throwable.toString()). */
function throwableText(name: string, message: string | null): string {
  const className = qualifiedExceptionName(name);
  return message === null ? className : `${className}: ${message}`;
}

/** A failure of the tool itself, named by the Java exception Kafka's tool would raise. */
export class JavaException extends Error {
  /** The fully qualified class name, e.g. "org.apache.kafka.common.errors.TimeoutException". */
  readonly className: string;
  /** The class name without its package, e.g. "TimeoutException". */
  readonly simpleName: string;

  constructor(
    /** The simple class name ("TimeoutException"), or one with its package. */
    name: string,
    /** getMessage(): null for none, which toString() leaves out; "" is a message, printed after ": ". */
    private readonly detail: string | null = null,
  ) {
    super(detail ?? "");
    this.className = qualifiedExceptionName(name);
    this.simpleName = this.className.slice(this.className.lastIndexOf(".") + 1);
    this.name = this.simpleName;
  }

  /** Throwable.toString(). */
  override toString(): string {
    return throwableText(this.className, this.detail);
  }
}

/**
 * What a failed Admin call's future throws from get(): ExecutionException, whose message
 * is its cause's toString(). Tools unwrap it (kafka-topics prints the cause) or print it
 * whole (kafka-configs' stack trace), as Kafka's do.
 */
export class ExecutionException extends JavaException {
  constructor(override readonly cause: JavaException) {
    super("ExecutionException", cause.toString());
  }
}

export function illegalArgument(message: string): JavaException {
  return new JavaException("IllegalArgumentException", message);
}

/** printStackTrace() on standard error without the frames: the exception, then what caused it. */
export function printStackTrace(io: ToolIo, exception: JavaException): void {
  io.err(exception.toString());
  if (exception instanceof ExecutionException) io.err(`Caused by: ${exception.cause}`);
}

/** Throwable.toString() of the Java exception `error` stands for. */
export function describeException(error: unknown): string {
  if (error instanceof JavaException) return error.toString();
  if (error instanceof KafkaProtocolError) {
    const prefix = `${error.type}: `;
    const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : null;
    return throwableText(exceptionNameOfCode(error.type), detail);
  }
  if (error instanceof ProducerError) return throwableText(error.type, error.message || null);
  if (error instanceof Error) {
    const simpleName =
      error.name === "ConfigError"
        ? "ConfigException"
        : error.name === "RequestTimeoutError"
          ? "TimeoutException"
          : error.name === "ConnectionError"
            ? "NetworkException"
            : "KafkaException";
    return throwableText(simpleName, error.message || null);
  }
  return throwableText("KafkaException", String(error) || null);
}
