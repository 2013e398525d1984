/**
 * Starts one Kafka node (KRaft combined mode) on the ports a shell provides. This is the
 * one place the broker, the Raft quorum and the controller are wired together; the
 * web-worker, Node and simulator shells all call it.
 *
 *   Raft quorum ── commits ──► metadata replay ──► image ──► replica manager (roles)
 *        ▲                                           │
 *   quorum controller (when this node leads Raft) ◄──┘ activates from the image
 */
import { sinkWants } from "../../telemetry/telemetry-event.ts";
import { BrokerLifecycle } from "../../broker/broker-lifecycle.ts";
import type { BrokerServices } from "../../broker/broker-services.ts";
import { createBrokerHandlerRegistry } from "../../broker/default-handlers.ts";
import { createHandlerRegistry } from "../../server/handler-registry.ts";
import { HandlerRegistry } from "../../server/handler-registry.ts";
import { apiVersionsHandler } from "../../server/handlers/18-api-versions.ts";
import { GroupCoordinator } from "../../broker/group/group-coordinator.ts";
import { ProducerIdAllocator } from "../../broker/producer-id-allocator.ts";
import { FollowerFetchers } from "../../broker/replica/follower-fetcher.ts";
import { IsrUpdater } from "../../broker/replica/isr-updater.ts";
import { ReplicaManager } from "../../broker/replica/replica-manager.ts";
import { TickSleeper } from "../../broker/replica/tick-sleeper.ts";
import { serveConnection } from "../../server/serve-connection.ts";
import { ConnectionPool } from "../../client/connection-pool.ts";
import {
  BROKER_LISTENER,
  CONTROLLER_LISTENER,
  type ListenerName,
} from "../../client/node-requester.ts";
import type { Transport } from "../../client/transport.ts";
import type { RequestHeaderPeek } from "../../protocol/frame-peek.ts";
import { QuorumController } from "../../controller/quorum-controller.ts";
import { RaftNode } from "../../controller/raft/raft-node.ts";
import { randomTopicId } from "../../controller/topic-id.ts";
import { LogManager } from "../../log/log-manager.ts";
import { KAFKA_DEFAULT_LOG_CONFIG } from "../../log/log-config.ts";
import { BrokerConfig } from "../../metadata/configs/broker-configs.ts";
import type { NodeConfig, NodePorts, NodeStatus, RunningNode } from "./kafka-node-contract.ts";
import { ControllerLink } from "./controller-link.ts";
import { MetadataReplay } from "./metadata-replay.ts";
import { QuorumMetadataLog } from "./quorum-metadata-log.ts";
import { OpenConnections } from "./open-connections.ts";
import { readStoredRecords } from "./read-stored-records.ts";

/** How long a controlled shutdown may wait for the controller to move leadership away. */
const CONTROLLED_SHUTDOWN_TIMEOUT_MS = 10_000;

