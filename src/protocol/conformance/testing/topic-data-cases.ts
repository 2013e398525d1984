/**
 * Conformance rows for the APIs that move and locate data: Produce, Fetch, ListOffsets,
 * Metadata and DeleteRecords. Offsets above 2^53 check that int64s survive as int64s.
 */
import { throttleTimeFrom, type KafkaJsConformanceCase } from "./conformance-case.ts";
import { KafkaJsLong } from "./kafkajs-internals.ts";
import {
  AUDIT_MESSAGES,
  fetchedMessagesMatch,
  fetchRecords,
  PAYMENT_MESSAGES,
  produceRecords,
} from "./record-fixtures.ts";

const BEYOND_DOUBLE = 9_007_199_254_740_993n; // 2^53 + 1: a double cannot hold it
const TRANSACTIONAL_PRODUCER = { producerId: "4000000000", producerEpoch: 3, transactional: true };

const produce: KafkaJsConformanceCase = {
  api: "Produce",
  kafkaJsName: "Produce",
  requestArgs: () => ({
    acks: -1,
    timeout: 30_000,
    transactionalId: "payments-tx",
    producerId: KafkaJsLong.fromString(TRANSACTIONAL_PRODUCER.producerId),
    producerEpoch: TRANSACTIONAL_PRODUCER.producerEpoch,
    topicData: [
      { topic: "payments", partitions: [{ partition: 2, messages: PAYMENT_MESSAGES }] },
      { topic: "audit-log", partitions: [{ partition: 0, messages: AUDIT_MESSAGES }] },
    ],
  }),
  expectedRequest: async (version) => ({
    transactionalId: "payments-tx",
    acks: -1,
    timeoutMs: 30_000,
    topicData: [
      {
        name: "payments",
        partitionData: [
          {
            index: 2,
            records: await produceRecords(version, PAYMENT_MESSAGES, TRANSACTIONAL_PRODUCER),
          },
        ],
      },
      {
        name: "audit-log",
        partitionData: [
          {
            index: 0,
            records: await produceRecords(version, AUDIT_MESSAGES, TRANSACTIONAL_PRODUCER),
          },
        ],
      },
    ],
  }),
  response: () => ({
    responses: [
      {
        name: "payments",
        partitionResponses: [
          {
            index: 2,
            errorCode: 0,
            baseOffset: BEYOND_DOUBLE,
            logAppendTimeMs: 1_717_171_717_200n,
            logStartOffset: 1_200n,
            recordErrors: [],
            errorMessage: null,
          },
        ],
      },
    ],
    throttleTimeMs: 25,
  }),
  responseViews: {
    responses: "topics",
    "responses.name": "topicName",
    "responses.partitionResponses": "partitions",
    "responses.partitionResponses.index": "partition",
    "responses.partitionResponses.baseOffset": (version) =>
      version <= 2 ? "offset" : "baseOffset",
    "responses.partitionResponses.logAppendTimeMs": (version) =>
      version === 2 ? "timestamp" : "logAppendTime",
    throttleTimeMs: throttleTimeFrom(6),
  },
};

const FETCH_FIRST_OFFSET = 1_280n;

