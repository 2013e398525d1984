import { describe, expect, it } from "vitest";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { FrameRecord } from "../../runtime/network/frame-tap.ts";
import { apiName, apisSeen, endpointsSeen, filterFrames, frameRow } from "./frame-rows.ts";

const frame = (facts: Partial<FrameRecord>): FrameRecord => ({
  id: 0,
  from: 1,
  to: 2,
  listener: "PLAINTEXT",
  direction: "request",
  apiKey: ApiKey.Fetch,
  apiVersion: 16,
  correlationId: 42,
  bytes: 1500,
  atMs: new Date(2024, 0, 1, 10, 0, 1, 5).getTime(),
  delayMs: 0,
  retransmissions: 0,
  dropped: false,
  ...facts,
});

describe("frame rows", () => {
  it("names the API by Kafka's name with its version, ends by broker id or the page", () => {
    const row = frameRow(
      frame({ from: "page", to: 3, apiKey: ApiKey.Produce, apiVersion: 11 }),
      "page",
    );
    expect(row).toEqual({
      key: "page:0",
      time: "10:00:01.005",
      from: "page",
      to: "B3",
      listener: "PLAINTEXT",
      direction: "request",
      api: "Produce v11",
      correlationId: "42",
      size: "1.5 KB",
      dropped: false,
    });
    expect(frameRow(frame({ apiKey: -1, apiVersion: -1, bytes: 12 }), "페이지")).toMatchObject({
      api: "?",
      size: "12 B",
    });
    expect(apiName(ApiKey.AlterPartition)).toBe("AlterPartition");
    expect(apiName(999)).toBe("ApiKey 999");
  });

  it("filters by API and by an endpoint at either end", () => {
    const frames = [
      frame({ id: 0, apiKey: ApiKey.Fetch, from: 2, to: 1 }),
      frame({ id: 1, apiKey: ApiKey.Produce, from: "page", to: 1 }),
      frame({ id: 2, apiKey: ApiKey.Fetch, from: 3, to: 1 }),
      frame({ id: 3, apiKey: ApiKey.Vote, from: 2, to: 3 }),
    ];
    expect(filterFrames(frames, { apiKey: null, endpoint: null })).toBe(frames);
    expect(filterFrames(frames, { apiKey: ApiKey.Fetch, endpoint: null }).map((f) => f.id)).toEqual(
      [0, 2],
    );
    expect(filterFrames(frames, { apiKey: null, endpoint: 3 }).map((f) => f.id)).toEqual([2, 3]);
    expect(filterFrames(frames, { apiKey: ApiKey.Fetch, endpoint: 2 }).map((f) => f.id)).toEqual([
      0,
    ]);
    expect(apisSeen(frames).map(apiName)).toEqual(["Fetch", "Produce", "Vote"]);
    expect(endpointsSeen(frames)).toEqual([1, 2, 3, "page"]);
  });
});
