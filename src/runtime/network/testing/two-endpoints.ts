/**
 * Two network endpoints (nodes 1 and 2) on one manual scheduler and link table, joined by
 * in-memory pipes, with real Kafka frames to send between them: the fixture of the
 * network fabric's tests.
 */
import { encodeRequestFrame, encodeResponseFrame } from "../../../protocol/frames.ts";
import { ApiKey } from "../../../protocol/generated/api-table.ts";
import { defaultApiVersionsRequest } from "../../../protocol/generated/messages/api-versions-request.ts";
import { defaultApiVersionsResponse } from "../../../protocol/generated/messages/api-versions-response.ts";
import type { Transport } from "../../../client/transport.ts";
import { FrameTap } from "../frame-tap.ts";
import { LinkTable } from "../link-conditions.ts";
import { ManualScheduler } from "../manual-scheduler.ts";
import { createMemoryPipe } from "../memory-pipe.ts";
import { NetworkEndpoint } from "../network-endpoint.ts";

export const API_VERSIONS_VERSION = 3;

export function apiVersionsRequestFrame(correlationId: number): Uint8Array {
  return encodeRequestFrame(
    {
      apiKey: ApiKey.ApiVersions,
      apiVersion: API_VERSIONS_VERSION,
      correlationId,
      clientId: "test",
    },
    {
      ...defaultApiVersionsRequest(),
      clientSoftwareName: "test",
      clientSoftwareVersion: `${correlationId}`,
    },
  );
}

export function apiVersionsResponseFrame(correlationId: number): Uint8Array {
  return encodeResponseFrame(ApiKey.ApiVersions, API_VERSIONS_VERSION, correlationId, {
    ...defaultApiVersionsResponse(),
    apiKeys: [{ apiKey: ApiKey.ApiVersions, minVersion: 0, maxVersion: 4 }],
  });
}

/** The correlation id of a request frame, to tell frames apart in assertions. */
export function correlationIdOf(frame: Uint8Array): number {
  return new DataView(frame.buffer, frame.byteOffset + 8, 4).getInt32(0);
}

export interface Arrival {
  atMs: number;
  correlationId: number;
}

export interface Connected {
  client: Transport;
  server: Transport;
  /** Request frames as node 2 received them, with the node time they arrived. */
  serverArrivals: Arrival[];
  clientArrivals: Arrival[];
  closes: { side: "client" | "server"; reason: string; atMs: number }[];
}

export class TwoEndpoints {
  readonly scheduler = new ManualScheduler();
  readonly links = new LinkTable();
  /** Losses are decided by this list of draws, consumed in order (then 0.99: delivered). */
  readonly draws: number[] = [];
  readonly tap1 = new FrameTap({ enabled: true });
  readonly tap2 = new FrameTap({ enabled: true });
  readonly node1: NetworkEndpoint;
  readonly node2: NetworkEndpoint;

  constructor() {
    const random = () => this.draws.shift() ?? 0.99;
    this.node1 = new NetworkEndpoint(1, {
      scheduler: this.scheduler,
      random,
      links: this.links,
      tap: this.tap1,
    });
    this.node2 = new NetworkEndpoint(2, {
      scheduler: this.scheduler,
      random,
      links: this.links,
      tap: this.tap2,
    });
  }

  /** Node 1 dials node 2's PLAINTEXT listener; null when the dial is refused. */
  connect(): Connected | null {
    let server: Transport | null = null;
    const client = this.node1.dial(2, "PLAINTEXT", () => {
      const [near, far] = createMemoryPipe();
      server = this.node2.accept(1, "PLAINTEXT", far);
      return near;
    });
    if (client === null || server === null) return null;
    const connected: Connected = {
      client,
      server,
      serverArrivals: [],
      clientArrivals: [],
      closes: [],
    };
    const at = () => this.scheduler.nowMs();
    (server as Transport).onFrame((frame) =>
      connected.serverArrivals.push({ atMs: at(), correlationId: correlationIdOf(frame) }),
    );
    client.onFrame((frame) =>
      connected.clientArrivals.push({
        atMs: at(),
        correlationId: new DataView(frame.buffer, frame.byteOffset + 4, 4).getInt32(0),
      }),
    );
    (server as Transport).onClose((reason) =>
      connected.closes.push({ side: "server", reason, atMs: at() }),
    );
    client.onClose((reason) => connected.closes.push({ side: "client", reason, atMs: at() }));
    return connected;
  }
}
