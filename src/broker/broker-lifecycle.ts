/**
 * The broker's standing with the controller (Kafka's BrokerLifecycleManager): register
 * (BrokerRegistration, getting a broker epoch), then heartbeat every
 * broker.heartbeat.interval.ms reporting how far it has replayed the metadata log. The
 * controller unfences the broker once it has caught up, fences it when heartbeats stop
 * for broker.session.timeout.ms, and — after the broker asks to shut down — tells it when
 * it leads no partitions any more (controlled shutdown).
 */
import { ApiKey } from "../protocol/generated/api-table.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type { BrokerHeartbeatResponse } from "../protocol/generated/messages/broker-heartbeat-response.ts";
import type { BrokerRegistrationResponse } from "../protocol/generated/messages/broker-registration-response.ts";
import type { Clock } from "../client/clock.ts";
import type { BrokerEndpoint } from "../metadata/metadata-image.ts";
import type { BrokerConfig } from "../metadata/configs/broker-configs.ts";
import type { TelemetrySink } from "../telemetry/telemetry-event.ts";
import type { ControllerChannel } from "./controller-channel.ts";

const REGISTRATION_VERSION = 3;
const HEARTBEAT_VERSION = 1;
/** The metadata.version range this broker speaks (Kafka 3.9's is up to 21). */
const METADATA_VERSION_RANGE = { minSupportedVersion: 1, maxSupportedVersion: 21 };

export type BrokerState =
  "starting" | "fenced" | "running" | "pending-controlled-shutdown" | "shutting-down";

export interface BrokerLifecycleOptions {
  nodeId: number;
  clusterId: string;
  incarnationId: string;
  directoryId: string;
  listeners: BrokerEndpoint[];
  clock: Clock;
  config: BrokerConfig;
  controller: ControllerChannel;
  telemetry: TelemetrySink;
  /** How far this broker has replayed the committed metadata log. */
  metadataOffset(): bigint;
}

export class BrokerLifecycle {
  state: BrokerState = "starting";
  brokerEpoch = -1n;
  /**
   * Set once the controller has accepted our registration and says we have replayed the
   * metadata log far enough: only then may the broker act on the image (take partition
   * leadership), as Kafka's broker waits for its initial catch-up. A restarted broker
   * would otherwise lead from a stale image, with a HW older than it once served.
   */
  caughtUp = false;
  private readonly caughtUpListeners: (() => void)[] = [];
  private inFlight = false;
  private nextAttemptMs = -Infinity;
  private shutdownWaiters: (() => void)[] = [];
  private shutdownDeadlineMs = Infinity;

  constructor(private readonly options: BrokerLifecycleOptions) {}

  onCaughtUp(listener: () => void): void {
    this.caughtUpListeners.push(listener);
  }

  /** Called on every node tick: sends a registration or heartbeat when one is due. */
  tick(): void {
    const now = this.options.clock.nowMs();
    if (this.state === "pending-controlled-shutdown" && now >= this.shutdownDeadlineMs)
      this.finishShutdown();
    if (this.inFlight || now < this.nextAttemptMs || this.state === "shutting-down") return;
    this.inFlight = true;
    const attempt = this.brokerEpoch < 0n ? this.register() : this.heartbeat();
    void attempt
      .catch(() => {
        // No controller yet, or it failed over: try again after a heartbeat interval.
      })
      .finally(() => {
        this.inFlight = false;
      });
    this.nextAttemptMs = now + this.options.config.number("broker.heartbeat.interval.ms");
  }

  /** Ask for a controlled shutdown; resolves once the controller lets us go (or after the timeout). */
  controlledShutdown(timeoutMs: number): Promise<void> {
    if (this.state === "shutting-down" || this.brokerEpoch < 0n) {
      this.state = "shutting-down";
      return Promise.resolve();
    }
    this.state = "pending-controlled-shutdown";
    this.nextAttemptMs = -Infinity;
    this.shutdownDeadlineMs = this.options.clock.nowMs() + timeoutMs;
    return new Promise((resolve) => this.shutdownWaiters.push(resolve));
  }

  private finishShutdown(): void {
    this.state = "shutting-down";
    const waiters = this.shutdownWaiters;
    this.shutdownWaiters = [];
    for (const wake of waiters) wake();
  }

  private async register(): Promise<void> {
    const o = this.options;
    const response = await o.controller.request<BrokerRegistrationResponse>(
      ApiKey.BrokerRegistration,
      REGISTRATION_VERSION,
      {
        brokerId: o.nodeId,
        clusterId: o.clusterId,
        incarnationId: o.incarnationId,
        listeners: o.listeners.map((l) => ({ ...l })),
        features: [{ name: "metadata.version", ...METADATA_VERSION_RANGE }],
        rack: null,
        isMigratingZkBroker: false,
        logDirs: [o.directoryId],
        previousBrokerEpoch: -1n,
      },
      o.config.number("broker.heartbeat.interval.ms"),
    );
    if (response.errorCode !== ErrorCode.NONE) {
      o.telemetry.emit({
        kind: "error",
        node: o.nodeId,
        where: "broker registration",
        message: `the controller refused the registration`,
        errorCode: response.errorCode,
      });
      return;
    }
    this.brokerEpoch = response.brokerEpoch;
    if (this.state === "starting") this.state = "fenced";
    o.telemetry.emit({ kind: "broker", node: o.nodeId, broker: o.nodeId, action: "registered" });
    this.nextAttemptMs = -Infinity;
  }

  private async heartbeat(): Promise<void> {
    const o = this.options;
    const wantShutDown = this.state === "pending-controlled-shutdown";
    const response = await o.controller.request<BrokerHeartbeatResponse>(
      ApiKey.BrokerHeartbeat,
      HEARTBEAT_VERSION,
      {
        brokerId: o.nodeId,
        brokerEpoch: this.brokerEpoch,
        currentMetadataOffset: o.metadataOffset(),
        wantFence: false,
        wantShutDown,
        offlineLogDirs: [],
      },
      o.config.number("broker.heartbeat.interval.ms"),
    );
    if (
      response.errorCode === ErrorCode.STALE_BROKER_EPOCH ||
      response.errorCode === ErrorCode.BROKER_ID_NOT_REGISTERED
    ) {
      // The controller forgot us (e.g. our registration was replaced): register again.
      this.brokerEpoch = -1n;
      this.nextAttemptMs = -Infinity;
      return;
    }
    if (response.errorCode !== ErrorCode.NONE) return;
    if (wantShutDown) {
      if (response.shouldShutDown) this.finishShutdown();
      else
        this.nextAttemptMs =
          o.clock.nowMs() + Math.min(200, o.config.number("broker.heartbeat.interval.ms"));
      return;
    }
    if ((response.isCaughtUp || !response.isFenced) && !this.caughtUp) {
      this.caughtUp = true;
      for (const listener of this.caughtUpListeners) listener();
    }
    const wasFenced = this.state === "fenced";
    this.state = response.isFenced ? "fenced" : "running";
    if (wasFenced && this.state === "running")
      this.nextAttemptMs = o.clock.nowMs() + o.config.number("broker.heartbeat.interval.ms");
    // While fenced and catching up, heartbeat promptly so unfencing is quick.
    if (this.state === "fenced")
      this.nextAttemptMs =
        o.clock.nowMs() + Math.min(500, o.config.number("broker.heartbeat.interval.ms"));
  }
}