export async function startKafkaNode(config: NodeConfig, ports: NodePorts): Promise<RunningNode> {
  const { nodeId, clusterId } = config;
  const { clock, fs, telemetry } = ports;
  const logDir = config.logDir ?? `broker-${nodeId}`;
  const replay = new MetadataReplay(nodeId, telemetry);
  const brokerConfig = new BrokerConfig(config.properties, () => replay.image.brokerConfigs(null));
  const isVoter = config.voters.includes(nodeId);

  const endpointOf = (peer: number, listener: ListenerName) => {
    if (listener === CONTROLLER_LISTENER)
      return config.controllerEndpoints?.[peer] ?? { host: `node-${peer}`, port: 9093 };
    const endpoint = replay.image.brokers
      .get(peer)
      ?.endpoints.find((e) => e.name === BROKER_LISTENER);
    return endpoint === undefined ? null : { host: endpoint.host, port: endpoint.port };
  };
  // A listener serves one request per connection at a time (as Kafka does), so traffic
  // that can wait on other traffic gets its own connections, like Kafka's separate
  // channels: a registration waiting for its commit must not hold up the Raft fetch that
  // commits it.
  const pool = (purpose: string) =>
    new ConnectionPool(`broker-${nodeId}-${purpose}`, ports.dial, endpointOf, clock);
  const pools = {
    raft: pool("raft"),
    lifecycle: pool("lifecycle"),
    controller: pool("controller"),
    fetcher: pool("fetcher"),
  };

  const logs = await LogManager.open({
    fs,
    logDir,
    nodeId,
    clusterId,
    newDirectoryId: randomTopicId(ports.random),
    configFor: () => KAFKA_DEFAULT_LOG_CONFIG,
    retentionCheckIntervalMs: brokerConfig.number("log.retention.check.interval.ms"),
    cleanerBackoffMs: brokerConfig.number("log.cleaner.backoff.ms"),
    checkpointIntervalMs: brokerConfig.number("log.flush.offset.checkpoint.interval.ms"),
  });
  const raft = await RaftNode.open({
    nodeId,
    voters: config.voters,
    clusterId,
    fs,
    directory: `${logDir}/__cluster_metadata-0`,
    requester: pools.raft,
    clock,
    random: ports.random,
    config: raftConfigFrom(brokerConfig),
    telemetry,
  });
  raft.onCommit((records) => replay.applyCommitted(records));

  const controllerLink = new ControllerLink(pools.controller, () => raft.leaderId);
  const lifecycleLink = new ControllerLink(pools.lifecycle, () => raft.leaderId);
  const metadataLog = new QuorumMetadataLog(raft, replay);
  const controller = new QuorumController({
    nodeId,
    clusterId,
    clock,
    random: ports.random,
    properties: config.properties,
    log: metadataLog,
    telemetry,
  });

  const replicas = await ReplicaManager.open({
    nodeId,
    clock,
    fs,
    logDir,
    logs,
    config: brokerConfig,
    telemetry,
  });
  const sleeper = new TickSleeper(clock);
  const fetchers = new FollowerFetchers(replicas, pools.fetcher, sleeper);
  const lifecycle = new BrokerLifecycle({
    nodeId,
    clusterId,
    incarnationId: randomTopicId(ports.random),
    directoryId: logs.meta.directoryId,
    listeners: [
      {
        name: BROKER_LISTENER,
        host: config.advertised.PLAINTEXT.host,
        port: config.advertised.PLAINTEXT.port,
        securityProtocol: 0,
      },
    ],
    clock,
    config: brokerConfig,
    controller: lifecycleLink,
    telemetry,
    metadataOffset: () => replay.image.offset,
  });
  const isrUpdater = new IsrUpdater({
    manager: replicas,
    controller: controllerLink,
    brokerEpoch: (id) =>
      id === nodeId ? lifecycle.brokerEpoch : (replay.image.brokers.get(id)?.epoch ?? -1n),
  });
  // The broker acts on the image only once the controller knows it and it has caught up.
  replay.onChange((image) => {
    if (lifecycle.caughtUp) void replicas.applyMetadata(image);
  });
  lifecycle.onCaughtUp(() => void replicas.applyMetadata(replay.image));
  const groups = new GroupCoordinator({
    nodeId,
    clock,
    config: brokerConfig,
    replicas,
    image: () => replay.image,
    controller: controllerLink,
    telemetry,
    random: ports.random,
  });
  // Leading a __consumer_offsets partition makes this broker its groups' coordinator.
  replicas.onRoleChange((partition) => groups.onPartitionRoleChange(partition));

  const services: BrokerServices = {
    nodeId,
    clusterId,
    clock,
    config: brokerConfig,
    image: () => replay.image,
    replicas,
    controller: controllerLink,
    producerIds: new ProducerIdAllocator(
      controllerLink,
      nodeId,
      () => lifecycle.brokerEpoch,
      brokerConfig.number("request.timeout.ms"),
    ),
    telemetry,
    random: ports.random,
    groups,
  };
  const brokerRegistry = createBrokerHandlerRegistry();
  const controllerRegistry = new HandlerRegistry().register(apiVersionsHandler);
  for (const handler of [...raft.handlers, ...(isVoter ? controller.handlers : [])])
    controllerRegistry.register(handler);
  const idleRegistry = createHandlerRegistry();

  let replicaTick: Promise<void> | null = null;
  let stopped = false;
  const connections = new OpenConnections();

  /**
   * Kafka halts a broker whose only log dir has failed (Exit.halt, from its log-dir
   * failure handler thread, so the request that hit the failure still gets its
   * KAFKA_STORAGE_ERROR): no controlled shutdown, no flush. Its heartbeats stop, the
   * controller fences it after broker.session.timeout.ms and moves leadership to the other
   * replicas; its clients' connections drop. Here the halt comes at the node's next tick.
   * The worker stays up, so the page can still read what the node left.
   */
  let haltReason: string | null = null;
  logs.onOffline((reason) => (haltReason ??= reason));
  function halt(reason: string): void {
    stopped = true;
    telemetry.emit({
      kind: "error",
      node: nodeId,
      where: "node",
      message: `halting: the only log dir is offline (${reason})`,
    });
    fetchers.stop();
    sleeper.wakeAll();
    for (const each of Object.values(pools)) each.closeAll();
    connections.closeAll();
  }
  telemetry.emit({
    kind: "node",
    node: nodeId,
    action: logs.wasCleanShutdown ? "started" : "recovered",
  });

  /**
   * The controller becomes active once this node leads Raft and its own epoch's first
   * record is committed: everything before it has then been replayed into the image.
   * Nothing else appends before activation, so "HW reached the LEO" says exactly that.
   */
  function followRaftLeadership(): void {
    const leading =
      raft.role === "leader" && raft.highWatermark >= 0n && raft.highWatermark >= raft.logEndOffset;
    if (leading && !controller.isActive) controller.activate(replay.image);
    else if (controller.isActive && raft.role !== "leader") {
      controller.deactivate();
      metadataLog.leadershipLost();
    }
  }

  return {
    nodeId,
    accept(accepted: Transport, listener: ListenerName): void {
      if (stopped) {
        accepted.close();
        return;
      }
      const transport = connections.track(accepted);
      const onError = (error: unknown) =>
        telemetry.emit({
          kind: "error",
          node: nodeId,
          where: `${listener} request`,
          message: error instanceof Error ? error.message : String(error),
        });
      const observe = (
        direction: "in" | "out",
        frame: Uint8Array,
        request: RequestHeaderPeek | null,
      ) => {
        if (request === null || !sinkWants(telemetry, "request")) return;
        telemetry.emit({
          kind: "request",
          node: nodeId,
          direction,
          peer: listener,
          apiKey: request.apiKey,
          apiVersion: request.apiVersion,
          correlationId: request.correlationId,
          bytes: frame.length,
        });
      };
      const observing = () => sinkWants(telemetry, "request");
      if (listener === BROKER_LISTENER)
        serveConnection(transport, brokerRegistry, services, { onError, observe, observing });
      else if (listener === CONTROLLER_LISTENER)
        serveConnection(transport, controllerRegistry, undefined, { onError, observe, observing });
      else serveConnection(transport, idleRegistry, undefined);
    },
    tick(): void {
      if (stopped) return;
      if (haltReason !== null) return halt(haltReason);
      for (const each of Object.values(pools)) each.expire();
      sleeper.tick();
      raft.tick();
      followRaftLeadership();
      if (isVoter) controller.tick();
      lifecycle.tick();
      isrUpdater.tick();
      groups.tick();
      replicaTick ??= replicas.tick().finally(() => (replicaTick = null));
    },
    status(): NodeStatus {
      return {
        nodeId,
        isVoter,
        raftRole: raft.role,
        raftLeader: raft.leaderId,
        raftEpoch: raft.epoch,
        fenced: lifecycle.state !== "running",
      };
    },
    inspect() {
      return [...replicas.partitions.values()].map((p) => ({
        topic: p.topic,
        partition: p.partition,
        role: p.role,
        leaderId: p.leaderId,
        leaderEpoch: p.leaderEpoch,
        isr: [...p.isr],
        highWatermark: p.highWatermark,
        logStartOffset: p.log.logStartOffset,
        logEndOffset: p.log.logEndOffset,
      }));
    },
    readRecords(topic: string, partition: number, from: bigint, to: bigint) {
      const held = replicas.partition(topic, partition);
      return held === undefined ? [] : readStoredRecords(held.log, from, to);
    },
    async shutdown(): Promise<void> {
      await lifecycle.controlledShutdown(CONTROLLED_SHUTDOWN_TIMEOUT_MS);
      stopped = true;
      groups.shutdown();
      fetchers.stop();
      sleeper.wakeAll();
      if (replicaTick !== null) await replicaTick;
      await raft.resign();
      await replicas.shutdown();
      await raft.close();
      for (const each of Object.values(pools)) each.closeAll();
      telemetry.emit({ kind: "node", node: nodeId, action: "stopped" });
    },
  };
}

function raftConfigFrom(config: BrokerConfig) {
  return {
    electionTimeoutMs: config.number("controller.quorum.election.timeout.ms"),
    fetchTimeoutMs: config.number("controller.quorum.fetch.timeout.ms"),
    electionBackoffMaxMs: config.number("controller.quorum.election.backoff.max.ms"),
    requestTimeoutMs: config.number("controller.quorum.request.timeout.ms"),
  };
}
