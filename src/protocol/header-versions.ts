/**
 * Which header version goes with an API version: flexible API versions use request header
 * v2 and response header v1 (with tagged fields); older ones use v1 and v0. ApiVersions
 * responses always use header v0, so that a client can read the answer even when it asked
 * with a version the broker does not know (KIP-511).
 */
import type { MessageSpec } from "./codec-runtime.ts";
import { ApiKey } from "./generated/api-table.ts";

function isFlexible(spec: MessageSpec<unknown>, version: number): boolean {
  return spec.flexibleMinVersion !== null && version >= spec.flexibleMinVersion;
}

export function requestHeaderVersion(request: MessageSpec<unknown>, version: number): number {
  return isFlexible(request, version) ? 2 : 1;
}

export function responseHeaderVersion(response: MessageSpec<unknown>, version: number): number {
  if (response.apiKey === ApiKey.ApiVersions) return 0;
  return isFlexible(response, version) ? 1 : 0;
}
