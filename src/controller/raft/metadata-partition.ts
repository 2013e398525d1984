/**
 * The one partition KRaft replicates: `__cluster_metadata-0`, with Kafka's fixed topic id,
 * and the request versions this quorum sends (those Kafka 3.7's KafkaRaftClient sends).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";

export const METADATA_TOPIC_NAME = "__cluster_metadata";
export const METADATA_PARTITION = 0;
/** Kafka's Topic.METADATA_TOPIC_ID: Uuid(0, 1), as the base64url string Kafka prints. */
export const METADATA_TOPIC_ID = "AAAAAAAAAAAAAAAAAAAAAQ";

/** Versions sent to other quorum members. Fetch 16 has topic ids and ReplicaState (KIP-903). */
export const SENT_VERSIONS = {
  [ApiKey.Vote]: 0,
  [ApiKey.BeginQuorumEpoch]: 0,
  [ApiKey.EndQuorumEpoch]: 0,
  [ApiKey.Fetch]: 16,
} as const;

/** Versions answered. Fetch needs a cluster id and a topic id, so 13 and later. */
export const HANDLED_VERSIONS = {
  vote: { minVersion: 0, maxVersion: 1 },
  beginQuorumEpoch: { minVersion: 0, maxVersion: 1 },
  endQuorumEpoch: { minVersion: 0, maxVersion: 1 },
  describeQuorum: { minVersion: 0, maxVersion: 2 },
  fetch: { minVersion: 13, maxVersion: 17 },
} as const;

/** A node id that names no node (Kafka's -1 for "no leader", "no vote"). */
export const NO_NODE = -1;
