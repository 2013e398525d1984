import { describe, expect, it } from "vitest";
import { INITIAL_RTO_MS, MAX_RETRANSMISSIONS, MAX_RTO_MS } from "./transmission.ts";
import {
  TwoEndpoints,
  apiVersionsRequestFrame,
  apiVersionsResponseFrame,
} from "./testing/two-endpoints.ts";

function setUp() {
  const net = new TwoEndpoints();
  const connection = net.connect()!;
  expect(connection).not.toBeNull();
  return { net, connection };
}

describe("latency", () => {
  it("delays every frame by the link's latency, in node time", () => {
    const { net, connection } = setUp();
    net.links.set(1, 2, { cut: false, latencyMs: 50, lossRate: 0 });
    connection.client.send(apiVersionsRequestFrame(1));
    net.scheduler.advance(49);
    expect(connection.serverArrivals).toEqual([]);
    net.scheduler.advance(1);
    expect(connection.serverArrivals).toEqual([{ atMs: 50, correlationId: 1 }]);
  });

  it("keeps order when the latency drops while frames are on the link", () => {
    const { net, connection } = setUp();
    net.links.set(1, 2, { cut: false, latencyMs: 100, lossRate: 0 });
    connection.client.send(apiVersionsRequestFrame(1));
    net.scheduler.advance(10);
    net.links.set(1, 2, { cut: false, latencyMs: 0, lossRate: 0 });
    connection.client.send(apiVersionsRequestFrame(2));
    net.scheduler.advance(200);
    expect(connection.serverArrivals).toEqual([
      { atMs: 100, correlationId: 1 },
      { atMs: 100, correlationId: 2 },
    ]);
  });

  it("applies each direction's own conditions", () => {
    const { net, connection } = setUp();
    net.links.set(2, 1, { cut: false, latencyMs: 30, lossRate: 0 });
    connection.client.send(apiVersionsRequestFrame(7));
    expect(connection.serverArrivals).toEqual([{ atMs: 0, correlationId: 7 }]);
    connection.server.send(apiVersionsResponseFrame(7));
    net.scheduler.advance(30);
    expect(connection.clientArrivals).toEqual([{ atMs: 30, correlationId: 7 }]);
  });
});

describe("loss", () => {
  it("retransmits a lost frame after an RTO that doubles, and later frames wait behind it", () => {
    const { net, connection } = setUp();
    net.links.set(1, 2, { cut: false, latencyMs: 10, lossRate: 0.5 });
    net.draws.push(0.1, 0.2, 0.9); // lost, lost again, delivered
    connection.client.send(apiVersionsRequestFrame(1));
    net.draws.push(0.9); // delivered at once, but may not overtake frame 1
    connection.client.send(apiVersionsRequestFrame(2));
    net.scheduler.advance(1_000);
    const firstArrivalMs = INITIAL_RTO_MS + 2 * INITIAL_RTO_MS + 10;
    expect(connection.serverArrivals).toEqual([
      { atMs: firstArrivalMs, correlationId: 1 },
      { atMs: firstArrivalMs, correlationId: 2 },
    ]);
    const records = net.tap1.takeRecords().records;
    expect(records.map((record) => [record.retransmissions, record.delayMs])).toEqual([
      [2, firstArrivalMs],
      [0, 10],
    ]);
  });

  it("gives up after the last retransmission and breaks the connection on both sides", () => {
    const { net, connection } = setUp();
    net.links.set(1, 2, { cut: false, latencyMs: 0, lossRate: 1 });
    connection.client.send(apiVersionsRequestFrame(1));
    let waitedMs = 0;
    for (
      let rto = INITIAL_RTO_MS, i = 0;
      i <= MAX_RETRANSMISSIONS;
      i++, rto = Math.min(2 * rto, MAX_RTO_MS)
    )
      waitedMs += rto;
    net.scheduler.advance(waitedMs - 1);
    expect(connection.closes).toEqual([]);
    net.scheduler.advance(1);
    expect(connection.serverArrivals).toEqual([]);
    expect(connection.closes.map((close) => [close.side, close.atMs])).toEqual([
      ["client", waitedMs],
      ["server", waitedMs],
    ]);
    expect(connection.closes[0]!.reason).toMatch(/too many retransmissions/);
  });
});

