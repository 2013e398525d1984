import { describe, expect, it } from "vitest";
import { ApiKey } from "../protocol/generated/api-table.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type { ApiVersionsResponse } from "../protocol/generated/messages/api-versions-response.ts";
import { decodeResponse, encodeRequestFrame, frameBody } from "../protocol/frames.ts";
import { Writer } from "../protocol/primitives/writer.ts";
import { createHandlerRegistry } from "./handler-registry.ts";
import { HandlerRegistry } from "./handler-registry.ts";
import { apiVersionsHandler } from "./handlers/18-api-versions.ts";
import { dispatchRequest } from "./request-dispatcher.ts";

const registry = createHandlerRegistry();

async function answer(frame: Uint8Array, version: number): Promise<ApiVersionsResponse> {
  const result = await dispatchRequest(registry, frame, undefined);
  if (result.kind !== "respond") throw new Error(`no answer: ${result.kind}`);
  const body = frameBody(result.frame);
  if (!body.ok) throw body.error;
  const decoded = decodeResponse<ApiVersionsResponse>(body.value, ApiKey.ApiVersions, version);
  if (!decoded.ok) throw decoded.error;
  return decoded.value.body;
}

/**
 * A request frame with any api key and version, which our own encoder would refuse: a
 * header (v2, with its empty tagged-field section, when `flexibleHeader`) and no body.
 */
function rawRequest(
  apiKey: number,
  apiVersion: number,
  correlationId: number,
  flexibleHeader = false,
): Uint8Array {
  const w = new Writer();
  w.int32(0).int16(apiKey).int16(apiVersion).int32(correlationId).string("test");
  if (flexibleHeader) w.unsignedVarint(0);
  w.patchInt32(0, w.position - 4);
  return w.finish();
}

describe("the request dispatcher", () => {
  it("answers ApiVersions at every version with what the registry holds", async () => {
    for (let version = 0; version <= 4; version++) {
      const frame = encodeRequestFrame(
        { apiKey: ApiKey.ApiVersions, apiVersion: version, correlationId: 7, clientId: "t" },
        {
          clientSoftwareName: "test",
          clientSoftwareVersion: "1",
        },
      );
      const response = await answer(frame, version);
      expect(response.errorCode).toBe(ErrorCode.NONE);
      expect(
        response.apiKeys.map(({ apiKey, minVersion, maxVersion }) => ({
          apiKey,
          minVersion,
          maxVersion,
        })),
      ).toEqual(registry.supportedVersions());
    }
  });

  it("answers an ApiVersions version it does not know with UNSUPPORTED_VERSION in v0", async () => {
    const response = await answer(rawRequest(ApiKey.ApiVersions, 9, 3, true), 0);
    expect(response.errorCode).toBe(ErrorCode.UNSUPPORTED_VERSION);
    expect(response.apiKeys.find((api) => api.apiKey === ApiKey.ApiVersions)?.maxVersion).toBe(4);
  });

  it("hangs up on an unknown API, an unsupported request, and garbage", async () => {
    expect((await dispatchRequest(registry, rawRequest(999, 0, 1), undefined)).kind).toBe(
      "disconnect",
    );
    expect(
      (await dispatchRequest(registry, rawRequest(ApiKey.Produce, 9, 1), undefined)).kind,
    ).toBe("disconnect");
    expect(
      (await dispatchRequest(registry, new Uint8Array([0, 0, 0, 3, 1, 2, 3]), undefined)).kind,
    ).toBe("disconnect");
    expect(
      (await dispatchRequest(registry, new Uint8Array([0xff, 0xff, 0xff, 0xff]), undefined)).kind,
    ).toBe("disconnect");
  });

  it("refuses to register a handler twice or beyond its codec's versions", async () => {
    expect(() =>
      new HandlerRegistry().register(apiVersionsHandler).register(apiVersionsHandler),
    ).toThrow(/twice/);
    expect(() => new HandlerRegistry().register({ ...apiVersionsHandler, maxVersion: 99 })).toThrow(
      /claims/,
    );
  });
});
