/**
 * How a failure reads in Kafka's tool output: the Java exception's class and message, as
 * Throwable.toString() prints it at the top of a stack trace ("org.apache.kafka.common.
 * errors.TimeoutException: Topic t not present in metadata after 60000 ms."). The client
 * names its failures by Kafka's exception (ProducerError.type) or error code
 * (KafkaProtocolError.type); this maps them back to the class a Java user would see.
 */
import { KafkaProtocolError } from "../../client/kafka-error.ts";
import { ProducerError } from "../../client/producer/producer-error.ts";

/** Where Kafka keeps the exceptions that are not in org.apache.kafka.common.errors. */
const PACKAGES: Readonly<Record<string, string>> = {
  KafkaException: "org.apache.kafka.common",
  InvalidRecordException: "org.apache.kafka.common",
  ConfigException: "org.apache.kafka.common.config",
  BufferExhaustedException: "org.apache.kafka.clients.producer",
  IllegalArgumentException: "java.lang",
  IllegalStateException: "java.lang",
  ExecutionException: "java.util.concurrent",
  NoSuchElementException: "java.util",
  PatternSyntaxException: "java.util.regex",
};

/** A simple class name with its package: "TimeoutException" → "org.apache.kafka.common.errors.TimeoutException". */
export function qualifiedExceptionName(simpleName: string): string {
  return `${PACKAGES[simpleName] ?? "org.apache.kafka.common.errors"}.${simpleName}`;
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

/** A failure of the tool itself, named by the Java exception Kafka's tool would raise. */
export class JavaException extends Error {
  constructor(
    /** The simple class name, e.g. "TimeoutException". */
    readonly simpleName: string,
    message = "",
  ) {
    super(message);
    this.name = simpleName;
  }
}

/** "class: message", or the class alone when there is no message (as Throwable.toString()). */
function throwableText(simpleName: string, message: string): string {
  const name = qualifiedExceptionName(simpleName);
  return message === "" ? name : `${name}: ${message}`;
}

/** Throwable.toString() of the Java exception `error` stands for. */
export function describeException(error: unknown): string {
  if (error instanceof JavaException) return throwableText(error.simpleName, error.message);
  if (error instanceof KafkaProtocolError) {
    const prefix = `${error.type}: `;
    const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : "";
    return throwableText(exceptionNameOfCode(error.type), detail);
  }
  if (error instanceof ProducerError) return throwableText(error.type, error.message);
  if (error instanceof Error) {
    const simpleName =
      error.name === "ConfigError"
        ? "ConfigException"
        : error.name === "RequestTimeoutError"
          ? "TimeoutException"
          : error.name === "ConnectionError"
            ? "NetworkException"
            : "KafkaException";
    return throwableText(simpleName, error.message);
  }
  return throwableText("KafkaException", String(error));
}
