/**
 * Test support: one broker's real services (a MemoryFileSystem, LogManager, ReplicaManager,
 * a metadata image replayed from real records, a producer id allocator) for calling
 * request handlers directly, or through the wire codecs at a chosen version. Only the
 * controller is a test double (TestController).
 */
import { ManualClock } from "../../client/clock.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG } from "../../log/log-config.ts";
import { LogManager } from "../../log/log-manager.ts";
import { BrokerConfig } from "../../metadata/configs/broker-configs.ts";
import { MetadataImage } from "../../metadata/metadata-image.ts";
import type { MetadataRecord } from "../../metadata/metadata-record.ts";
import {
  decodeResponse,
  encodeRequestFrame,
  frameBody,
  type RequestMeta,
} from "../../protocol/frames.ts";
import { encodeRecordBatch } from "../../protocol/records/record-batch-encoder.ts";
import { TelemetryBuffer } from "../../telemetry/telemetry-buffer.ts";
import type { TelemetryEvent } from "../../telemetry/telemetry-event.ts";
import type { BrokerServices } from "../broker-services.ts";
import type { Handler, RequestContext } from "../../server/handler.ts";
import { HandlerRegistry } from "../../server/handler-registry.ts";
import { ProducerIdAllocator } from "../producer-id-allocator.ts";
import type { Partition } from "../replica/partition.ts";
import { appendToLeader, type AppendOutcome } from "../replica/leader-append.ts";
import { ReplicaManager } from "../replica/replica-manager.ts";
import { dispatchRequest } from "../../server/request-dispatcher.ts";
import { testUuid } from "./metadata-records.ts";
import { TestController } from "./test-controller.ts";

export const TEST_CLUSTER_ID = "playground-test-cluster";
export const TEST_NOW_MS = 1_700_000_000_000;

export interface TestBrokerOptions {
  nodeId?: number;
  /** The node's own properties (server.properties). */
  properties?: Record<string, string>;
  controller?: TestController;
  /** Uniform in [0, 1); defaults to a fixed sequence so answers are reproducible. */
  random?: () => number;
}

export class TestBroker {
  private metadataOffset = -1n;
  private correlationId = 0;

  private constructor(
    readonly services: BrokerServices,
    /** The committed metadata, replayed from records (`apply`). */
    readonly image: MetadataImage,
    readonly telemetry: TelemetryBuffer,
    readonly clock: ManualClock,
    readonly fs: MemoryFileSystem,
    readonly controller: TestController,
  ) {}

  static async start(options: TestBrokerOptions = {}): Promise<TestBroker> {
    const nodeId = options.nodeId ?? 1;
    const clock = new ManualClock(TEST_NOW_MS);
    const fs = new MemoryFileSystem();
    const controller = options.controller ?? new TestController();
    const logDir = `broker-${nodeId}`;
    const image = new MetadataImage();
    const telemetry = new TelemetryBuffer();
    const config = new BrokerConfig(options.properties ?? {}, () => image.brokerConfigs(null));
    const logs = await LogManager.open({
      fs,
      logDir,
      nodeId,
      clusterId: TEST_CLUSTER_ID,
      newDirectoryId: testUuid(900 + nodeId),
      configFor: () => KAFKA_DEFAULT_LOG_CONFIG,
    });
    const replicas = await ReplicaManager.open({
      nodeId,
      clock,
      fs,
      logDir,
      logs,
      config,
      telemetry,
    });
    const services: BrokerServices = {
      nodeId,
      clusterId: TEST_CLUSTER_ID,
      clock,
      config,
      image: () => image,
      replicas,
      controller,
      producerIds: new ProducerIdAllocator(
        controller,
        nodeId,
        () => image.brokers.get(nodeId)?.epoch ?? -1n,
        config.number("request.timeout.ms"),
      ),
      telemetry,
      random: options.random ?? fixedSequence([0.25, 0.75, 0.5]),
    };
    return new TestBroker(services, image, telemetry, clock, fs, controller);
  }

