/**
 * The page's own place on the mesh: where its Kafka clients (the producers, consumers and
 * admin the user drags in) connect from. It keeps the same node time as the workers, and
 * records the frames its clients send for the packet inspector.
 */
import type { Transport } from "../../client/transport.ts";
import { FrameTap } from "../network/frame-tap.ts";
import type { LinkTable } from "../network/link-conditions.ts";
import { NetworkEndpoint } from "../network/network-endpoint.ts";
import { MeshEndpoint } from "./mesh-endpoint.ts";
import { PAGE_ENDPOINT } from "./node-worker-protocol.ts";
import { BROWSER_WALL_CLOCK, PlaygroundClock } from "./playground-clock.ts";
import type { TelemetryFeed } from "./telemetry-feed.ts";
import type { TimeBase } from "./time-base.ts";

export class PageEndpoint {
  readonly clock: PlaygroundClock;
  readonly tap = new FrameTap();
  readonly mesh: MeshEndpoint;

  constructor(time: TimeBase, links: LinkTable, feed: TelemetryFeed) {
    this.clock = new PlaygroundClock(time, BROWSER_WALL_CLOCK);
    this.tap.onRecord = () => {
      const { records, dropped } = this.tap.takeRecords();
      feed.recordFrames(records, dropped);
    };
    const network = new NetworkEndpoint(PAGE_ENDPOINT, {
      scheduler: this.clock,
      random: Math.random,
      links,
      tap: this.tap,
    });
    // The page only connects out; nothing listens on it.
    this.mesh = new MeshEndpoint(network, this.clock.gate);
  }

  /** Adds node `nodeId` to the mesh: returns the port end its worker gets. */
  attachNode(nodeId: number): MessagePort {
    const channel = new MessageChannel();
    this.mesh.attachPeer(nodeId, channel.port1);
    return channel.port2;
  }

  detachNode(nodeId: number, reason: string): void {
    this.clock.gate.pass(() => this.mesh.detachPeer(nodeId, reason));
  }

  connect(nodeId: number, listener: string): Transport | null {
    return this.mesh.dial(nodeId, listener);
  }
}
