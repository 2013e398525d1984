/**
 * What a broker lends its request handlers: its identity, clock and configs, the
 * committed metadata image, the partitions it holds (replica manager), and channels to
 * the controller. Handlers see the broker only through this.
 */
import type { Clock } from "../client/clock.ts";
import type { BrokerConfig } from "../metadata/configs/broker-configs.ts";
import type { MetadataImage } from "../metadata/metadata-image.ts";
import type { TelemetrySink } from "../telemetry/telemetry-event.ts";
import type { ControllerChannel } from "./controller-channel.ts";
import type { GroupCoordinator } from "./group/group-coordinator.ts";
import type { ProducerIdAllocator } from "./producer-id-allocator.ts";
import type { ReplicaManager } from "./replica/replica-manager.ts";

export interface BrokerServices {
  nodeId: number;
  clusterId: string;
  clock: Clock;
  config: BrokerConfig;
  /** The committed metadata image, as this broker has replayed it so far. */
  image(): MetadataImage;
  replicas: ReplicaManager;
  controller: ControllerChannel;
  producerIds: ProducerIdAllocator;
  /**
   * The classic group coordinator. A broker built without one (some test harnesses)
   * answers the group APIs COORDINATOR_NOT_AVAILABLE.
   */
  groups?: GroupCoordinator;
  telemetry: TelemetrySink;
  /** Uniform in [0, 1): e.g. which live broker to name as "controller" in Metadata. */
  random(): number;
}
