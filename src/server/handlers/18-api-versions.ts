/**
 * ApiVersions (key 18): which APIs and versions this broker handles, straight from the
 * handler registry. A client asking with a version we do not know gets UNSUPPORTED_VERSION
 * in a v0 response, so it can retry with one we do (KIP-511).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { ApiVersionsRequest } from "../../protocol/generated/messages/api-versions-request.ts";
import {
  defaultApiVersionsResponse,
  type ApiVersionsResponse,
} from "../../protocol/generated/messages/api-versions-response.ts";
import { defineHandler } from "../handler.ts";
import type { HandlerRegistry } from "../handler-registry.ts";

export function apiVersionsResponse<S>(
  registry: HandlerRegistry<S>,
  errorCode: number,
): ApiVersionsResponse {
  return {
    ...defaultApiVersionsResponse(),
    errorCode,
    apiKeys: registry.supportedVersions(),
  };
}

export const apiVersionsHandler = defineHandler<ApiVersionsRequest, ApiVersionsResponse>({
  apiKey: ApiKey.ApiVersions,
  minVersion: 0,
  maxVersion: 4,
  handle(_request, context) {
    return apiVersionsResponse(context.registry, ErrorCode.NONE);
  },
});
