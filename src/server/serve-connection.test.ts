import { describe, expect, it } from "vitest";
import { Connection, ConnectionError } from "../client/connection.ts";
import { transportPair } from "../client/testing/in-memory-transport.ts";
import { ApiKey } from "../protocol/generated/api-table.ts";
import type { ApiVersionsResponse } from "../protocol/generated/messages/api-versions-response.ts";
import { createHandlerRegistry } from "./handler-registry.ts";
import { serveConnection } from "./serve-connection.ts";

describe("serveConnection", () => {
  it("answers pipelined requests in order", async () => {
    const [client, server] = transportPair();
    const seen: string[] = [];
    serveConnection(server, createHandlerRegistry(), undefined, {
      observe: (direction) => seen.push(direction),
    });
    const connection = new Connection(client, "test");
    const answers = await Promise.all(
      [4, 3, 2].map((version) =>
        connection.request<ApiVersionsResponse>(ApiKey.ApiVersions, version, {}),
      ),
    );
    expect(answers.every((answer) => answer.errorCode === 0)).toBe(true);
    expect(seen).toEqual(["in", "out", "in", "out", "in", "out"]);
  });

  it("shows frames to the observer only while it is observing", async () => {
    const [client, server] = transportPair();
    const seen: string[] = [];
    let observing = false;
    serveConnection(server, createHandlerRegistry(), undefined, {
      observe: (direction, _frame, request) => seen.push(`${direction} ${request?.apiVersion}`),
      observing: () => observing,
    });
    const connection = new Connection(client, "test");
    await connection.request<ApiVersionsResponse>(ApiKey.ApiVersions, 3, {});
    observing = true;
    await connection.request<ApiVersionsResponse>(ApiKey.ApiVersions, 2, {});
    expect(seen).toEqual(["in 2", "out 2"]);
  });

  it("hangs up on a client that queues more than the bound", async () => {
    const [client, server] = transportPair();
    serveConnection(server, createHandlerRegistry(), undefined, { maxQueuedRequests: 2 });
    const connection = new Connection(client, "test");
    const results = await Promise.allSettled(
      [0, 1, 2, 3, 4, 5].map(() => connection.request(ApiKey.ApiVersions, 3, {})),
    );
    expect(
      results.some(
        (result) => result.status === "rejected" && result.reason instanceof ConnectionError,
      ),
    ).toBe(true);
  });
});
