/**
 * The node shell's telemetry sink: each event becomes one log line in the shape of Kafka's
 * server log, under the logger Kafka would use for it. Per-request and per-append events
 * are DEBUG/TRACE (like kafka.request.logger), so an INFO log shows what an operator
 * watches: roles, elections, ISR changes, fencing, topics, segments and errors.
 */
import { APIS } from "../../protocol/generated/api-table.ts";
import { ERRORS } from "../../protocol/generated/error-codes.ts";
import type {
  TelemetryEvent,
  TelemetryKind,
  TelemetrySink,
} from "../../telemetry/telemetry-event.ts";
import type { KafkaLogger, LogLevel, LogSource } from "./kafka-log.ts";

export interface LogEntry {
  level: LogLevel;
  source: LogSource;
  message: string;
}

const LEVEL_OF: Record<TelemetryKind, LogLevel> = {
  "records-appended": "DEBUG",
  "log-offsets": "TRACE",
  "partition-role": "INFO",
  "isr-changed": "INFO",
  "leader-changed": "INFO",
  segment: "INFO",
  topic: "INFO",
  broker: "INFO",
  raft: "INFO",
  request: "DEBUG",
  error: "ERROR",
  node: "INFO",
  group: "INFO",
  "offset-commit": "DEBUG",
};

export function createLogTelemetry(logger: KafkaLogger): TelemetrySink {
  return {
    wants: (kind) => logger.enabled(LEVEL_OF[kind]),
    emit(event: TelemetryEvent): void {
      // Check the level first: per-request events are frequent and usually off.
      if (!logger.enabled(LEVEL_OF[event.kind])) return;
      const entry = describeEvent(event);
      logger.log(entry.level, entry.source, entry.message);
    },
  };
}

const partitionSource = (topic: string, partition: number, node: number): LogSource => ({
  context: `Partition ${topic}-${partition} broker=${node}`,
  logger: "kafka.cluster.Partition",
});

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function describeEvent(event: TelemetryEvent): LogEntry {
  const level = LEVEL_OF[event.kind];
  const entry = (source: LogSource, message: string): LogEntry => ({ level, source, message });
  switch (event.kind) {
    case "node":
      return entry(
        { context: `KafkaRaftServer nodeId=${event.node}`, logger: "kafka.server.KafkaRaftServer" },
        nodeMessage(event),
      );
    case "raft":
      return entry(
        { context: `RaftManager id=${event.node}`, logger: "org.apache.kafka.raft.QuorumState" },
        `Completed transition to ${capitalized(event.role)}(epoch=${event.epoch}, leader=${event.leader}, highWatermark=${event.highWatermark})`,
      );
    case "broker":
      return brokerEntry(event);
    case "partition-role":
      return entry(partitionSource(event.topic, event.partition, event.node), roleMessage(event));
    case "isr-changed":
      return entry(
        partitionSource(event.topic, event.partition, event.node),
        `ISR updated to ${event.isr.join(",")} and version updated to ${event.partitionEpoch} (leader epoch ${event.leaderEpoch})`,
      );
    case "leader-changed":
      return entry(
        partitionSource(event.topic, event.partition, event.node),
        `Leader is now ${event.leader} at leader epoch ${event.leaderEpoch}`,
      );
    case "segment":
      return segmentEntry(event);
    case "topic":
      return entry(
        {
          context: `Broker id=${event.node}`,
          logger: "kafka.server.metadata.BrokerMetadataPublisher",
        },
        `${capitalized(event.action)} topic ${event.topic} with ${event.partitions} partition(s)`,
      );
    case "error": {
      const code =
        event.errorCode === undefined
          ? ""
          : ` (${ERRORS.get(event.errorCode)?.name ?? `error code ${event.errorCode}`})`;
      return entry(
        { context: `KafkaRaftServer nodeId=${event.node}`, logger: "kafka.server.KafkaRaftServer" },
        `${event.where}: ${event.message}${code}`,
      );
    }
    case "request": {
      const api = APIS.get(event.apiKey)?.name ?? `apiKey ${event.apiKey}`;
      return entry(
        { logger: "kafka.request.logger" },
        `${event.direction === "in" ? "Completed request" : "Sent request"}:{api=${api}, version=${event.apiVersion}, correlationId=${event.correlationId}, peer=${event.peer}, bytes=${event.bytes}, node=${event.node}}`,
      );
    }
    case "records-appended":
      return entry(
        {
          context: `UnifiedLog partition=${event.topic}-${event.partition}, broker=${event.node}`,
          logger: "kafka.log.UnifiedLog",
        },
        `Appended ${event.count} record(s) (${event.bytes} bytes) at offset ${event.baseOffset}`,
      );
    case "group":
      return entry(
        {
          context: `GroupCoordinator id=${event.node} topic=__consumer_offsets partition=${event.coordinatorPartition}`,
          logger: "org.apache.kafka.coordinator.group.GroupMetadataManager",
        },
        groupMessage(event),
      );
    case "offset-commit":
      return entry(
        {
          context: `GroupCoordinator id=${event.node}`,
          logger: "org.apache.kafka.coordinator.group.OffsetMetadataManager",
        },
        `[GroupId ${event.group}] Committed offset ${event.offset} for partition ${event.topic}-${event.partition}`,
      );
    case "log-offsets":
      return entry(
        {
          context: `UnifiedLog partition=${event.topic}-${event.partition}, broker=${event.node}`,
          logger: "kafka.log.UnifiedLog",
        },
        `logStartOffset=${event.logStartOffset}, logEndOffset=${event.logEndOffset}, highWatermark=${event.highWatermark}`,
      );
  }
}