describe("cut links", () => {
  it("drops frames silently and the stream stays stalled after the link heals", () => {
    const { net, connection } = setUp();
    net.links.set(1, 2, { cut: true, latencyMs: 0, lossRate: 0 });
    connection.client.send(apiVersionsRequestFrame(1));
    net.links.set(1, 2, { cut: false, latencyMs: 0, lossRate: 0 });
    connection.client.send(apiVersionsRequestFrame(2));
    net.scheduler.advance(10_000);
    expect(connection.serverArrivals).toEqual([]);
    expect(connection.closes).toEqual([]);
    expect(net.tap1.takeRecords().records.map((record) => record.dropped)).toEqual([true, true]);
    // The other direction still works: a one-way cut.
    connection.server.send(apiVersionsResponseFrame(5));
    expect(connection.clientArrivals).toEqual([{ atMs: 10_000, correlationId: 5 }]);
  });

  it("drops a frame that was on the link when it was cut", () => {
    const { net, connection } = setUp();
    net.links.set(1, 2, { cut: false, latencyMs: 100, lossRate: 0 });
    connection.client.send(apiVersionsRequestFrame(1));
    net.scheduler.advance(50);
    net.links.set(1, 2, { cut: true, latencyMs: 100, lossRate: 0 });
    net.scheduler.advance(100);
    expect(connection.serverArrivals).toEqual([]);
  });

  it("refuses new dials when either direction is cut", () => {
    const net = new TwoEndpoints();
    net.links.set(2, 1, { cut: true, latencyMs: 0, lossRate: 0 });
    expect(net.connect()).toBeNull();
    net.links.set(2, 1, { cut: false, latencyMs: 0, lossRate: 0 });
    net.links.set(1, 2, { cut: true, latencyMs: 0, lossRate: 0 });
    expect(net.connect()).toBeNull();
    net.links.set(1, 2, { cut: false, latencyMs: 0, lossRate: 0 });
    expect(net.connect()).not.toBeNull();
  });
});

describe("hanging up", () => {
  it("passes the hang-up on after the frames sent before it", () => {
    const { net, connection } = setUp();
    net.links.set(1, 2, { cut: false, latencyMs: 40, lossRate: 0 });
    connection.client.send(apiVersionsRequestFrame(1));
    connection.client.close();
    expect(connection.closes.map((close) => close.side)).toEqual(["client"]);
    net.scheduler.advance(40);
    expect(connection.serverArrivals).toEqual([{ atMs: 40, correlationId: 1 }]);
    expect(connection.closes.map((close) => [close.side, close.atMs])).toEqual([
      ["client", 0],
      ["server", 40],
    ]);
  });

  it("sends nothing after a close", () => {
    const { connection } = setUp();
    connection.client.close();
    connection.client.send(apiVersionsRequestFrame(1));
    expect(connection.serverArrivals).toEqual([]);
  });
});

describe("resetting a peer", () => {
  it("breaks every connection with it at once, dropping what is on the link", () => {
    const net = new TwoEndpoints();
    const first = net.connect()!;
    const second = net.connect()!;
    expect(net.node1.connectionCount(2)).toBe(2);
    net.links.set(1, 2, { cut: false, latencyMs: 100, lossRate: 0 });
    first.client.send(apiVersionsRequestFrame(1));
    net.node1.resetPeer(2, "node 2 died");
    net.scheduler.advance(100);
    expect(first.serverArrivals).toEqual([]);
    expect(first.closes.find((close) => close.side === "client")?.reason).toBe("node 2 died");
    expect(second.closes.map((close) => close.side).sort()).toEqual(["client", "server"]);
    expect(net.node1.connectionCount()).toBe(0);
    expect(net.node2.connectionCount()).toBe(0);
  });
});
