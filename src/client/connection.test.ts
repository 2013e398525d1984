import { describe, expect, it } from "vitest";
import { createHandlerRegistry } from "../server/handler-registry.ts";
import { dispatchRequest } from "../server/request-dispatcher.ts";
import { ApiKey } from "../protocol/generated/api-table.ts";
import type { ApiVersionsResponse } from "../protocol/generated/messages/api-versions-response.ts";
import { Connection, ConnectionError } from "./connection.ts";
import { transportPair } from "./testing/in-memory-transport.ts";
import type { Transport } from "./transport.ts";

function serveBroker(transport: Transport & { close(reason?: string): void }): void {
  const registry = createHandlerRegistry();
  transport.onFrame(async (frame) => {
    const result = await dispatchRequest(registry, frame, undefined);
    if (result.kind === "respond") transport.send(result.frame);
    else if (result.kind === "disconnect") transport.close(result.reason);
  });
}

describe("a client connection", () => {
  it("pairs concurrent responses with their requests by correlation id", async () => {
    const [client, server] = transportPair();
    serveBroker(server);
    const connection = new Connection(client, "test-client");
    const answers = await Promise.all(
      [0, 1, 2, 3, 4].map((version) =>
        connection.request<ApiVersionsResponse>(ApiKey.ApiVersions, version, {}),
      ),
    );
    for (const answer of answers)
      expect(answer.apiKeys.some((api) => api.apiKey === ApiKey.ApiVersions)).toBe(true);
  });

  it("fails pending requests when the broker hangs up", async () => {
    const [client, server] = transportPair();
    serveBroker(server);
    const connection = new Connection(client, "test-client");
    // Produce is not served yet, so the broker hangs up, as Kafka does.
    await expect(connection.request(ApiKey.Produce, 9, { topicData: [] })).rejects.toBeInstanceOf(
      ConnectionError,
    );
    await expect(connection.request(ApiKey.ApiVersions, 3, {})).rejects.toThrow(/closed/);
  });

  it("bounds the requests in flight", async () => {
    const [client] = transportPair();
    const connection = new Connection(client, "test-client", 2);
    void connection.request(ApiKey.ApiVersions, 3, {}).catch(() => {});
    void connection.request(ApiKey.ApiVersions, 3, {}).catch(() => {});
    await expect(connection.request(ApiKey.ApiVersions, 3, {})).rejects.toThrow(/in flight/);
    connection.close();
  });
});
