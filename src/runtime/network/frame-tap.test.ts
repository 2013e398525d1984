import { describe, expect, it } from "vitest";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { ApiVersionsRequest } from "../../protocol/generated/messages/api-versions-request.ts";
import type { ApiVersionsResponse } from "../../protocol/generated/messages/api-versions-response.ts";
import { FrameTap, type FrameFacts } from "./frame-tap.ts";
import {
  API_VERSIONS_VERSION,
  TwoEndpoints,
  apiVersionsRequestFrame,
  apiVersionsResponseFrame,
} from "./testing/two-endpoints.ts";

describe("the tap on a connection", () => {
  it("records each frame once, at its sender, with the response labelled by its request", () => {
    const net = new TwoEndpoints();
    const connection = net.connect()!;
    net.scheduler.advance(5);
    const request = apiVersionsRequestFrame(41);
    const requestBytes = request.length;
    connection.client.send(request);
    connection.server.send(apiVersionsResponseFrame(41));

    const [sent] = net.tap1.takeRecords().records;
    const [answered] = net.tap2.takeRecords().records;
    expect(sent).toMatchObject({
      from: 1,
      to: 2,
      listener: "PLAINTEXT",
      direction: "request",
      apiKey: ApiKey.ApiVersions,
      apiVersion: API_VERSIONS_VERSION,
      correlationId: 41,
      bytes: requestBytes,
      atMs: 5,
      dropped: false,
    });
    expect(answered).toMatchObject({
      from: 2,
      to: 1,
      direction: "response",
      apiKey: ApiKey.ApiVersions,
      apiVersion: API_VERSIONS_VERSION,
      correlationId: 41,
    });
    expect(net.tap1.takeRecords().records).toEqual([]);
  });

  it("decodes a recorded request and response on demand", () => {
    const net = new TwoEndpoints();
    const connection = net.connect()!;
    connection.client.send(apiVersionsRequestFrame(3));
    connection.server.send(apiVersionsResponseFrame(3));
    const requestId = net.tap1.takeRecords().records[0]!.id;
    const responseId = net.tap2.takeRecords().records[0]!.id;

    const request = net.tap1.decode(requestId);
    expect(request?.ok).toBe(true);
    if (!request?.ok) return;
    expect(request.header).toMatchObject({
      apiKey: ApiKey.ApiVersions,
      correlationId: 3,
      clientId: "test",
    });
    expect((request.body as ApiVersionsRequest).clientSoftwareVersion).toBe("3");

    const response = net.tap2.decode(responseId);
    expect(response?.ok).toBe(true);
    if (!response?.ok) return;
    expect((response.body as ApiVersionsResponse).apiKeys).toEqual([
      expect.objectContaining({ apiKey: ApiKey.ApiVersions, maxVersion: 4 }),
    ]);
  });

  it("labels a response whose request it never saw as unknown, and will not decode it", () => {
    const net = new TwoEndpoints();
    const connection = net.connect()!;
    connection.server.send(apiVersionsResponseFrame(9));
    const [record] = net.tap2.takeRecords().records;
    expect(record).toMatchObject({ apiKey: -1, correlationId: 9, direction: "response" });
    expect(net.tap2.decode(record!.id)).toMatchObject({ ok: false });
  });

  it("records nothing while off, and still labels responses once turned on", () => {
    const net = new TwoEndpoints();
    net.tap1.enabled = false;
    net.tap2.enabled = false;
    const connection = net.connect()!;
    connection.client.send(apiVersionsRequestFrame(1));
    net.tap2.enabled = true;
    connection.server.send(apiVersionsResponseFrame(1));
    expect(net.tap1.takeRecords().records).toEqual([]);
    expect(net.tap2.takeRecords().records[0]).toMatchObject({
      apiKey: ApiKey.ApiVersions,
      correlationId: 1,
    });
  });
});

function facts(correlationId: number, bytes: number): FrameFacts {
  return {
    from: 1,
    to: 2,
    listener: "PLAINTEXT",
    direction: "request",
    apiKey: ApiKey.ApiVersions,
    apiVersion: API_VERSIONS_VERSION,
    correlationId,
    bytes,
    atMs: 0,
    delayMs: 0,
    retransmissions: 0,
    dropped: false,
  };
}

describe("the tap's bounds", () => {
  it("keeps the bytes of only the last frames", () => {
    const tap = new FrameTap({ enabled: true, capacity: 3 });
    for (let i = 0; i < 5; i++) tap.record(facts(i, 30), apiVersionsRequestFrame(i));
    expect(tap.decode(0)).toBeNull();
    expect(tap.decode(1)).toBeNull();
    expect(tap.decode(4)).toMatchObject({ ok: true, header: { correlationId: 4 } });
    expect(tap.decode(2)).toMatchObject({ ok: true, header: { correlationId: 2 } });
    const frameBytes = apiVersionsRequestFrame(0).length;
    expect(tap.heldBytes).toBe(3 * frameBytes);
  });

  it("evicts the oldest bytes to stay within its byte budget", () => {
    const frameBytes = apiVersionsRequestFrame(0).length;
    const tap = new FrameTap({ enabled: true, capacity: 100, maxBytes: 2 * frameBytes });
    for (let i = 0; i < 4; i++) tap.record(facts(i, frameBytes), apiVersionsRequestFrame(i));
    expect(tap.heldBytes).toBe(2 * frameBytes);
    expect(tap.decode(1)).toBeNull();
    expect(tap.decode(2)?.ok).toBe(true);
    expect(tap.decode(3)?.ok).toBe(true);
  });

  it("keeps a copy, not the sender's buffer", () => {
    const tap = new FrameTap({ enabled: true });
    const frame = apiVersionsRequestFrame(8);
    tap.record(facts(8, frame.length), frame);
    frame.fill(0);
    expect(tap.decode(0)).toMatchObject({ ok: true, header: { correlationId: 8 } });
  });

  it("drops the oldest pending records when nobody takes them, and counts them", () => {
    const tap = new FrameTap({ enabled: true, maxPendingRecords: 2 });
    for (let i = 0; i < 5; i++) tap.record(facts(i, 30), apiVersionsRequestFrame(i));
    const { records, dropped } = tap.takeRecords();
    expect(records.map((record) => record.correlationId)).toEqual([3, 4]);
    expect(dropped).toBe(3);
  });
});