function groupMessage(event: Extract<TelemetryEvent, { kind: "group" }>): string {
  const group = `group ${event.group}`;
  switch (event.state) {
    case "PreparingRebalance":
      return `Preparing to rebalance ${group} with old generation ${event.generation} (reason: ${event.reason})`;
    case "CompletingRebalance":
      return `Stabilized ${group} generation ${event.generation} with ${event.members.length} members`;
    case "Stable":
      return `${capitalized(group)} is Stable in generation ${event.generation} with ${event.members.length} members (reason: ${event.reason})`;
    case "Empty":
      return `${capitalized(group)} with generation ${event.generation} is now empty (reason: ${event.reason})`;
    case "Dead":
      return `${capitalized(group)} transitioned to Dead in generation ${event.generation} (reason: ${event.reason})`;
  }
}

function nodeMessage(event: Extract<TelemetryEvent, { kind: "node" }>): string {
  const detail = event.detail === undefined ? "" : `: ${event.detail}`;
  switch (event.action) {
    case "started":
      return `Starting node${detail}`;
    case "recovered":
      return `Recovered the log dir${detail}`;
    case "stopped":
      return `Node stopped${detail}`;
  }
}

function brokerEntry(event: Extract<TelemetryEvent, { kind: "broker" }>): LogEntry {
  if (event.node === event.broker) {
    const messages = {
      registered: `Successfully registered broker ${event.broker}`,
      fenced: "The broker is fenced.",
      unfenced: "The broker has been unfenced. Transitioning from RECOVERY to RUNNING.",
      "controlled-shutdown": "The broker is in PENDING_CONTROLLED_SHUTDOWN state.",
    };
    return {
      level: "INFO",
      source: {
        context: `BrokerLifecycleManager id=${event.node}`,
        logger: "org.apache.kafka.server.BrokerLifecycleManager",
      },
      message: messages[event.action],
    };
  }
  const action =
    event.action === "controlled-shutdown" ? "is in controlled shutdown" : event.action;
  return {
    level: "INFO",
    source: {
      context: `QuorumController id=${event.node}`,
      logger: "org.apache.kafka.controller.QuorumController",
    },
    message: `Broker ${event.broker} ${action}`,
  };
}

function roleMessage(event: Extract<TelemetryEvent, { kind: "partition-role" }>): string {
  switch (event.role) {
    case "leader":
      return `Became leader at leader epoch ${event.leaderEpoch}`;
    case "follower":
      return `Became follower of leader ${event.leader} at leader epoch ${event.leaderEpoch}`;
    case "none":
      return "Stopped being a replica";
  }
}

function segmentEntry(event: Extract<TelemetryEvent, { kind: "segment" }>): LogEntry {
  const partition = `${event.topic}-${event.partition}`;
  switch (event.action) {
    case "opened":
      return {
        level: "DEBUG",
        source: {
          context: `LogLoader partition=${partition}, broker=${event.node}`,
          logger: "kafka.log.LogLoader",
        },
        message: `Loaded log segment with base offset ${event.baseOffset}`,
      };
    case "rolled":
      return {
        level: "INFO",
        source: {
          context: `LocalLog partition=${partition}, broker=${event.node}`,
          logger: "kafka.log.LocalLog",
        },
        message: `Rolled new log segment at offset ${event.baseOffset}`,
      };
    case "deleted":
      return {
        level: "INFO",
        source: {
          context: `UnifiedLog partition=${partition}, broker=${event.node}`,
          logger: "kafka.log.UnifiedLog",
        },
        message: `Deleted log segment with base offset ${event.baseOffset}`,
      };
    case "cleaned":
      return {
        level: "INFO",
        source: { context: `LogCleaner broker=${event.node}`, logger: "kafka.log.LogCleaner" },
        message: `Cleaned log ${partition} up to the segment with base offset ${event.baseOffset}`,
      };
  }
}