const fetch: KafkaJsConformanceCase = {
  api: "Fetch",
  kafkaJsName: "Fetch",
  requestArgs: () => ({
    replicaId: -1,
    isolationLevel: 1,
    maxWaitTime: 500,
    minBytes: 1,
    maxBytes: 52_428_800,
    sessionId: 77,
    sessionEpoch: 3,
    rackId: "rack-a",
    topics: [
      {
        topic: "payments",
        partitions: [
          {
            partition: 2,
            currentLeaderEpoch: 5,
            fetchOffset: BEYOND_DOUBLE.toString(),
            logStartOffset: "100",
            maxBytes: 1_048_576,
          },
        ],
      },
    ],
    forgottenTopics: [{ topic: "old-orders", partitions: [3, 4] }],
  }),
  expectedRequest: () => ({
    replicaId: -1,
    maxWaitMs: 500,
    minBytes: 1,
    maxBytes: 52_428_800,
    isolationLevel: 1,
    sessionId: 77,
    sessionEpoch: 3,
    topics: [
      {
        topic: "payments",
        partitions: [
          {
            partition: 2,
            currentLeaderEpoch: 5,
            fetchOffset: BEYOND_DOUBLE,
            logStartOffset: 100n,
            partitionMaxBytes: 1_048_576,
          },
        ],
      },
    ],
    forgottenTopicsData: [{ topic: "old-orders", partitions: [3, 4] }],
    rackId: "rack-a",
  }),
  response: async (version) => ({
    throttleTimeMs: 10,
    errorCode: 0,
    sessionId: 77,
    responses: [
      {
        topic: "payments",
        partitions: [
          {
            partitionIndex: 2,
            errorCode: 0,
            highWatermark: 1_300n,
            lastStableOffset: 1_290n,
            logStartOffset: 100n,
            abortedTransactions: [{ producerId: 4_000_000_000n, firstOffset: 1_250n }],
            preferredReadReplica: -1,
            records: await fetchRecords(version, PAYMENT_MESSAGES, FETCH_FIRST_OFFSET),
          },
        ],
      },
    ],
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(8),
    "responses.topic": "topicName",
    "responses.partitions.partitionIndex": "partition",
    // KafkaJS spells the log start offset "lastStartOffset" (fetch/v5/response.js).
    "responses.partitions.logStartOffset": "lastStartOffset",
    "responses.partitions.records": (version) => ({
      name: "messages",
      compare: fetchedMessagesMatch(PAYMENT_MESSAGES, version >= 4 ? FETCH_FIRST_OFFSET : null),
    }),
  },
};

const listOffsets: KafkaJsConformanceCase = {
  api: "ListOffsets",
  kafkaJsName: "ListOffsets",
  requestArgs: () => ({
    replicaId: -1,
    isolationLevel: 1,
    topics: [
      {
        topic: "payments",
        partitions: [
          { partition: 0, timestamp: "-1", maxNumOffsets: 10 },
          { partition: 1, timestamp: "1717171717171" },
        ],
      },
    ],
  }),
  expectedRequest: () => ({
    replicaId: -1,
    isolationLevel: 1,
    topics: [
      {
        name: "payments",
        partitions: [
          { partitionIndex: 0, timestamp: -1n, maxNumOffsets: 10 },
          // KafkaJS sends maxNumOffsets 1 when none is given (listOffsets/v0/request.js).
          { partitionIndex: 1, timestamp: 1_717_171_717_171n, maxNumOffsets: 1 },
        ],
      },
    ],
  }),
  response: () => ({
    throttleTimeMs: 5,
    topics: [
      {
        name: "payments",
        partitions: [
          {
            partitionIndex: 0,
            errorCode: 0,
            oldStyleOffsets: [1_300n, 0n],
            timestamp: -1n,
            offset: 1_300n,
          },
          {
            partitionIndex: 1,
            errorCode: 0,
            oldStyleOffsets: [BEYOND_DOUBLE],
            timestamp: 1_717_171_717_171n,
            offset: BEYOND_DOUBLE,
          },
        ],
      },
    ],
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(3),
    topics: "responses",
    "topics.name": "topic",
    "topics.partitions.partitionIndex": "partition",
    "topics.partitions.oldStyleOffsets": "offsets",
  },
};

const metadata: KafkaJsConformanceCase = {
  api: "Metadata",
  kafkaJsName: "Metadata",
  requestArgs: () => ({ topics: ["payments", "audit-log"], allowAutoTopicCreation: false }),
  expectedRequest: () => ({
    topics: [{ name: "payments" }, { name: "audit-log" }],
    allowAutoTopicCreation: false,
  }),
  response: () => ({
    throttleTimeMs: 15,
    brokers: [
      { nodeId: 1, host: "broker-1.playground", port: 9092, rack: "rack-a" },
      { nodeId: 2, host: "broker-2.playground", port: 9093, rack: null },
    ],
    clusterId: "MkU3OEVBNTcwNTJENDM2Qk",
    controllerId: 1,
    topics: [
      {
        errorCode: 0,
        name: "payments",
        isInternal: false,
        partitions: [
          {
            errorCode: 0,
            partitionIndex: 0,
            leaderId: 1,
            replicaNodes: [1, 2],
            isrNodes: [1, 2],
            offlineReplicas: [],
          },
          {
            errorCode: 0,
            partitionIndex: 1,
            leaderId: 2,
            replicaNodes: [2, 1],
            isrNodes: [2],
            offlineReplicas: [1],
          },
        ],
      },
      {
        errorCode: 0,
        name: "__consumer_offsets",
        isInternal: true,
        partitions: [
          {
            errorCode: 0,
            partitionIndex: 0,
            leaderId: 2,
            replicaNodes: [2],
            isrNodes: [2],
            offlineReplicas: [],
          },
        ],
      },
    ],
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(6),
    topics: "topicMetadata",
    "topics.errorCode": "topicErrorCode",
    "topics.name": "topic",
    "topics.partitions": "partitionMetadata",
    "topics.partitions.errorCode": "partitionErrorCode",
    "topics.partitions.partitionIndex": "partitionId",
    "topics.partitions.leaderId": "leader",
    "topics.partitions.replicaNodes": "replicas",
    "topics.partitions.isrNodes": "isr",
  },
};

const deleteRecords: KafkaJsConformanceCase = {
  api: "DeleteRecords",
  kafkaJsName: "DeleteRecords",
  requestArgs: () => ({
    topics: [
      {
        topic: "payments",
        partitions: [
          { partition: 0, offset: "1200" },
          { partition: 1, offset: "-1" },
        ],
      },
    ],
    timeout: 30_000,
  }),
  expectedRequest: () => ({
    topics: [
      {
        name: "payments",
        partitions: [
          { partitionIndex: 0, offset: 1_200n },
          { partitionIndex: 1, offset: -1n },
        ],
      },
    ],
    timeoutMs: 30_000,
  }),
  // KafkaJS sorts the topics of this response by name, so these are in name order.
  response: () => ({
    throttleTimeMs: 7,
    topics: [
      { name: "audit-log", partitions: [{ partitionIndex: 0, lowWatermark: 50n, errorCode: 0 }] },
      {
        name: "payments",
        partitions: [
          { partitionIndex: 0, lowWatermark: 1_200n, errorCode: 0 },
          { partitionIndex: 1, lowWatermark: BEYOND_DOUBLE, errorCode: 0 },
        ],
      },
    ],
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(1),
    "topics.name": "topic",
    "topics.partitions.partitionIndex": "partition",
  },
};

export const TOPIC_DATA_CASES = [produce, fetch, listOffsets, metadata, deleteRecords];
