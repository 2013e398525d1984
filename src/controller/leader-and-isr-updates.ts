/**
 * The partition changes that follow a broker's state change (Kafka's
 * generateLeaderAndIsrUpdates): when a broker is fenced or starts a controlled shutdown it
 * leaves every ISR and every leadership; when it is unfenced it may lead partitions that
 * have no leader.
 */
import { NO_LEADER, type PartitionImage } from "../metadata/metadata-image.ts";
import type { MetadataRecord } from "../metadata/metadata-record.ts";
import type { ControllerState } from "./controller-state.ts";
import { buildPartitionChange } from "./partition-change.ts";

/**
 * Records for every partition whose ISR holds `brokerToRemove` (taking it out of the ISR and
 * the leadership), or, with `brokerToAdd`, for every partition without a leader (counting
 * `brokerToAdd` as active even though the image still shows it fenced).
 */
export function leaderAndIsrUpdates(
  state: ControllerState,
  change: { brokerToRemove: number } | { brokerToAdd: number },
): MetadataRecord[] {
  const toRemove = "brokerToRemove" in change ? change.brokerToRemove : NO_LEADER;
  const toAdd = "brokerToAdd" in change ? change.brokerToAdd : NO_LEADER;
  const affected = (partition: PartitionImage) =>
    toRemove !== NO_LEADER ? partition.isr.includes(toRemove) : partition.leader === NO_LEADER;
  const records: MetadataRecord[] = [];
  for (const { topic, partition } of state.partitions()) {
    if (!affected(partition)) continue;
    const data = buildPartitionChange({
      partition,
      isAcceptableLeader: (id) => id !== toRemove && (id === toAdd || state.isActiveBroker(id)),
      election: state.uncleanElectionEnabled(topic.name) ? "unclean" : "online",
      targetIsr: partition.isr.filter((id) => id !== toRemove),
    });
    if (data !== null) records.push({ type: "PartitionChangeRecord", data });
  }
  return records;
}

/** Kafka's handleBrokerFenced: leave ISRs and leaderships, then the FenceBrokerRecord. */
export function fenceBrokerRecords(state: ControllerState, brokerId: number): MetadataRecord[] {
  const registration = state.image.brokers.get(brokerId);
  if (registration === undefined) throw new Error(`broker ${brokerId} is not registered`);
  return [
    ...leaderAndIsrUpdates(state, { brokerToRemove: brokerId }),
    { type: "FenceBrokerRecord", data: { id: brokerId, epoch: registration.epoch } },
  ];
}

/** Kafka's handleBrokerUnfenced: the UnfenceBrokerRecord, then leaderless partitions it can lead. */
export function unfenceBrokerRecords(
  state: ControllerState,
  brokerId: number,
  brokerEpoch: bigint,
): MetadataRecord[] {
  return [
    { type: "UnfenceBrokerRecord", data: { id: brokerId, epoch: brokerEpoch } },
    ...leaderAndIsrUpdates(state, { brokerToAdd: brokerId }),
  ];
}

/** Kafka's handleBrokerInControlledShutdown: mark it shutting down, then move its leaderships away. */
export function controlledShutdownRecords(
  state: ControllerState,
  brokerId: number,
  brokerEpoch: bigint,
): MetadataRecord[] {
  const records: MetadataRecord[] = [];
  if (state.image.brokers.get(brokerId)?.inControlledShutdown !== true) {
    records.push({
      type: "BrokerRegistrationChangeRecord",
      data: { brokerId, brokerEpoch, fenced: 0, inControlledShutdown: 1, logDirs: [] },
    });
  }
  records.push(...leaderAndIsrUpdates(state, { brokerToRemove: brokerId }));
  return records;
}
