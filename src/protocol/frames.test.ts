/**
 * Frames: known-answer bytes worked out by hand from Kafka's spec (message/README.md and the
 * JSON schemas), then how decodeRequest/decodeResponse/frameBody fail on bad input.
 */
import { describe, expect, it } from "vitest";
import {
  decodeRequest,
  decodeResponse,
  encodeRequestFrame,
  encodeResponseFrame,
  frameBody,
  peekCorrelationId,
  type RequestMeta,
} from "./frames.ts";
import { ApiKey } from "./generated/api-table.ts";
import type { ApiVersionsResponse } from "./generated/messages/api-versions-response.ts";
import type { HeartbeatResponse } from "./generated/messages/heartbeat-response.ts";
import type { JoinGroupRequest } from "./generated/messages/join-group-request.ts";
import type { MetadataRequest } from "./generated/messages/metadata-request.ts";
import { DecodeError } from "./primitives/decode-error.ts";

/** Bytes from hex pairs; anything after `#` on a line is a comment saying which field it is. */
function hex(text: string): Uint8Array {
  const pairs = text
    .split("\n")
    .map((line) => line.replace(/#.*/, ""))
    .join(" ")
    .match(/[0-9a-f]{2}/gi);
  return Uint8Array.from((pairs ?? []).map((pair) => parseInt(pair, 16)));
}

function ascii(text: string): string {
  return Array.from(text, (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join(" ");
}

/** A request body (after the size) for `apiKey`/`apiVersion`, header v1 or v2 by hand. */
function requestBody(
  apiKey: number,
  apiVersion: number,
  headerVersion: 1 | 2,
  body: string,
): Uint8Array {
  return hex(`
    ${apiKey
      .toString(16)
      .padStart(4, "0")
      .replace(/(..)(..)/, "$1 $2")}  # request_api_key
    ${apiVersion
      .toString(16)
      .padStart(4, "0")
      .replace(/(..)(..)/, "$1 $2")}  # request_api_version
    00 00 00 2a                # correlation_id 42
    00 02 ${ascii("me")}       # client_id: int16 length, never compact (flexibleVersions "none")
    ${headerVersion === 2 ? "00" : ""}  # header tagged fields (v2 only)
    ${body}
  `);
}

const REQUEST_42 = { correlationId: 42, clientId: "me" };

describe("known-answer frames", () => {
  it("ApiVersionsRequest v3: header v2 with a client id, compact strings, empty tagged fields", () => {
    const meta: RequestMeta = {
      apiKey: ApiKey.ApiVersions,
      apiVersion: 3,
      correlationId: 7,
      clientId: "adminclient-1",
    };
    const expected = hex(`
      00 00 00 31                      # size 49
      00 12                            # request_api_key 18
      00 03                            # request_api_version 3
      00 00 00 07                      # correlation_id 7
      00 0d ${ascii("adminclient-1")}  # client_id: int16 length 13
      00                               # header tagged fields: none
      12 ${ascii("apache-kafka-java")} # client_software_name: compact, length 17 + 1
      06 ${ascii("3.7.0")}             # client_software_version: compact, length 5 + 1
      00                               # body tagged fields: none
    `);
    const body = { clientSoftwareName: "apache-kafka-java", clientSoftwareVersion: "3.7.0" };
    expect(encodeRequestFrame(meta, body)).toEqual(expected);
    expect(decodeRequest(expected.subarray(4))).toEqual({ ok: true, value: { meta, body } });
  });

  it("MetadataRequest v12: a null topic array asks for every topic", () => {
    const meta: RequestMeta = {
      apiKey: ApiKey.Metadata,
      apiVersion: 12,
      correlationId: 0x01020304,
      clientId: null,
    };
    const expected = hex(`
      00 00 00 0f   # size 15
      00 03 00 0c   # Metadata v12
      01 02 03 04   # correlation_id
      ff ff         # client_id null: int16 -1
      00            # header tagged fields
      00            # topics: compact array, 0 means null
      00            # allow_auto_topic_creation false
      01            # include_topic_authorized_operations true (include_cluster_... ended at v10)
      00            # tagged fields
    `);
    const body: MetadataRequest = {
      topics: null,
      allowAutoTopicCreation: false,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: true,
    };
    expect(encodeRequestFrame(meta, body)).toEqual(expected);
    expect(decodeRequest(expected.subarray(4))).toEqual({ ok: true, value: { meta, body } });
  });

  it("ApiVersionsResponse v3: response header v0 (no tagged fields) and a tagged field set", () => {
    const expected = hex(`
      00 00 00 24                    # size 36
      00 00 00 07                    # correlation_id; header v0 even though v3 is flexible (KIP-511)
      00 00                          # error_code
      03                             # api_keys: compact array of 2
      00 12 00 00 00 04 00           #   ApiVersions 0-4, tagged fields
      00 03 00 00 00 0c 00           #   Metadata 0-12, tagged fields
      00 00 00 00                    # throttle_time_ms
      01                             # one tagged field
      01 08 00 00 00 00 00 00 00 05  #   tag 1 (finalized_features_epoch), 8 bytes, int64 5
    `);
    const body: ApiVersionsResponse = {
      errorCode: 0,
      apiKeys: [
        { apiKey: 18, minVersion: 0, maxVersion: 4 },
        { apiKey: 3, minVersion: 0, maxVersion: 12 },
      ],
      throttleTimeMs: 0,
      supportedFeatures: [],
      finalizedFeaturesEpoch: 5n,
      finalizedFeatures: [],
      zkMigrationReady: false,
    };
    expect(encodeResponseFrame(ApiKey.ApiVersions, 3, 7, body)).toEqual(expected);
    expect(decodeResponse(expected.subarray(4), ApiKey.ApiVersions, 3)).toEqual({
      ok: true,
      value: { correlationId: 7, body },
    });
  });

  it("HeartbeatResponse v4: response header v1 carries its own tagged-field count", () => {
    const expected = hex(`
      00 00 00 0c   # size 12
      00 00 00 09   # correlation_id 9
      00            # response header v1 tagged fields
      00 00 00 64   # throttle_time_ms 100
      00 1b         # error_code 27 (REBALANCE_IN_PROGRESS)
      00            # tagged fields
    `);
    const body: HeartbeatResponse = { throttleTimeMs: 100, errorCode: 27 };
    expect(encodeResponseFrame(ApiKey.Heartbeat, 4, 9, body)).toEqual(expected);
  });

  it("keeps an unknown tagged field and writes it back unchanged", () => {
    const frame = hex(`
      00 00 00 10   # size 16
      00 00 00 09   # correlation_id
      00            # header tagged fields
      00 00 00 00   # throttle_time_ms
      00 00         # error_code
      01 07 02 ab cd  # one tagged field: tag 7, 2 bytes, unknown to HeartbeatResponse
    `);
    const decoded = decodeResponse<HeartbeatResponse>(frame.subarray(4), ApiKey.Heartbeat, 4);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value.body.unknownTaggedFields).toEqual([
      { tag: 7, data: Uint8Array.of(0xab, 0xcd) },
    ]);
    expect(encodeResponseFrame(ApiKey.Heartbeat, 4, 9, decoded.value.body)).toEqual(frame);
  });

  it("puts unknown tagged fields sent out of order into tag order, as they will be written", () => {
    const body = hex(`
      00 00 00 09       # correlation_id
      00                # header tagged fields
      00 00 00 00       # throttle_time_ms
      00 00             # error_code
      02                # two tagged fields, not in ascending order
      09 01 aa          #   tag 9, 1 byte
      07 01 bb          #   tag 7, 1 byte
    `);
    const decoded = decodeResponse<HeartbeatResponse>(body, ApiKey.Heartbeat, 4);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value.body.unknownTaggedFields?.map((field) => field.tag)).toEqual([7, 9]);
  });

  it("every ApiVersions response version has header v0; other flexible responses header v1", () => {
    const apiVersions: ApiVersionsResponse = {
      errorCode: 35,
      apiKeys: [],
      throttleTimeMs: 0,
      supportedFeatures: [],
      finalizedFeaturesEpoch: -1n,
      finalizedFeatures: [],
      zkMigrationReady: false,
    };
    for (let version = 0; version <= 4; version++) {
      const frame = encodeResponseFrame(ApiKey.ApiVersions, version, 1, apiVersions);
      // The error code (35, UNSUPPORTED_VERSION) follows the correlation id directly, so a
      // client that spoke a version we do not know can still read it.
      expect(Array.from(frame.subarray(8, 10)), `v${version}`).toEqual([0x00, 0x23]);
    }
    const heartbeat = encodeResponseFrame(ApiKey.Heartbeat, 3, 1, {
      throttleTimeMs: 0,
      errorCode: 0,
    });
    expect(heartbeat.length).toBe(4 + 4 + 4 + 2); // v3 is not flexible: header v0, no tagged fields
  });
});

describe("decodeRequest failures", () => {
  it("an unknown API key still yields the header, so the broker can answer or close", () => {
    const result = decodeRequest(requestBody(1000, 0, 1, ""));
    expect(result).toEqual({
      ok: false,
      failure: {
        meta: { apiKey: 1000, apiVersion: 0, ...REQUEST_42 },
        error: expect.any(DecodeError),
      },
    });
    if (!result.ok) expect(result.failure.error.kind).toBe("unsupported-version");
  });

  it("a version the API does not have keeps the header", () => {
    const result = decodeRequest(requestBody(ApiKey.Metadata, 99, 2, "00 00 00"));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.meta).toEqual({
        apiKey: ApiKey.Metadata,
        apiVersion: 99,
        ...REQUEST_42,
      });
      expect(result.failure.error.kind).toBe("unsupported-version");
    }
  });

  it("a body cut anywhere is truncated; the header survives once it is whole", () => {
    const whole = requestBody(
      ApiKey.Heartbeat,
      3,
      1,
      `00 04 ${ascii("blue")} 00 00 00 05 00 01 ${ascii("m")} ff ff`,
    );
    expect(decodeRequest(whole).ok).toBe(true);
    const headerLength = 2 + 2 + 4 + 2 + 2;
    for (let cut = 0; cut < whole.length; cut++) {
      const result = decodeRequest(whole.subarray(0, cut));
      expect(result.ok, `cut at ${cut}`).toBe(false);
      if (result.ok) continue;
      expect(result.failure.error.kind, `cut at ${cut}`).toBe("truncated");
      expect(result.failure.meta === null, `cut at ${cut}`).toBe(cut < headerLength);
    }
  });

  it("bytes after the body are an error, not ignored", () => {
    const result = decodeRequest(requestBody(ApiKey.ListGroups, 0, 1, "ee"));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.meta).toEqual({
        apiKey: ApiKey.ListGroups,
        apiVersion: 0,
        ...REQUEST_42,
      });
      expect(result.failure.error.kind).toBe("trailing-bytes");
    }
  });

  it("a client id with a negative length other than -1 fails before any meta", () => {
    const result = decodeRequest(hex("00 0c 00 00 00 00 00 01 ff fe"));
    expect(result).toEqual({ ok: false, failure: { meta: null, error: expect.any(DecodeError) } });
    if (!result.ok) expect(result.failure.error.kind).toBe("invalid-length");
  });

  it("a decoded request owns its bytes: changing the received buffer changes nothing", () => {
    const meta: RequestMeta = {
      apiKey: ApiKey.JoinGroup,
      apiVersion: 5,
      correlationId: 1,
      clientId: "c",
    };
    const request: JoinGroupRequest = {
      groupId: "g",
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 30_000,
      memberId: "",
      groupInstanceId: null,
      protocolType: "consumer",
      protocols: [{ name: "range", metadata: Uint8Array.of(1, 2, 3) }],
      reason: null,
    };
    // A Node Buffer, as the TCP shell receives it: its `slice` would share memory.
    const received = Buffer.from(encodeRequestFrame(meta, request).subarray(4));
    const decoded = decodeRequest(received);
    if (!decoded.ok) throw decoded.failure.error;
    received.fill(0xee);
    const metadata = (decoded.value.body as JoinGroupRequest).protocols[0]!.metadata;
    expect(Array.from(metadata)).toEqual([1, 2, 3]);
    expect(metadata.buffer.byteLength).toBe(3);
  });
});

