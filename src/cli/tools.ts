/** Every command-line tool, by the name of Kafka's script (without `.sh`). */
import { configsTool } from "./configs/configs.ts";
import { consoleConsumerTool } from "./console-consumer/console-consumer.ts";
import { consoleProducerTool } from "./console-producer/console-producer.ts";
import { consumerGroupsTool } from "./consumer-groups/consumer-groups.ts";
import { dumpLogTool } from "./dump-log/dump-log.ts";
import type { Tool } from "./framework/tool.ts";
import { leaderElectionTool } from "./leader-election/leader-election.ts";
import { metadataQuorumTool } from "./metadata-quorum/metadata-quorum.ts";
import { consumerPerfTool } from "./perf/consumer-perf-test.ts";
import { producerPerfTool } from "./perf/producer-perf-test.ts";
import { topicsTool } from "./topics/topics.ts";

export const TOOLS: ReadonlyMap<string, Tool> = new Map(
  [
    dumpLogTool,
    metadataQuorumTool,
    consoleProducerTool,
    consoleConsumerTool,
    producerPerfTool,
    consumerPerfTool,
    topicsTool,
    configsTool,
    consumerGroupsTool,
    leaderElectionTool,
  ].map((tool) => [tool.name, tool]),
);
