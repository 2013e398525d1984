/**
 * Start broker 1's worker, open a Kafka connection to it and send ApiVersions: the page's
 * first real exchange. The frames seen on the wire are kept for display.
 */
import { APIS, ApiKey } from "../../protocol/generated/api-table.ts";
import type { ApiVersionsResponse } from "../../protocol/generated/messages/api-versions-response.ts";
import { frameBody, decodeRequest, peekCorrelationId } from "../../protocol/frames.ts";
import { BrokerHost } from "../../runtime/web-worker/broker-host.ts";
import type { FrameFacts } from "../store/handshake-slice.ts";
import { failHandshake, finishHandshake, setBrokerState, startHandshake } from "../store/store.ts";

const API_VERSIONS_VERSION = 4;
let broker: Promise<BrokerHost> | null = null;

function factsOf(frame: Uint8Array, apiKey: number, apiVersion: number): FrameFacts {
  const body = frameBody(frame);
  let correlationId = -1;
  if (body.ok) {
    const request = decodeRequest(body.value);
    correlationId = request.ok ? request.value.meta.correlationId : (peekCorrelationId(body.value) ?? -1);
  }
  return { apiKey, apiVersion, correlationId, bytes: frame.slice() };
}

export async function runHandshake(): Promise<void> {
  startHandshake();
  try {
    broker ??= BrokerHost.start(1);
    const host = await broker;
    setBrokerState("alive");
    const frames: { request?: Uint8Array; response?: Uint8Array } = {};
    const connection = await host.connect("kafka-playground-page", (direction, frame) => {
      frames[direction] = frame.slice();
    });
    const startedAt = performance.now();
    const response = await connection.request<ApiVersionsResponse>(ApiKey.ApiVersions, API_VERSIONS_VERSION, {
      clientSoftwareName: "kafka-playground",
      clientSoftwareVersion: "0.1.0",
    });
    const roundTripMs = performance.now() - startedAt;
    connection.close();
    const request = factsOf(frames.request!, ApiKey.ApiVersions, API_VERSIONS_VERSION);
    finishHandshake({
      request,
      response: { ...factsOf(frames.response!, ApiKey.ApiVersions, API_VERSIONS_VERSION), correlationId: request.correlationId },
      errorCode: response.errorCode,
      roundTripMs,
      apis: response.apiKeys.map((api) => ({
        apiKey: api.apiKey,
        name: APIS.get(api.apiKey)?.name ?? `#${api.apiKey}`,
        minVersion: api.minVersion,
        maxVersion: api.maxVersion,
      })),
    });
  } catch (error) {
    setBrokerState("dead");
    failHandshake(error instanceof Error ? error.message : String(error));
  }
}
