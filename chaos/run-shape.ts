/**
 * The shape of a chaos run, as issue 8 gives it: 5 brokers (the playground's 3 KRaft
 * voters plus 2 brokers added as a user would), one topic with replication factor 3 and
 * min.insync.replicas=2, idempotent acks=all producers, and two consumer groups (one
 * cooperative, one eager) whose session timeout is short enough to rebalance during a run.
 */
export interface RunShape {
  brokers: number;
  topic: string;
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  producers: { label: string; ratePerSec: number }[];
  groups: {
    groupId: string;
    assignor: "range" | "roundrobin" | "sticky" | "cooperative-sticky";
    members: number;
    sessionTimeoutMs: number;
  }[];
}

export const CHAOS_SHAPE: RunShape = {
  brokers: 5,
  topic: "chaos",
  partitions: 6,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  producers: [
    { label: "p1", ratePerSec: 60 },
    { label: "p2", ratePerSec: 60 },
  ],
  groups: [
    {
      groupId: "chaos-cooperative",
      assignor: "cooperative-sticky",
      members: 2,
      sessionTimeoutMs: 10_000,
    },
    { groupId: "chaos-eager", assignor: "range", members: 2, sessionTimeoutMs: 10_000 },
  ],
};

export const brokerIds = (shape: RunShape) =>
  Array.from({ length: shape.brokers }, (_, i) => i + 1);
