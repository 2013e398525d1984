/**
 * The page's ClientIo: clients on the page (the playground's producers and consumers, the
 * terminal's tools) reach a node by the address it advertises, `broker-<id>:9092`, over
 * the page's MessagePort to that node, and keep node time: the playground's clock, so a
 * paused or slowed cluster never makes a client time out in a way the nodes would not.
 */
import type { ClientIo } from "../../client/client-io.ts";
import type { ClusterHost } from "./cluster-host.ts";

const ADVERTISED_HOST = /^broker-(\d+)$/;

export function pageClientIo(host: ClusterHost, random: () => number = Math.random): ClientIo {
  return {
    connect({ host: name }) {
      const match = ADVERTISED_HOST.exec(name);
      return match === null ? null : host.connect(Number(match[1]));
    },
    nowMs: () => host.clock.nowMs(),
    after: (delayMs, run) => host.scheduler.after(delayMs, run),
    random,
  };
}
