/**
 * Drives a QuorumController through its handlers, as brokers and admin clients would: a
 * ManualClock, a seeded random source, a RecordingMetadataLog, and helpers that build
 * requests from the generated default* functions. Every response is encoded at the version
 * asked for, so a response the wire codec cannot carry fails the test.
 */
import { directContext } from "../../server/testing/direct-context.ts";
import { ManualClock } from "../../client/clock.ts";
import { MetadataImage } from "../../metadata/metadata-image.ts";
import { APIS, ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import {
  defaultBrokerHeartbeatRequest,
  type BrokerHeartbeatRequest,
} from "../../protocol/generated/messages/broker-heartbeat-request.ts";
import type { BrokerHeartbeatResponse } from "../../protocol/generated/messages/broker-heartbeat-response.ts";
import {
  defaultBrokerRegistrationRequest,
  defaultBrokerRegistrationRequestListener,
} from "../../protocol/generated/messages/broker-registration-request.ts";
import type { BrokerRegistrationResponse } from "../../protocol/generated/messages/broker-registration-response.ts";
import {
  defaultCreateTopicsRequest,
  defaultCreateTopicsRequestCreatableTopic,
  type CreateTopicsRequestCreatableTopic,
} from "../../protocol/generated/messages/create-topics-request.ts";
import type { CreateTopicsResponse } from "../../protocol/generated/messages/create-topics-response.ts";
import { encodeMessage } from "../../protocol/message-codec.ts";
import type { MessageSpec } from "../../protocol/codec-runtime.ts";
import { uuidFromBytes, type Uuid } from "../../protocol/primitives/uuid.ts";
import type { TelemetryEvent } from "../../telemetry/telemetry-event.ts";
import { QuorumController } from "../quorum-controller.ts";
import { RecordingMetadataLog } from "./recording-metadata-log.ts";

export const CLUSTER_ID = "MkU3OEVBNTcwNTJENDM2Qg";

/** A small deterministic PRNG (mulberry32), so placements repeat from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function incarnation(brokerId: number, generation = 0): Uuid {
  const bytes = new Uint8Array(16);
  bytes[0] = brokerId + 1;
  bytes[1] = generation + 1;
  return uuidFromBytes(bytes);
}

export class ControllerHarness {
  readonly clock = new ManualClock(1_000_000);
  readonly log: RecordingMetadataLog;
  readonly controller: QuorumController;
  readonly events: TelemetryEvent[] = [];
  readonly epochs = new Map<number, bigint>();

  constructor(
    options: {
      properties?: Record<string, string>;
      autoCommit?: boolean;
      seed?: number;
      nodeId?: number;
      firstOffset?: bigint;
    } = {},
  ) {
    this.log = new RecordingMetadataLog({
      autoCommit: options.autoCommit ?? true,
      firstOffset: options.firstOffset ?? 0n,
    });
    this.controller = new QuorumController({
      nodeId: options.nodeId ?? 0,
      clusterId: CLUSTER_ID,
      clock: this.clock,
      random: seededRandom(options.seed ?? 7),
      properties: options.properties ?? {},
      log: this.log,
      telemetry: { emit: (event) => this.events.push(event) },
    });
  }

  activate(committed: MetadataImage = new MetadataImage()): this {
    this.controller.activate(committed);
    return this;
  }

  get image(): MetadataImage {
    const image = this.controller.workingImage();
    if (image === null) throw new Error("the controller is not active");
    return image;
  }

  /** Send a request to the handler for `apiKey` at `version` (default: the newest it takes). */
  async call<Response>(apiKey: number, request: unknown, version?: number): Promise<Response> {
    const handler = this.controller.handlers.find((candidate) => candidate.apiKey === apiKey);
    if (handler === undefined) throw new Error(`no controller handler for API key ${apiKey}`);
    const apiVersion = version ?? handler.maxVersion;
    const response = await handler.handle(
      request as never,
      directContext({ apiKey, apiVersion, correlationId: 1, clientId: "test" }),
    );
    encodeMessage(APIS.get(apiKey)!.response as MessageSpec<unknown>, response, apiVersion);
    return response as Response;
  }

  async register(
    brokerId: number,
    options: { rack?: string | null; generation?: number; clusterId?: string } = {},
  ): Promise<BrokerRegistrationResponse> {
    const response = await this.call<BrokerRegistrationResponse>(ApiKey.BrokerRegistration, {
      ...defaultBrokerRegistrationRequest(),
      brokerId,
      clusterId: options.clusterId ?? CLUSTER_ID,
      incarnationId: incarnation(brokerId, options.generation),
      listeners: [
        {
          ...defaultBrokerRegistrationRequestListener(),
          name: "PLAINTEXT",
          host: `node-${brokerId}`,
          port: 9092,
        },
      ],
      rack: options.rack ?? null,
    });
    if (response.errorCode === ErrorCode.NONE) this.epochs.set(brokerId, response.brokerEpoch);
    return response;
  }

  /** A heartbeat from a broker that has replayed the whole log (unless told otherwise). */
  heartbeat(
    brokerId: number,
    options: Partial<BrokerHeartbeatRequest> = {},
  ): Promise<BrokerHeartbeatResponse> {
    return this.call<BrokerHeartbeatResponse>(ApiKey.BrokerHeartbeat, {
      ...defaultBrokerHeartbeatRequest(),
      brokerId,
      brokerEpoch: this.epochs.get(brokerId) ?? -1n,
      currentMetadataOffset: this.log.endOffset - 1n,
      ...options,
    });
  }

  /** Register brokers and heartbeat each until it is unfenced. */
  async startBrokers(ids: number[], racks: Record<number, string> = {}): Promise<void> {
    for (const id of ids) await this.register(id, { rack: racks[id] ?? null });
    for (const id of ids) {
      const response = await this.heartbeat(id);
      if (response.isFenced) throw new Error(`broker ${id} stayed fenced`);
    }
  }

  /** Heartbeats from `ids` at the current time, as live brokers send every 2 s. */
  async heartbeatAll(ids: number[]): Promise<void> {
    for (const id of ids) await this.heartbeat(id);
  }

  createTopics(
    topics: Partial<CreateTopicsRequestCreatableTopic>[],
    validateOnly = false,
    version?: number,
  ): Promise<CreateTopicsResponse> {
    return this.call<CreateTopicsResponse>(
      ApiKey.CreateTopics,
      {
        ...defaultCreateTopicsRequest(),
        validateOnly,
        topics: topics.map((topic) => ({
          ...defaultCreateTopicsRequestCreatableTopic(),
          numPartitions: 1,
          replicationFactor: 1,
          ...topic,
        })),
      },
      version,
    );
  }

  async createTopic(
    name: string,
    numPartitions: number,
    replicationFactor: number,
    configs: Record<string, string> = {},
  ): Promise<Uuid> {
    const response = await this.createTopics([
      {
        name,
        numPartitions,
        replicationFactor,
        configs: Object.entries(configs).map(([key, value]) => ({ name: key, value })),
      },
    ]);
    const result = response.topics[0]!;
    if (result.errorCode !== ErrorCode.NONE)
      throw new Error(`creating ${name} failed: ${result.errorCode} ${result.errorMessage}`);
    return result.topicId;
  }

  partition(topic: string, index: number) {
    const partition = this.image.partition(topic, index);
    if (partition === undefined) throw new Error(`no partition ${topic}-${index}`);
    return partition;
  }

  /** Let the controller notice what time has done (expired sessions, rebalances) and finish. */
  async tick(): Promise<void> {
    this.controller.tick();
    await settle();
  }
}

/** Let queued controller operations and their promises run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