describe("frameBody, decodeResponse and peekCorrelationId", () => {
  const frame = encodeResponseFrame(ApiKey.Heartbeat, 0, 77, { throttleTimeMs: 0, errorCode: 0 });

  it("strips a size that matches the frame", () => {
    expect(frameBody(frame)).toEqual({ ok: true, value: frame.subarray(4) });
  });

  it.each([
    ["shorter than a size", hex("00 00 00"), "truncated"],
    ["negative size", hex("ff ff ff ff 00"), "invalid-length"],
    ["size over the limit", hex("00 00 01 00"), "invalid-length"],
    ["size past the end", hex("00 00 00 05 00 00"), "truncated"],
    ["bytes after the frame", hex("00 00 00 01 00 00"), "trailing-bytes"],
  ])("rejects a frame with %s", (_what, bytes, kind) => {
    const result = frameBody(bytes, 255);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe(kind);
  });

  it("decodeResponse refuses an unknown API key and a version the API lacks", () => {
    const unknownApi = decodeResponse(frame.subarray(4), 999, 0);
    const badVersion = decodeResponse(frame.subarray(4), ApiKey.Heartbeat, 50);
    expect(unknownApi.ok || badVersion.ok).toBe(false);
    if (!unknownApi.ok) expect(unknownApi.error.kind).toBe("unsupported-version");
    if (!badVersion.ok) expect(badVersion.error.kind).toBe("unsupported-version");
  });

  it("peekCorrelationId reads the id, or null when there are not 4 bytes", () => {
    expect(peekCorrelationId(frame.subarray(4))).toBe(77);
    expect(peekCorrelationId(hex("00 00 01"))).toBeNull();
  });
});
