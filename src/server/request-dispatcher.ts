/**
 * Turns one request frame into one response frame (or none): decode, find the handler,
 * encode its answer. Like Kafka, a request the broker cannot parse or does not support
 * closes the connection, except ApiVersions, which always answers. Handlers may answer
 * later (purgatories), so dispatching is asynchronous.
 */
import { ApiKey } from "../protocol/generated/api-table.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import { decodeRequest, encodeResponseFrame, frameBody } from "../protocol/frames.ts";
import { NO_RESPONSE } from "./handler.ts";
import type { HandlerRegistry } from "./handler-registry.ts";
import { apiVersionsResponse } from "./handlers/18-api-versions.ts";

export type DispatchResult =
  | { kind: "respond"; frame: Uint8Array }
  /** The request is done and Kafka sends nothing back (Produce with acks=0). */
  | { kind: "silent" }
  /** Kafka's answer to a frame it cannot parse or an unsupported request: hang up. */
  | { kind: "disconnect"; reason: string };

export async function dispatchRequest<Services>(
  registry: HandlerRegistry<Services>,
  frame: Uint8Array,
  services: Services,
): Promise<DispatchResult> {
  const body = frameBody(frame);
  if (!body.ok) return { kind: "disconnect", reason: body.error.message };
  const decoded = decodeRequest(body.value);
  if (!decoded.ok) {
    const { meta, error } = decoded.failure;
    if (meta !== null && meta.apiKey === ApiKey.ApiVersions) {
      const answer = apiVersionsResponse(registry, ErrorCode.UNSUPPORTED_VERSION);
      return {
        kind: "respond",
        frame: encodeResponseFrame(meta.apiKey, 0, meta.correlationId, answer),
      };
    }
    return { kind: "disconnect", reason: error.message };
  }
  const { meta, body: request } = decoded.value;
  const handler = registry.get(meta.apiKey);
  if (handler === undefined || !registry.supports(meta.apiKey, meta.apiVersion)) {
    if (meta.apiKey === ApiKey.ApiVersions) {
      const answer = apiVersionsResponse(registry, ErrorCode.UNSUPPORTED_VERSION);
      return {
        kind: "respond",
        frame: encodeResponseFrame(meta.apiKey, 0, meta.correlationId, answer),
      };
    }
    return {
      kind: "disconnect",
      reason: `API ${meta.apiKey} v${meta.apiVersion} is not supported`,
    };
  }
  const response = await handler.handle(request as never, { meta, registry, services });
  if (response === NO_RESPONSE) return { kind: "silent" };
  return {
    kind: "respond",
    frame: encodeResponseFrame(meta.apiKey, meta.apiVersion, meta.correlationId, response),
  };
}
