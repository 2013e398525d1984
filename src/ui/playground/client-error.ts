/** A client failure as the page shows it: Kafka's name for it, and its message. */
import { KafkaProtocolError } from "../../client/kafka-error.ts";
import type { ClientError } from "../store/clients-slice.ts";

export function clientErrorOf(error: unknown, atMs: number): ClientError {
  if (error instanceof KafkaProtocolError)
    return { name: error.type, message: error.message, atMs };
  if (error instanceof Error) {
    // Kafka's Java exception name where the client gave one (TimeoutException, ...).
    const kind = (error as { type?: unknown }).type;
    const name = typeof kind === "string" && kind !== "" ? kind : error.name;
    return { name, message: error.message, atMs };
  }
  return { name: "Error", message: String(error), atMs };
}
