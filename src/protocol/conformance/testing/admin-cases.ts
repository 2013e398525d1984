/**
 * Conformance rows for connection setup and administration: ApiVersions, topics, configs,
 * partitions and producer ids.
 */
import { throttleTimeFrom, type KafkaJsConformanceCase } from "./conformance-case.ts";

const TOPIC_RESOURCE = 2;
const BROKER_RESOURCE = 4;
const DYNAMIC_TOPIC_CONFIG = 1;
const DEFAULT_CONFIG = 5;

const apiVersions: KafkaJsConformanceCase = {
  api: "ApiVersions",
  kafkaJsName: "ApiVersions",
  requestArgs: () => undefined,
  // v0-v2 requests have no fields; the client software name arrived in v3.
  expectedRequest: () => ({}),
  response: () => ({
    errorCode: 0,
    apiKeys: [
      { apiKey: 0, minVersion: 0, maxVersion: 11 },
      { apiKey: 1, minVersion: 0, maxVersion: 17 },
      { apiKey: 18, minVersion: 0, maxVersion: 4 },
    ],
    throttleTimeMs: 11,
  }),
  responseViews: { apiKeys: "apiVersions", throttleTimeMs: throttleTimeFrom(2) },
};

const createTopics: KafkaJsConformanceCase = {
  api: "CreateTopics",
  kafkaJsName: "CreateTopics",
  requestArgs: () => ({
    topics: [
      {
        topic: "payments",
        numPartitions: 3,
        replicationFactor: 2,
        configEntries: [
          { name: "cleanup.policy", value: "compact" },
          { name: "min.insync.replicas", value: "2" },
        ],
      },
      {
        topic: "audit-log",
        replicaAssignment: [
          { partition: 0, replicas: [1, 2] },
          { partition: 1, replicas: [2, 1] },
        ],
      },
    ],
    validateOnly: true,
    timeout: 60_000,
  }),
  expectedRequest: () => ({
    topics: [
      {
        name: "payments",
        numPartitions: 3,
        replicationFactor: 2,
        assignments: [],
        configs: [
          { name: "cleanup.policy", value: "compact" },
          { name: "min.insync.replicas", value: "2" },
        ],
      },
      {
        // With explicit assignments the partition count and replication factor are -1.
        name: "audit-log",
        numPartitions: -1,
        replicationFactor: -1,
        assignments: [
          { partitionIndex: 0, brokerIds: [1, 2] },
          { partitionIndex: 1, brokerIds: [2, 1] },
        ],
        configs: [],
      },
    ],
    timeoutMs: 60_000,
    validateOnly: true,
  }),
  // KafkaJS sorts these results by topic name, so they are given in name order.
  response: () => ({
    throttleTimeMs: 6,
    topics: [
      { name: "audit-log", errorCode: 0, errorMessage: null },
      { name: "payments", errorCode: 0, errorMessage: null },
    ],
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(3),
    topics: "topicErrors",
    "topics.name": "topic",
  },
};

const deleteTopics: KafkaJsConformanceCase = {
  api: "DeleteTopics",
  kafkaJsName: "DeleteTopics",
  requestArgs: () => ({ topics: ["old-orders", "scratch"], timeout: 30_000 }),
  expectedRequest: () => ({ topicNames: ["old-orders", "scratch"], timeoutMs: 30_000 }),
  response: () => ({
    throttleTimeMs: 4,
    responses: [
      { name: "old-orders", errorCode: 0 },
      { name: "scratch", errorCode: 0 },
    ],
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(1),
    responses: "topicErrors",
    "responses.name": "topic",
  },
};

const initProducerId: KafkaJsConformanceCase = {
  api: "InitProducerId",
  kafkaJsName: "InitProducerId",
  requestArgs: () => ({ transactionalId: "payments-tx", transactionTimeout: 60_000 }),
  expectedRequest: () => ({ transactionalId: "payments-tx", transactionTimeoutMs: 60_000 }),
  response: () => ({
    throttleTimeMs: 2,
    errorCode: 0,
    producerId: 4_000_000_000n,
    producerEpoch: 3,
  }),
  responseViews: { throttleTimeMs: throttleTimeFrom(1) },
};

const describeConfigs: KafkaJsConformanceCase = {
  api: "DescribeConfigs",
  kafkaJsName: "DescribeConfigs",
  requestArgs: () => ({
    resources: [
      { type: TOPIC_RESOURCE, name: "payments", configNames: ["cleanup.policy", "retention.ms"] },
      { type: BROKER_RESOURCE, name: "1" },
    ],
    includeSynonyms: true,
  }),
  expectedRequest: () => ({
    resources: [
      {
        resourceType: TOPIC_RESOURCE,
        resourceName: "payments",
        configurationKeys: ["cleanup.policy", "retention.ms"],
      },
      // KafkaJS quirk: an empty config name list goes out as a null array, which Kafka
      // reads as "every config" (describeConfigs/v0/request.js, writeNullableArray).
      { resourceType: BROKER_RESOURCE, resourceName: "1", configurationKeys: null },
    ],
    includeSynonyms: true,
  }),
  response: () => ({
    throttleTimeMs: 8,
    results: [
      {
        errorCode: 0,
        errorMessage: null,
        resourceType: TOPIC_RESOURCE,
        resourceName: "payments",
        configs: [
          {
            name: "cleanup.policy",
            value: "compact",
            readOnly: false,
            isDefault: false,
            configSource: DYNAMIC_TOPIC_CONFIG,
            isSensitive: false,
            synonyms: [
              { name: "cleanup.policy", value: "compact", source: DYNAMIC_TOPIC_CONFIG },
              { name: "log.cleanup.policy", value: "delete", source: DEFAULT_CONFIG },
            ],
          },
          {
            name: "retention.ms",
            value: "604800000",
            readOnly: false,
            isDefault: true,
            configSource: DEFAULT_CONFIG,
            isSensitive: false,
            synonyms: [],
          },
        ],
      },
    ],
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(2),
    results: "resources",
    "results.configs": "configEntries",
    "results.configs.name": "configName",
    "results.configs.value": "configValue",
    "results.configs.synonyms": "configSynonyms",
    "results.configs.synonyms.name": "configName",
    "results.configs.synonyms.value": "configValue",
    "results.configs.synonyms.source": "configSource",
  },
};

const alterConfigs: KafkaJsConformanceCase = {
  api: "AlterConfigs",
  kafkaJsName: "AlterConfigs",
  requestArgs: () => ({
    resources: [
      {
        type: TOPIC_RESOURCE,
        name: "payments",
        configEntries: [
          { name: "retention.ms", value: "86400000" },
          { name: "cleanup.policy", value: "compact" },
        ],
      },
    ],
    validateOnly: true,
  }),
  expectedRequest: () => ({
    resources: [
      {
        resourceType: TOPIC_RESOURCE,
        resourceName: "payments",
        configs: [
          { name: "retention.ms", value: "86400000" },
          { name: "cleanup.policy", value: "compact" },
        ],
      },
    ],
    validateOnly: true,
  }),
  response: () => ({
    throttleTimeMs: 5,
    responses: [
      { errorCode: 0, errorMessage: null, resourceType: TOPIC_RESOURCE, resourceName: "payments" },
    ],
  }),
  responseViews: { throttleTimeMs: throttleTimeFrom(1), responses: "resources" },
};

const createPartitions: KafkaJsConformanceCase = {
  api: "CreatePartitions",
  kafkaJsName: "CreatePartitions",
  requestArgs: () => ({
    topicPartitions: [
      {
        topic: "payments",
        count: 6,
        assignments: [
          [1, 2],
          [2, 3],
          [3, 1],
        ],
      },
      { topic: "audit-log", count: 4 },
    ],
    timeout: 30_000,
    validateOnly: true,
  }),
  expectedRequest: () => ({
    topics: [
      {
        name: "payments",
        count: 6,
        assignments: [{ brokerIds: [1, 2] }, { brokerIds: [2, 3] }, { brokerIds: [3, 1] }],
      },
      // No assignments: KafkaJS writes a null array, which lets the controller place them.
      { name: "audit-log", count: 4, assignments: null },
    ],
    timeoutMs: 30_000,
    validateOnly: true,
  }),
  // KafkaJS sorts these results by topic name, so they are given in name order.
  response: () => ({
    throttleTimeMs: 12,
    results: [
      { name: "audit-log", errorCode: 0, errorMessage: null },
      { name: "payments", errorCode: 0, errorMessage: null },
    ],
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(1),
    results: "topicErrors",
    "results.name": "topic",
  },
};

export const ADMIN_CASES = [
  apiVersions,
  createTopics,
  deleteTopics,
  initProducerId,
  describeConfigs,
  alterConfigs,
  createPartitions,
];
