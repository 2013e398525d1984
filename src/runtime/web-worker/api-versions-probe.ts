/**
 * "Can this endpoint reach that listener?" answered the Kafka way: open a connection and
 * ask ApiVersions, as kafka-broker-api-versions.sh does. The answer's round trip is in
 * node time, so it shows the link's latency and retransmissions as the nodes feel them.
 */
import { Connection } from "../../client/connection.ts";
import type { Transport } from "../../client/transport.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { ApiVersionsResponse } from "../../protocol/generated/messages/api-versions-response.ts";
import type { Scheduler } from "../network/scheduler.ts";

/** ApiVersions v3: the first flexible version, which every broker since Kafka 2.4 answers. */
const PROBE_API_VERSION = 3;

export interface ProbeResult {
  errorCode: number;
  apiKeys: { apiKey: number; minVersion: number; maxVersion: number }[];
  roundTripMs: number;
}

export function probeApiVersions(
  transport: Transport | null,
  scheduler: Scheduler,
  timeoutMs: number,
  clientId = "kafka-playground-probe",
): Promise<ProbeResult> {
  if (transport === null) return Promise.reject(new Error("connection refused"));
  const connection = new Connection(transport, clientId, 1);
  const startedMs = scheduler.nowMs();
  return new Promise<ProbeResult>((resolve, reject) => {
    scheduler.after(timeoutMs, () => {
      reject(new Error(`no ApiVersions answer within ${timeoutMs} ms`));
      connection.close();
    });
    connection
      .request<ApiVersionsResponse>(ApiKey.ApiVersions, PROBE_API_VERSION, {
        clientSoftwareName: "kafka-playground",
        clientSoftwareVersion: "0.1.0",
      })
      .then(
        (response) => {
          resolve({
            errorCode: response.errorCode,
            apiKeys: response.apiKeys.map(({ apiKey, minVersion, maxVersion }) => ({
              apiKey,
              minVersion,
              maxVersion,
            })),
            roundTripMs: scheduler.nowMs() - startedMs,
          });
          connection.close();
        },
        (error: Error) => reject(error),
      );
  });
}
