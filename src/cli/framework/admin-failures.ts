/**
 * Admin calls as Kafka's tools make them: a failed call is the Java exception Kafka's Admin
 * client raises for it, thrown as the ExecutionException its future's get() throws.
 *
 * Shared by kafka-topics, kafka-configs and kafka-consumer-groups.
 */
import { AdminArgumentError, AdminProtocolError } from "../../client/admin/admin-error.ts";
import { KafkaProtocolError } from "../../client/kafka-error.ts";
import { ExecutionException, JavaException, illegalArgument } from "./java-exception.ts";
import { kafkaException } from "./kafka-exceptions.ts";

/**
 * The broker's own message in an admin error, without what the admin client put before it
 * (the error's name and the topic, group or resource it is about); null when it sent none.
 */
function brokerMessage(error: KafkaProtocolError): string | null {
  const prefix =
    error instanceof AdminProtocolError
      ? new AdminProtocolError(error.errorCode, error.subject).message
      : new KafkaProtocolError(error.errorCode).message;
  return error.message.startsWith(`${prefix}: `) ? error.message.slice(prefix.length + 2) : null;
}

/**
 * What a failed admin call is as a Java exception. A broker that could not be reached
 * within the call's timeout is Kafka's TimeoutException for that call; anything that is
 * not a failure of the call (a bug) is thrown on.
 */
export function javaExceptionOf(error: unknown, callName: string): JavaException {
  if (error instanceof JavaException) return error;
  if (error instanceof KafkaProtocolError)
    return kafkaException(error.errorCode, brokerMessage(error));
  if (error instanceof AdminArgumentError) return illegalArgument(error.message);
  if (error instanceof Error) {
    if (error.name === "ConnectionError" || error.name === "RequestTimeoutError") {
      return new JavaException(
        "TimeoutException",
        `Timed out waiting for a node assignment. Call: ${callName}`,
      );
    }
    if (error.name === "UnsupportedVersionError") {
      return new JavaException("UnsupportedVersionException", error.message);
    }
  }
  throw error;
}

/**
 * Runs one admin call; its failure is thrown as the ExecutionException Kafka's tool gets
 * from the call's future (an argument the Admin refuses is thrown as it is, since Kafka's
 * Admin throws those before it returns a future).
 */
export async function adminCall<T>(callName: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const exception = javaExceptionOf(error, callName);
    throw error instanceof AdminArgumentError ? exception : new ExecutionException(exception);
  }
}

/** The exception a tool shows for `error`: an ExecutionException's cause, else itself. */
export function unwrapped(error: JavaException): JavaException {
  return error instanceof ExecutionException ? error.cause : error;
}
