/**
 * The simulator's ClientIo: a client host on the simulated network (its own endpoint, so
 * links to it can be cut), virtual time, and the run's seeded randomness. Brokers are
 * advertised as `node-<id>:9092`, which is how a client finds its way to a node.
 */
import type { ClientIo } from "../../client/client-io.ts";
import { BROKER_LISTENER } from "../../client/node-requester.ts";
import type { SimCluster } from "./sim-cluster.ts";

export function simClientIo(cluster: SimCluster, clientName: string): ClientIo {
  const dial = cluster.clientDialer(clientName);
  return {
    connect({ host, port }) {
      const match = /^node-(\d+)$/.exec(host);
      if (match === null) return null;
      return dial({ nodeId: Number(match[1]), listener: BROKER_LISTENER, host, port });
    },
    nowMs: () => cluster.scheduler.nowMs(),
    after: (delayMs, run) => cluster.scheduler.after(delayMs, run),
    random: cluster.random,
  };
}
