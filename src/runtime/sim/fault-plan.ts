/**
 * The faults a simulation throws at the cluster, chosen by the seeded random source:
 * kill a node (its process dies, maybe in the middle of a write, or its machine loses power
 * and with it the writes of the last seconds), restart it later, cut a link one way or both, make a link slow
 * or lossy, and heal. At most one node is down at a time, so a majority of voters and
 * min.insync.replicas=2 of 3 replicas stay possible: the checkers then demand that no
 * acknowledged record is lost, not merely that the cluster survives.
 */
import type { SimCluster } from "./sim-cluster.ts";

export interface FaultStep {
  atMs: number;
  description: string;
}

export class FaultPlan {
  readonly steps: FaultStep[] = [];
  private down: number | null = null;
  private downSinceMs = 0;
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
    const roll = random();
    if (roll < 0.25 && this.down === null) {
      const id = this.pickNode();
      const kind = random();
      this.down = id;
      this.downSinceMs = now;
      if (kind < 0.3) {
        this.note(`power loss on node ${id} (writes of the last seconds lost)`);
        cluster.kill(id, "power");
      } else if (kind < 0.6) {
        const keeps = Math.floor(random() * 64);
        this.note(`kill node ${id}'s process in the middle of a write (${keeps} bytes of it kept)`);
        cluster.kill(id, "process", keeps);
      } else {
        this.note(`kill node ${id}'s process`);
        cluster.kill(id, "process");
      }
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
