/**
 * kafka-topics --describe: per topic a line with its id, partition count, replication
 * factor and the configs that are not Kafka's defaults, then a line per partition with
 * its leader, replicas, ISR and (KIP-966) ELR and last known ELR, as TopicCommand prints
 * them. --under-replicated-partitions, --under-min-isr-partitions, --at-min-isr-partitions
 * and --unavailable-partitions print only the partitions that are so (and no topic line);
 * --topics-with-overrides prints only the topic lines of topics with overrides.
 *
 * This cluster answers Metadata, not DescribeTopicPartitions, so ELR and last known ELR
 * are the empty lists Kafka's Admin client reports from Metadata; it has no partition
 * reassignments, so no "Adding Replicas"/"Removing Replicas".
 */
import { ConfigResourceType, type DescribedConfigEntry } from "../../client/admin/admin-types.ts";
import type { PartitionMetadata } from "../../client/admin/admin-types.ts";
import { ZERO_UUID } from "../../protocol/codec-runtime.ts";
import type { ParsedOptions } from "../framework/option-parser.ts";
import type { ToolIo } from "../framework/tool.ts";
import type { AdminSession } from "../framework/admin-session.ts";
import { adminCall } from "../framework/admin-failures.ts";
import { illegalArgument } from "../framework/java-exception.ts";
import { getTopics } from "./topic-service.ts";
import { isInternalTopic } from "./topic-filter.ts";

interface DescribeFilters {
  underReplicated: boolean;
  unavailable: boolean;
  underMinIsr: boolean;
  atMinIsr: boolean;
  withOverrides: boolean;
}

interface Described {
  name: string;
  topicId: string;
  partitions: PartitionMetadata[];
  configs: DescribedConfigEntry[];
}

const ids = (nodes: readonly number[]) => nodes.join(",");

function minIsr(configs: readonly DescribedConfigEntry[]): number {
  const entry = configs.find((config) => config.configName === "min.insync.replicas");
  return Number(entry?.configValue ?? "1");
}

function topicLine(topic: Described): string {
  const overrides = topic.configs
    .filter((config) => !config.isDefault)
    .map((config) => `${config.configName}=${config.configValue}`)
    .join(",");
  const topicId = topic.topicId === ZERO_UUID ? "" : `\tTopicId: ${topic.topicId}`;
  const replicationFactor = topic.partitions[0]?.replicas.length ?? 0;
  return (
    `Topic: ${topic.name}${topicId}\tPartitionCount: ${topic.partitions.length}` +
    `\tReplicationFactor: ${replicationFactor}\tConfigs: ${overrides}`
  );
}

function partitionLine(topic: string, partition: PartitionMetadata): string {
  const leader = partition.leader >= 0 ? String(partition.leader) : "none";
  return (
    `\tTopic: ${topic}\tPartition: ${partition.partitionId}\tLeader: ${leader}` +
    `\tReplicas: ${ids(partition.replicas)}\tIsr: ${ids(partition.isr)}\tElr: \tLastKnownElr: `
  );
}

/** DescribeOptions.shouldPrintTopicPartition. */
function partitionShown(
  filters: DescribeFilters,
  partition: PartitionMetadata,
  minIsrCount: number,
  liveBrokers: ReadonlySet<number>,
): boolean {
  const hasLeader = partition.leader >= 0;
  const reports = filters.underReplicated || filters.unavailable || filters.underMinIsr;
  if (!reports && !filters.atMinIsr) return true;
  return (
    (filters.underReplicated && partition.replicas.length - partition.isr.length > 0) ||
    (filters.unavailable && (!hasLeader || !liveBrokers.has(partition.leader))) ||
    (filters.underMinIsr && (!hasLeader || partition.isr.length < minIsrCount)) ||
    (filters.atMinIsr && partition.isr.length === minIsrCount)
  );
}

/** The topics --topic-id names (none or one), or by --topic otherwise. */
async function topicsToDescribe(session: AdminSession, options: ParsedOptions): Promise<string[]> {
  const excludeInternal = options.has("exclude-internal");
  const requireExists = !options.has("if-exists");
  const topicId = options.valueOf("topic-id");
  if (topicId === undefined || topicId === ZERO_UUID) {
    return getTopics(session, options.valueOf("topic"), excludeInternal, requireExists);
  }
  await adminCall("listTopics", () => session.admin.fetchTopicMetadata());
  const match = [...session.cluster.metadata.topics.values()].find(
    (topic) => topic.topicId === topicId && !(excludeInternal && isInternalTopic(topic.name)),
  );
  if (match === undefined && requireExists)
    throw illegalArgument(`TopicId '${topicId}' does not exist as expected`);
  return match === undefined ? [] : [match.name];
}

export async function describeTopics(
  session: AdminSession,
  options: ParsedOptions,
  io: ToolIo,
): Promise<void> {
  const names = await topicsToDescribe(session, options);
  if (names.length === 0) return;
  const { admin, cluster } = session;
  const metadata = await adminCall("describeTopics", () =>
    admin.fetchTopicMetadata({ topics: names }),
  );
  const configs = await adminCall("describeConfigs", () =>
    admin.describeConfigs({
      resources: names.map((name) => ({ type: ConfigResourceType.TOPIC, name })),
    }),
  );
  const description = await adminCall("describeCluster", () => admin.describeCluster());
  const liveBrokers = new Set(description.brokers.map((broker) => broker.nodeId));
  const filters: DescribeFilters = {
    underReplicated: options.has("under-replicated-partitions"),
    unavailable: options.has("unavailable-partitions"),
    underMinIsr: options.has("under-min-isr-partitions"),
    atMinIsr: options.has("at-min-isr-partitions"),
    withOverrides: options.has("topics-with-overrides"),
  };
  const reportsOnly =
    filters.underReplicated || filters.unavailable || filters.underMinIsr || filters.atMinIsr;
  for (const topic of metadata.topics) {
    const described: Described = {
      name: topic.name,
      topicId: cluster.metadata.topics.get(topic.name)?.topicId ?? ZERO_UUID,
      partitions: [...topic.partitions].sort((a, b) => a.partitionId - b.partitionId),
      configs:
        configs.resources.find((resource) => resource.resourceName === topic.name)?.configEntries ??
        [],
    };
    const hasOverrides = described.configs.some((config) => !config.isDefault);
    if (!reportsOnly && (!filters.withOverrides || hasOverrides)) io.out(topicLine(described));
    if (filters.withOverrides) continue;
    const minIsrCount = minIsr(described.configs);
    for (const partition of described.partitions) {
      if (partitionShown(filters, partition, minIsrCount, liveBrokers))
        io.out(partitionLine(topic.name, partition));
    }
  }
}
