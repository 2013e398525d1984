/**
 * The faults a simulation throws at the cluster, chosen by the seeded random source:
 * kill a node (its process dies, maybe in the middle of a write, or its machine loses power
 * and with it the writes of the last seconds), restart it later, cut a link one way or both, make a link slow
 * or lossy, and heal. At most one node is down at a time, so a majority of voters and
 * min.insync.replicas=2 of 3 replicas stay possible: the checkers then demand that no
 * acknowledged record is lost, not merely that the cluster survives.
 *
 * Kafka does not flush its logs (it relies on replication), so a power loss — or a torn
 * last write — can take acknowledged records from a replica that the ISR still lists.
 * Kafka tolerates that only while it is the one failure: the replica must leave the ISR
 * (fenced when its session expires) or catch up before another broker fails, else it may
 * be the ISR member left standing and lead without those records (the "last replica
 * standing" loss KIP-966 describes). So after such a crash no node crashes again until
 * that replica is back in sync; links may still fail meanwhile.
 */
import type { PartitionInspection } from "../kafka-node/kafka-node-contract.ts";
import type { SimCluster } from "./sim-cluster.ts";

export interface FaultStep {
  atMs: number;
  description: string;
}

export class FaultPlan {
  readonly steps: FaultStep[] = [];
  private down: number | null = null;
  private downSinceMs = 0;
  /** A node whose crash may have lost acknowledged records, until it is back in sync. */
  private lossy: number | null = null;
  private readonly faultyLinks = new Set<string>();

  constructor(private readonly cluster: SimCluster) {}

  /** Take one step of chaos: maybe restart the dead node, maybe break something new. */
  async step(): Promise<void> {
    const { cluster } = this;
    const random = cluster.random;
    const now = cluster.scheduler.nowMs();
    if (this.down !== null && now - this.downSinceMs > 1000 + random() * 4000) {
      const id = this.down;
      this.down = null;
      this.note(`restart node ${id}`);
      await cluster.start(id);
      return;
    }
    if (this.lossy !== null && isBackInSync(cluster, this.lossy)) this.lossy = null;
    const roll = random();
    if (roll < 0.25 && this.down === null && this.lossy === null) {
      const id = this.pickNode();
      const kind = random();
      if (kind < 0.3) this.crash(id, "power");
      else if (kind < 0.6) this.crash(id, "process", Math.floor(random() * 64));
      else this.crash(id, "process");
    } else if (roll < 0.45) {
      const [a, b] = this.pickPair();
      const oneWay = random() < 0.3;
      this.faultyLinks.add(`${a}-${b}`);
      this.note(`cut the link ${a} ${oneWay ? "→" : "↔"} ${b}`);
      cluster.cut(a, b, true, oneWay);
    } else if (roll < 0.6) {
      const [a, b] = this.pickPair();
      const latencyMs = Math.floor(random() * 200);
      const lossRate = random() < 0.5 ? 0 : Math.floor(random() * 30) / 100;
      this.faultyLinks.add(`${a}-${b}`);
      this.note(`link ${a} → ${b}: ${latencyMs} ms latency, ${Math.round(lossRate * 100)}% loss`);
      cluster.links.set(a, b, { cut: false, latencyMs, lossRate });
    } else if (roll < 0.8 && this.faultyLinks.size > 0) {
      this.healLinks();
    }
  }

  /**
   * Node `id` dies: its process (tearing its last write when `tornWriteKeepsBytes` is given)
   * or its machine's power. step() restarts it later.
   */
  crash(id: number, mode: "process" | "power", tornWriteKeepsBytes?: number): void {
    if (this.down !== null)
      throw new Error(`node ${this.down} is down already: one node down at a time`);
    if (mode === "power") this.note(`power loss on node ${id} (writes of the last seconds lost)`);
    else if (tornWriteKeepsBytes !== undefined)
      this.note(
        `kill node ${id}'s process in the middle of a write (${tornWriteKeepsBytes} bytes of it kept)`,
      );
    else this.note(`kill node ${id}'s process`);
    this.down = id;
    this.downSinceMs = this.cluster.scheduler.nowMs();
    this.cluster.kill(id, mode, tornWriteKeepsBytes);
    if (mode === "power" || tornWriteKeepsBytes !== undefined) this.lossy = id;
  }

  /** Every node up, every link healthy. */
  async healAll(): Promise<void> {
    this.healLinks();
    if (this.down !== null) {
      const id = this.down;
      this.down = null;
      this.note(`restart node ${id}`);
      await this.cluster.start(id);
    }
  }

  private healLinks(): void {
    if (this.faultyLinks.size === 0) return;
    this.note("heal every link");
    this.cluster.links.replaceAll([]);
    this.faultyLinks.clear();
  }

  private pickNode(): number {
    const ids = this.cluster.nodeIds;
    return ids[Math.floor(this.cluster.random() * ids.length)]!;
  }

  private pickPair(): [number, number] {
    const a = this.pickNode();
    let b = this.pickNode();
    while (b === a) b = this.pickNode();
    return [a, b];
  }

  private note(description: string): void {
    this.steps.push({ atMs: this.cluster.scheduler.nowMs(), description });
  }
}

/**
 * Whether `nodeId` holds what every ISR member must: for each partition, it is out of the
 * leader's ISR or has the log up to the leader's HW. A partition without a leader counts
 * as not in sync: its next leader comes from an ISR that may still list the node.
 */
export function isBackInSync(cluster: SimCluster, nodeId: number): boolean {
  const node = cluster.node(nodeId);
  if (node === null) return false;
  const held = new Map(node.inspect().map((p) => [`${p.topic}-${p.partition}`, p]));
  const leaders = new Map<string, PartitionInspection | null>();
  for (const id of cluster.nodeIds) {
    for (const p of cluster.node(id)?.inspect() ?? []) {
      const key = `${p.topic}-${p.partition}`;
      const known = leaders.get(key) ?? null;
      if (p.role === "leader" && (known === null || p.leaderEpoch > known.leaderEpoch))
        leaders.set(key, p);
      else if (known === null) leaders.set(key, null);
    }
  }
  for (const [key, leader] of leaders) {
    if (leader === null) return false;
    if (!leader.isr.includes(nodeId)) continue;
    const mine = held.get(key);
    if (mine === undefined || mine.logEndOffset < leader.highWatermark) return false;
  }
  return true;
}
