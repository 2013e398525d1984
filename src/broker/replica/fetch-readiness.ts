/**
 * Whether reading a parked Fetch's partitions again could change its answer, asked before
 * paying for the read. A parked fetch is tried again on every append and every HW move of
 * the partitions it watches: on a leader under acks=all, each follower's fetch moves the
 * HW and wakes the other follower's parked fetch, which has nothing new to read. Kafka's
 * DelayedFetch.tryComplete likewise compares offsets before it reads anything.
 *
 * "Quiet" is the one state readOne (fetch-reader.ts) answers with no records and no error:
 * this broker leads the partition with the fetch's leader epoch, its log is online, and the
 * fetch offset is in range and already at the end of what this fetcher may read (the LEO
 * for a follower, the HW for a consumer). Any other state may answer something (records,
 * or an error that completes the fetch), so it is read in full.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { BrokerServices } from "../broker-services.ts";
import type { FetchTarget } from "./fetch-reader.ts";
import { checkCurrentLeaderEpoch } from "./leader-epoch-check.ts";

export function mayHaveNews(
  services: BrokerServices,
  targets: readonly FetchTarget[],
  isFollower: boolean,
): boolean {
  for (const target of targets) {
    if (!isQuiet(services, target, isFollower)) return true;
  }
  return false;
}

function isQuiet(services: BrokerServices, target: FetchTarget, isFollower: boolean): boolean {
  if (target.unknownTopicId === true) return false;
  const partition = services.replicas.partition(target.topic, target.partition);
  if (partition === undefined || partition.role !== "leader" || partition.log.isOffline)
    return false;
  if (checkCurrentLeaderEpoch(partition, target.currentLeaderEpoch) !== ErrorCode.NONE)
    return false;
  const log = partition.log;
  const offset = target.fetchOffset;
  if (offset < log.logStartOffset || offset > log.logEndOffset) return false;
  const maxOffset = isFollower ? log.logEndOffset : partition.highWatermark;
  return offset >= maxOffset;
}
