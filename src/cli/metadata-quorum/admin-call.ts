/**
 * One Admin-client call as Kafka's KafkaAdminClient makes it for the command-line tools:
 * ask a node from the bootstrap list, with request.timeout.ms per request; on a retriable
 * failure (no answer, a lost connection, a retriable error code) try the next, backing off
 * retry.backoff.ms between rounds, until default.api.timeout.ms has passed. A node that
 * does not support the API, or a non-retriable error, ends the call at once. A failed call
 * is thrown as the JavaException Kafka's Admin client would raise.
 */
import type { BrokerAddress, ClientIo } from "../../client/client-io.ts";
import {
  BrokerConnection,
  UnsupportedVersionError,
} from "../../client/cluster/broker-connection.ts";
import { KafkaProtocolError } from "../../client/kafka-error.ts";
import { APIS } from "../../protocol/generated/api-table.ts";
import { exceptionNameOfCode, JavaException } from "../framework/java-exception.ts";

/** Kafka's Admin defaults. */
export const ADMIN_DEFAULTS = {
  requestTimeoutMs: 30_000,
  defaultApiTimeoutMs: 60_000,
  retryBackoffMs: 100,
};

export interface AdminCallOptions {
  io: ClientIo;
  bootstrap: readonly BrokerAddress[];
  clientId: string;
  requestTimeoutMs?: number;
  defaultApiTimeoutMs?: number;
  retryBackoffMs?: number;
}

/** ApiKeys' enum name: "DescribeQuorum" → "DESCRIBE_QUORUM". */
function apiKeyName(apiKey: number): string {
  const name = APIS.get(apiKey)?.name ?? String(apiKey);
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

function sleep(io: ClientIo, delayMs: number): Promise<void> {
  return new Promise((resolve) => io.after(delayMs, resolve));
}

/**
 * Sends `body` as `apiKey` to the bootstrap nodes in turn until one answers and `accept`
 * takes the answer (`accept` throws KafkaProtocolError for an error code in it).
 */
export async function adminCall<Response, Result>(
  options: AdminCallOptions,
  callName: string,
  apiKey: number,
  body: unknown,
  accept: (response: Response, version: number) => Result,
): Promise<Result> {
  const { io } = options;
  const requestTimeoutMs = options.requestTimeoutMs ?? ADMIN_DEFAULTS.requestTimeoutMs;
  const retryBackoffMs = options.retryBackoffMs ?? ADMIN_DEFAULTS.retryBackoffMs;
  const deadlineMs =
    io.nowMs() + (options.defaultApiTimeoutMs ?? ADMIN_DEFAULTS.defaultApiTimeoutMs);
  let tries = 0;
  let lastFailure: unknown = null;
  for (;;) {
    for (const address of options.bootstrap) {
      const remainingMs = deadlineMs - io.nowMs();
      if (remainingMs <= 0) break;
      const connection = BrokerConnection.open(-1, address, io, options.clientId, 1);
      if (connection === null) continue;
      tries++;
      try {
        const { response, version } = await connection.request<Response>(apiKey, body, {
          timeoutMs: Math.min(requestTimeoutMs, remainingMs),
        });
        return accept(response, version);
      } catch (error) {
        if (error instanceof UnsupportedVersionError) {
          throw new JavaException(
            "UnsupportedVersionException",
            `The node does not support ${apiKeyName(apiKey)}`,
          );
        }
        if (error instanceof KafkaProtocolError && !error.retriable) {
          throw new JavaException(exceptionNameOfCode(error.type), error.message);
        }
        lastFailure = error;
      } finally {
        connection.close();
      }
    }
    const nowMs = io.nowMs();
    if (nowMs >= deadlineMs) {
      const detail =
        tries === 0
          ? `Timed out waiting for a node assignment. Call: ${callName}`
          : `Call(callName=${callName}, deadlineMs=${deadlineMs}, tries=${tries}, nextAllowedTryMs=${nowMs + retryBackoffMs}) ` +
            `timed out at ${nowMs} after ${tries} attempt(s)` +
            (lastFailure instanceof Error ? ` (last failure: ${lastFailure.message})` : "");
      throw new JavaException("TimeoutException", detail);
    }
    await sleep(io, Math.min(retryBackoffMs, deadlineMs - nowMs));
  }
}
