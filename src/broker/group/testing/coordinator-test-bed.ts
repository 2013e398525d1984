/**
 * Test support: broker 1 of the handler harness (real log, replica manager and metadata
 * image) leading every partition of a small __consumer_offsets topic, with a real
 * GroupCoordinator attached to its services. Requests go through the wire codecs at the
 * version a test picks; time moves with `advance`, which ticks the coordinator the way the
 * node does.
 */
import type { MetadataRecord } from "../../../metadata/metadata-record.ts";
import { encodeMessage } from "../../../protocol/message-codec.ts";
import { ConsumerProtocolAssignmentSpec } from "../../../protocol/generated/messages/consumer-protocol-assignment.ts";
import { ConsumerProtocolSubscriptionSpec } from "../../../protocol/generated/messages/consumer-protocol-subscription.ts";
import { Writer } from "../../../protocol/primitives/writer.ts";
import type { TelemetryEvent } from "../../../telemetry/telemetry-event.ts";
import type { Handler } from "../../../server/handler.ts";
import type { BrokerServices } from "../../broker-services.ts";
import { TestBroker } from "../../testing/broker-harness.ts";
import { clusterRecords } from "../../testing/cluster-fixture.ts";
import { testUuid, topicConfigRecord, topicRecords } from "../../testing/metadata-records.ts";
import { GroupCoordinator } from "../group-coordinator.ts";
import { replayOffsetsPartition, type LoadedPartition } from "../group-loader.ts";
import { OFFSETS_TOPIC } from "../offsets-topic.ts";

export interface TestBedOptions {
  /**
   * Partitions of __consumer_offsets (all led by broker 1; offsets.topic.num.partitions is
   * set to match); 0 leaves the topic out and the config at its default.
   */
  offsetsPartitions?: number;
  /** Replicas of each __consumer_offsets partition (default [1]: the HW follows the log end). */
  offsetsReplicas?: number[];
  properties?: Record<string, string>;
}

export const OFFSETS_TOPIC_ID = testUuid(77);

export class CoordinatorTestBed {
  private constructor(
    readonly broker: TestBroker,
    public coordinator: GroupCoordinator,
  ) {}

  static async start(options: TestBedOptions = {}): Promise<CoordinatorTestBed> {
    const partitions = options.offsetsPartitions ?? 3;
    const broker = await TestBroker.start({
      nodeId: 1,
      properties: {
        ...(partitions > 0 ? { "offsets.topic.num.partitions": String(partitions) } : {}),
        "group.initial.rebalance.delay.ms": "0",
        ...options.properties,
      },
    });
    await broker.apply(
      ...clusterRecords(),
      ...(partitions > 0 ? offsetsTopicRecords(partitions, options.offsetsReplicas) : []),
    );
    const bed = new CoordinatorTestBed(broker, newCoordinator(broker));
    await bed.advance(0);
    return bed;
  }

  get services(): BrokerServices {
    return this.broker.services;
  }

  /** A new coordinator on the same broker: as after a restart, it loads from the log. */
  async restartCoordinator(): Promise<void> {
    this.startLoadingCoordinator();
    await this.advance(0);
  }

  /** A new coordinator that has started, but not finished, loading its partitions. */
  startLoadingCoordinator(): GroupCoordinator {
    this.coordinator.shutdown();
    this.coordinator = newCoordinator(this.broker);
    this.coordinator.tick();
    return this.coordinator;
  }

  /**
   * Encode, dispatch and decode at `version`; while unanswered, let time pass in ticks (up
   * to a second), as a client waiting on the node would.
   */
  async exchange<Request, Response>(
    handler: Handler<Request, Response, BrokerServices>,
    request: Request,
    version: number,
  ): Promise<Response> {
    const answer = this.send(handler, request, version);
    await settle();
    for (let i = 0; i < 100 && !answer.settled; i++) await this.advance(10);
    if (!answer.settled) throw new Error(`no answer to API ${handler.apiKey} within a second`);
    return answer.promise;
  }

  /** Send without waiting: for requests the coordinator parks (JoinGroup, SyncGroup). */
  send<Request, Response>(
    handler: Handler<Request, Response, BrokerServices>,
    request: Request,
    version: number,
  ): Pending<Response> {
    const pending: Pending<Response> = {
      settled: false,
      promise: this.broker.exchange(handler, request, version).finally(() => {
        pending.settled = true;
      }),
    };
    return pending;
  }

  /** Move the clock in 10 ms ticks, ticking replicas and coordinator as the node does. */
  async advance(ms: number): Promise<void> {
    const end = this.broker.clock.nowMs() + ms;
    do {
      const step = Math.min(10, end - this.broker.clock.nowMs());
      this.broker.clock.advance(step);
      await this.services.replicas.tick();
      this.coordinator.tick();
      await settle();
    } while (this.broker.clock.nowMs() < end);
  }

  events<K extends TelemetryEvent["kind"]>(kind: K): Extract<TelemetryEvent, { kind: K }>[] {
    return this.broker.drainEvents(kind);
  }

  /** What the group's __consumer_offsets partition holds, replayed as a new coordinator would. */
  stored(groupId: string): Promise<LoadedPartition> {
    const partition = this.broker.partition(OFFSETS_TOPIC, this.coordinator.partitionFor(groupId));
    return replayOffsetsPartition(partition.log, (problem) => {
      throw new Error(problem);
    });
  }
}

export interface Pending<T> {
  settled: boolean;
  promise: Promise<T>;
}

function newCoordinator(broker: TestBroker): GroupCoordinator {
  const services = broker.services;
  const coordinator = new GroupCoordinator({
    nodeId: services.nodeId,
    clock: broker.clock,
    config: services.config,
    replicas: services.replicas,
    image: () => broker.image,
    controller: broker.controller,
    telemetry: broker.telemetry,
    random: seededRandom(7),
  });
  services.groups = coordinator;
  return coordinator;
}

export function offsetsTopicRecords(partitions: number, replicas = [1]): MetadataRecord[] {
  return [
    ...topicRecords(
      OFFSETS_TOPIC,
      OFFSETS_TOPIC_ID,
      Array.from({ length: partitions }, () => ({ replicas })),
    ),
    topicConfigRecord(OFFSETS_TOPIC, "cleanup.policy", "compact"),
  ];
}

/** Let every promise chain run (the core's I/O is promises only: the queue drains). */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A "consumer" protocol subscription, as a consumer's JoinGroup metadata carries it. */
export function subscription(topics: string[], version = 0): Uint8Array {
  const body = encodeMessage(
    ConsumerProtocolSubscriptionSpec,
    { topics, userData: null, ownedPartitions: [], generationId: -1, rackId: null },
    version,
  );
  return new Writer().int16(version).raw(body).finish();
}

/** A "consumer" protocol assignment, as the leader's SyncGroup carries it. */
export function assignment(partitions: Record<string, number[]>, version = 0): Uint8Array {
  const body = encodeMessage(
    ConsumerProtocolAssignmentSpec,
    {
      assignedPartitions: Object.entries(partitions).map(([topic, p]) => ({
        topic,
        partitions: p,
      })),
      userData: null,
    },
    version,
  );
  return new Writer().int16(version).raw(body).finish();
}