  /** Replay committed metadata records, then let the replica manager follow the new image. */
  async apply(...records: MetadataRecord[]): Promise<void> {
    for (const record of records) this.image.apply(record, ++this.metadataOffset);
    await this.services.replicas.applyMetadata(this.image);
  }

  partition(topic: string, index: number): Partition {
    const partition = this.services.replicas.partition(topic, index);
    if (partition === undefined)
      throw new Error(`broker ${this.services.nodeId} does not host ${topic}-${index}`);
    return partition;
  }

  /** Append `records` as the Produce path does (acks=1); throws if the append fails. */
  async produce(topic: string, index: number, records: Uint8Array): Promise<AppendOutcome> {
    const partition = this.partition(topic, index);
    const outcome = await appendToLeader(this.services.replicas, partition, records, 1);
    this.services.replicas.partitionChanged(partition);
    if (outcome.errorCode !== 0)
      throw new Error(`append to ${topic}-${index} failed: ${outcome.errorMessage}`);
    return outcome;
  }

  /** Call a handler directly with the request context a dispatcher would give it. */
  handle<Request, Response>(
    handler: Handler<Request, Response, BrokerServices>,
    request: Request,
    apiVersion: number,
  ) {
    return handler.handle(request, this.context(handler, apiVersion));
  }

  context<Request, Response>(
    handler: Handler<Request, Response, BrokerServices>,
    apiVersion: number,
  ): RequestContext<BrokerServices> {
    const meta: RequestMeta = {
      apiKey: handler.apiKey,
      apiVersion,
      correlationId: ++this.correlationId,
      clientId: "test",
    };
    return { meta, registry: registryOf(handler), services: this.services };
  }

  /**
   * The request encoded at `apiVersion`, dispatched as the network would deliver it, and the
   * answer decoded at the same version: what a client of that version sees.
   */
  async exchange<Request, Response>(
    handler: Handler<Request, Response, BrokerServices>,
    request: Request,
    apiVersion: number,
  ): Promise<Response> {
    const meta: RequestMeta = {
      apiKey: handler.apiKey,
      apiVersion,
      correlationId: ++this.correlationId,
      clientId: "test",
    };
    const result = await dispatchRequest(
      registryOf(handler),
      encodeRequestFrame(meta, request),
      this.services,
    );
    if (result.kind !== "respond") throw new Error(`no answer: ${result.kind}`);
    const body = frameBody(result.frame);
    if (!body.ok) throw body.error;
    const decoded = decodeResponse<Response>(body.value, handler.apiKey, apiVersion);
    if (!decoded.ok) throw decoded.error;
    return decoded.value.body;
  }

  /** Telemetry of one kind emitted since the last call (the buffer is drained). */
  drainEvents<K extends TelemetryEvent["kind"]>(kind: K): Extract<TelemetryEvent, { kind: K }>[] {
    return this.telemetry
      .drain()
      .events.filter((event): event is Extract<TelemetryEvent, { kind: K }> => event.kind === kind);
  }
}

function registryOf<Request, Response>(
  handler: Handler<Request, Response, BrokerServices>,
): HandlerRegistry<BrokerServices> {
  return new HandlerRegistry<BrokerServices>().register(
    handler as Handler<never, unknown, BrokerServices>,
  );
}

/** `count` plain records (no producer id) in one batch. */
export function plainBatch(count: number, timestampMs = BigInt(TEST_NOW_MS)): Uint8Array {
  const encoder = new TextEncoder();
  const encoded = encodeRecordBatch({
    records: Array.from({ length: count }, (_, i) => ({
      key: encoder.encode(`k${i}`),
      value: encoder.encode(`v${i}`),
      timestamp: timestampMs,
    })),
  });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

function fixedSequence(values: readonly number[]): () => number {
  let next = 0;
  return () => values[next++ % values.length]!;
}
