import { afterEach, describe, expect, it } from "vitest";
import type { Transport } from "../../client/transport.ts";
import { FrameTap } from "../network/frame-tap.ts";
import { LinkTable } from "../network/link-conditions.ts";
import { ManualScheduler } from "../network/manual-scheduler.ts";
import { NetworkEndpoint } from "../network/network-endpoint.ts";
import { apiVersionsRequestFrame, correlationIdOf } from "../network/testing/two-endpoints.ts";
import { MeshEndpoint } from "./mesh-endpoint.ts";
import { PauseGate } from "./pause-gate.ts";

/** Lets MessagePort deliveries (macrotasks in Node) happen. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

interface Accepted {
  peer: number | string;
  listener: string;
  transport: Transport;
  correlationIds: number[];
}

function endpoint(self: number, links: LinkTable, listening: (listener: string) => boolean) {
  const gate = new PauseGate();
  const accepted: Accepted[] = [];
  const network = new NetworkEndpoint(self, {
    scheduler: new ManualScheduler(),
    random: () => 0.5,
    links,
    tap: new FrameTap(),
  });
  const mesh = new MeshEndpoint(network, gate, (transport, listener, peer) => {
    if (!listening(listener)) return false;
    const entry: Accepted = { peer, listener, transport, correlationIds: [] };
    transport.onFrame((frame) => entry.correlationIds.push(correlationIdOf(frame)));
    accepted.push(entry);
    return true;
  });
  return { mesh, gate, network, accepted };
}

const opened: MessagePort[] = [];

function meshOfTwo() {
  const links = new LinkTable();
  const one = endpoint(1, links, () => true);
  const two = endpoint(2, links, (listener) => listener === "PLAINTEXT");
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  one.mesh.attachPeer(2, port1);
  two.mesh.attachPeer(1, port2);
  return { links, one, two };
}

afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

describe("MeshEndpoint", () => {
  it("connects to a peer's listener over a connection of its own and carries frames in order", async () => {
    const { one, two } = meshOfTwo();
    const client = one.mesh.dial(2, "PLAINTEXT")!;
    expect(client).not.toBeNull();
    for (let id = 1; id <= 3; id++) client.send(apiVersionsRequestFrame(id));
    await settle();
    expect(two.accepted.map(({ peer, listener }) => [peer, listener])).toEqual([[1, "PLAINTEXT"]]);
    expect(two.accepted[0]!.correlationIds).toEqual([1, 2, 3]);
    client.close();
  });

  it("tells the dialer its connection was refused when nothing listens there", async () => {
    const { one, two } = meshOfTwo();
    const client = one.mesh.dial(2, "CONTROLLER")!;
    const closes: string[] = [];
    client.onClose((reason) => closes.push(reason));
    await settle();
    expect(two.accepted).toEqual([]);
    expect(closes).toEqual(["connection refused"]);
  });

  it("holds arrivals at a closed gate and delivers them in order when it opens", async () => {
    const { one, two } = meshOfTwo();
    two.gate.close();
    const client = one.mesh.dial(2, "PLAINTEXT")!;
    client.send(apiVersionsRequestFrame(7));
    client.send(apiVersionsRequestFrame(8));
    await settle();
    expect(two.accepted).toEqual([]);
    two.gate.open(); // lets the held connection in; its port then delivers what waited on it
    await settle();
    expect(two.accepted[0]!.correlationIds).toEqual([7, 8]);
    client.close();
  });

  it("refuses dials across a cut link, and to a peer that is gone", async () => {
    const { links, one, two } = meshOfTwo();
    links.set(2, 1, { cut: true, latencyMs: 0, lossRate: 0 });
    expect(one.mesh.dial(2, "PLAINTEXT")).toBeNull();
    links.set(2, 1, { cut: false, latencyMs: 0, lossRate: 0 });
    const client = one.mesh.dial(2, "PLAINTEXT")!;
    const closes: string[] = [];
    client.onClose((reason) => closes.push(reason));
    await settle();
    one.mesh.detachPeer(2, "node 2 was killed");
    expect(closes).toEqual(["node 2 was killed"]);
    expect(one.mesh.dial(2, "PLAINTEXT")).toBeNull();
    expect(one.network.connectionCount()).toBe(0);
    await settle();
    expect(two.network.connectionCount()).toBe(0);
  });

  it("connects to itself, as a combined node registers with its own controller", async () => {
    const { one } = meshOfTwo();
    const client = one.mesh.dial(1, "CONTROLLER")!;
    client.send(apiVersionsRequestFrame(4));
    await settle();
    expect(
      one.accepted.map(({ peer, listener, correlationIds }) => [peer, listener, correlationIds]),
    ).toEqual([[1, "CONTROLLER", [4]]]);
    client.close();
  });
});
