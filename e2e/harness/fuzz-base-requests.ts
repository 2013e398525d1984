/**
 * Well-formed requests the fuzzer starts from: one realistic body for each client API the
 * broker serves, all aimed at the fuzzer's own topic and group, so that even a mutation
 * that still decodes cannot touch the well-behaved client's data. Requests that change the
 * cluster ask only to validate (validateOnly) or name things that do not exist.
 */
import { APIS } from "../../src/protocol/generated/api-table.ts";
import { encodeRecordBatch } from "../../src/protocol/records/record-batch-encoder.ts";

export const FUZZ_TOPIC = "fuzz-topic";
export const FUZZ_GROUP = "fuzz-group";
const NO_UUID = "AAAAAAAAAAAAAAAAAAAAAA";
const encoder = new TextEncoder();

/**
 * Record timestamps are the run's own time: a batch a week older than "now" would make the
 * log roll a segment on every append (segment.ms), as Kafka's would.
 */
function recordBatch(timestampMs: number): Uint8Array {
  const encoded = encodeRecordBatch({
    records: [
      {
        key: encoder.encode("k"),
        value: encoder.encode("fuzzed value"),
        timestamp: BigInt(timestampMs),
      },
    ],
  });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

const member = { memberId: "", groupInstanceId: null };

/** Bodies by API key; every field of every version is filled (the codec writes what a version has). */
const BODIES: Record<number, (timestampMs: number) => unknown> = {
  0: (timestampMs) => ({
    transactionalId: null,
    acks: 1,
    timeoutMs: 1000,
    topicData: [
      { name: FUZZ_TOPIC, partitionData: [{ index: 0, records: recordBatch(timestampMs) }] },
    ],
  }),
  1: () => ({
    clusterId: null,
    replicaId: -1,
    replicaState: { replicaId: -1, replicaEpoch: -1n },
    maxWaitMs: 100,
    minBytes: 1,
    maxBytes: 65536,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [
      {
        topic: FUZZ_TOPIC,
        topicId: NO_UUID,
        partitions: [
          {
            partition: 0,
            currentLeaderEpoch: -1,
            fetchOffset: 0n,
            lastFetchedEpoch: -1,
            logStartOffset: -1n,
            partitionMaxBytes: 65536,
            replicaDirectoryId: NO_UUID,
          },
        ],
      },
    ],
    forgottenTopicsData: [],
    rackId: "",
  }),
  2: () => ({
    replicaId: -1,
    isolationLevel: 0,
    topics: [
      {
        name: FUZZ_TOPIC,
        partitions: [
          { partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -1n, maxNumOffsets: 1 },
        ],
      },
    ],
    timeoutMs: 1000,
  }),
  3: () => ({
    topics: [{ topicId: NO_UUID, name: FUZZ_TOPIC }],
    allowAutoTopicCreation: false,
    includeClusterAuthorizedOperations: false,
    includeTopicAuthorizedOperations: false,
  }),
  8: () => ({
    groupId: FUZZ_GROUP,
    generationIdOrMemberEpoch: -1,
    memberId: "",
    groupInstanceId: null,
    retentionTimeMs: -1n,
    topics: [
      {
        name: FUZZ_TOPIC,
        partitions: [
          {
            partitionIndex: 0,
            committedOffset: 0n,
            committedLeaderEpoch: -1,
            commitTimestamp: -1n,
            committedMetadata: "",
          },
        ],
      },
    ],
  }),
  9: () => ({
    groupId: FUZZ_GROUP,
    topics: [{ name: FUZZ_TOPIC, partitionIndexes: [0] }],
    groups: [
      {
        groupId: FUZZ_GROUP,
        memberId: null,
        memberEpoch: -1,
        topics: [{ name: FUZZ_TOPIC, partitionIndexes: [0] }],
      },
    ],
    requireStable: false,
  }),
  10: () => ({ key: FUZZ_GROUP, keyType: 0, coordinatorKeys: [FUZZ_GROUP] }),
  11: () => ({
    groupId: FUZZ_GROUP,
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 10_000,
    ...member,
    protocolType: "consumer",
    protocols: [{ name: "range", metadata: new Uint8Array([0, 1, 0, 0, 0, 0]) }],
    reason: null,
  }),
  12: () => ({ groupId: FUZZ_GROUP, generationId: 1, ...member, memberId: "fuzz-member" }),
  13: () => ({
    groupId: FUZZ_GROUP,
    memberId: "fuzz-member",
    members: [{ memberId: "fuzz-member", groupInstanceId: null, reason: null }],
  }),
  14: () => ({
    groupId: FUZZ_GROUP,
    generationId: 1,
    memberId: "fuzz-member",
    groupInstanceId: null,
    protocolType: "consumer",
    protocolName: "range",
    assignments: [{ memberId: "fuzz-member", assignment: new Uint8Array([0, 1, 0, 0, 0, 0]) }],
  }),
  15: () => ({ groups: [FUZZ_GROUP], includeAuthorizedOperations: false }),
  16: () => ({ statesFilter: [], typesFilter: [] }),
  18: () => ({ clientSoftwareName: "fuzzer", clientSoftwareVersion: "1.0" }),
  19: () => ({
    topics: [
      {
        name: "fuzz-created",
        numPartitions: 1,
        replicationFactor: 1,
        assignments: [],
        configs: [{ name: "retention.ms", value: "60000" }],
      },
    ],
    timeoutMs: 1000,
    validateOnly: true,
  }),
  20: () => ({
    topics: [{ name: "fuzz-nothing", topicId: NO_UUID }],
    topicNames: ["fuzz-nothing"],
    timeoutMs: 1000,
  }),
  21: () => ({
    topics: [{ name: FUZZ_TOPIC, partitions: [{ partitionIndex: 0, offset: 0n }] }],
    timeoutMs: 1000,
  }),
  22: () => ({
    transactionalId: null,
    transactionTimeoutMs: 60_000,
    producerId: -1n,
    producerEpoch: -1,
  }),
  23: () => ({
    replicaId: -1,
    topics: [
      { topic: FUZZ_TOPIC, partitions: [{ partition: 0, currentLeaderEpoch: -1, leaderEpoch: 0 }] },
    ],
  }),
  32: () => ({
    resources: [{ resourceType: 2, resourceName: FUZZ_TOPIC, configurationKeys: null }],
    includeSynonyms: true,
    includeDocumentation: false,
  }),
  33: () => ({
    resources: [
      {
        resourceType: 2,
        resourceName: FUZZ_TOPIC,
        configs: [{ name: "retention.ms", value: "1" }],
      },
    ],
    validateOnly: true,
  }),
  37: () => ({
    // A topic that does not exist: a mutation that clears validateOnly must not grow a real one.
    topics: [{ name: "fuzz-nothing", count: 4, assignments: null }],
    timeoutMs: 1000,
    validateOnly: true,
  }),
  42: () => ({ groupsNames: ["fuzz-nothing"] }),
  43: () => ({
    electionType: 0,
    topicPartitions: [{ topic: FUZZ_TOPIC, partitions: [0] }],
    timeoutMs: 1000,
  }),
  44: () => ({
    resources: [
      {
        resourceType: 2,
        resourceName: FUZZ_TOPIC,
        configs: [{ name: "retention.ms", configOperation: 0, value: "1" }],
      },
    ],
    validateOnly: true,
  }),
  47: () => ({
    groupId: FUZZ_GROUP,
    topics: [{ name: FUZZ_TOPIC, partitions: [{ partitionIndex: 0 }] }],
  }),
  60: () => ({ includeClusterAuthorizedOperations: false, endpointType: 1 }),
  61: () => ({ topics: [{ name: FUZZ_TOPIC, partitionIndexes: [0] }] }),
};

/** A body for `apiKey`: the realistic one above, else the codec's defaults. */
export function baseBody(apiKey: number, timestampMs: number): unknown {
  const made = BODIES[apiKey];
  if (made !== undefined) return made(timestampMs);
  const api = APIS.get(apiKey);
  if (api === undefined) throw new RangeError(`unknown API key ${apiKey}`);
  return api.request.create();
}

/** API keys with a realistic body here (the others get the codec's defaults). */
export const REALISTIC_API_KEYS: readonly number[] = Object.keys(BODIES).map(Number);
