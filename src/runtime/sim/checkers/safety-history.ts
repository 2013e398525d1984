/**
 * Safety checks that watch the cluster as it runs, from every node's telemetry:
 *   - at most one Raft leader per term;
 *   - at most one leader per partition leader epoch;
 *   - a partition leader's HW never goes back while it leads that epoch.
 * Each violation is kept as a sentence naming what broke and when.
 */
import type { TelemetryEvent } from "../../../telemetry/telemetry-event.ts";

export class SafetyHistory {
  readonly violations: string[] = [];
  private readonly raftLeaders = new Map<string, number>();
  private readonly partitionLeaders = new Map<string, number>();
  /** node/topic-partition → the epoch it leads now (absent when not leader). */
  private readonly leading = new Map<string, number>();
  private readonly leaderHighWatermarks = new Map<string, bigint>();

  constructor(private readonly now: () => number) {}

  observe(event: TelemetryEvent): void {
    switch (event.kind) {
      case "raft":
        if (event.role === "leader")
          this.once(this.raftLeaders, String(event.epoch), event.node, `Raft term ${event.epoch}`);
        return;
      case "partition-role": {
        const key = `${event.node}/${event.topic}-${event.partition}`;
        if (event.role === "leader") {
          this.leading.set(key, event.leaderEpoch);
          this.once(
            this.partitionLeaders,
            `${event.topic}-${event.partition}@${event.leaderEpoch}`,
            event.node,
            `${event.topic}-${event.partition} leader epoch ${event.leaderEpoch}`,
          );
        } else this.leading.delete(key);
        return;
      }
      case "node":
        // A restarted node starts over: whatever it led before is not "the same leadership".
        for (const key of [...this.leading.keys()])
          if (key.startsWith(`${event.node}/`)) this.leading.delete(key);
        for (const key of [...this.leaderHighWatermarks.keys()])
          if (key.startsWith(`${event.node}/`)) this.leaderHighWatermarks.delete(key);
        return;
      case "log-offsets": {
        const key = `${event.node}/${event.topic}-${event.partition}`;
        const epoch = this.leading.get(key);
        if (epoch === undefined) return;
        const hwKey = `${key}@${epoch}`;
        const before = this.leaderHighWatermarks.get(hwKey);
        if (before !== undefined && event.highWatermark < before) {
          this.violations.push(
            `at ${this.now()} ms node ${event.node}'s HW of ${event.topic}-${event.partition} went back from ${before} to ${event.highWatermark} in leader epoch ${epoch}`,
          );
        }
        this.leaderHighWatermarks.set(hwKey, event.highWatermark);
        return;
      }
      default:
        return;
    }
  }

  private once(map: Map<string, number>, key: string, node: number, what: string): void {
    const existing = map.get(key);
    if (existing !== undefined && existing !== node) {
      this.violations.push(
        `at ${this.now()} ms ${what} has two leaders: node ${existing} and node ${node}`,
      );
    }
    map.set(key, node);
  }
}
