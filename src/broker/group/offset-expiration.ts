/**
 * Offset retention (offsets.retention.minutes), checked every
 * offsets.retention.check.interval.ms, by Kafka's rule for which clock an offset's age is
 * measured on:
 *   - an Empty group that manages members: from when the group became Empty, so a
 *     consumer group keeps its offsets for the whole retention after its last member left;
 *   - a Stable consumer group that knows its subscription: offsets of topics it no longer
 *     subscribes to, from their commit time;
 *   - a group without a protocol (it only stores offsets): from each commit time;
 *   - any other group: none expire.
 * An offset committed with an explicit retention (OffsetCommit v2-v4) expires at its own
 * expire timestamp. An Empty group left without offsets is deleted (Dead, with a tombstone).
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { ClassicGroup } from "./classic-group.ts";
import { nowMs, type CoordinatorContext } from "./coordinator-context.ts";
import {
  groupMetadataRecord,
  offsetCommitRecord,
  type EncodedRecord,
} from "./coordinator-records.ts";
import { removeGroup } from "./group-removal.ts";
import type { StoredOffset } from "./offset-store.ts";

/** Expire what is due in every group that `isLoaded` says this coordinator serves. */
export async function expireOffsets(
  ctx: CoordinatorContext,
  isLoaded: (groupId: string) => boolean,
): Promise<void> {
  for (const group of [...ctx.groups.values()]) {
    if (isLoaded(group.groupId)) await expireGroupOffsets(ctx, group);
  }
}

async function expireGroupOffsets(ctx: CoordinatorContext, group: ClassicGroup): Promise<void> {
  const expired = expiredOffsets(ctx, group);
  const becomesDead =
    group.is("Empty") && ctx.offsets.offsetsOf(group.groupId).length === expired.length;
  if (expired.length === 0 && !becomesDead) return;
  const records: EncodedRecord[] = expired.map(({ topic, partition }) =>
    offsetCommitRecord(group.groupId, topic, partition, null),
  );
  if (becomesDead) records.push(groupMetadataRecord(group.groupId, null));
  const outcome = await ctx.write(group.groupId, records);
  if (outcome.errorCode !== ErrorCode.NONE) return; // Try again at the next check.
  expired.forEach(({ topic, partition }, index) =>
    ctx.offsets.apply(group.groupId, topic, partition, null, outcome.baseOffset + BigInt(index)),
  );
  // A member may have joined while the tombstones were written: then the group lives on.
  if (becomesDead && group.is("Empty") && !ctx.offsets.hasOffsets(group.groupId))
    removeGroup(ctx, group, "the group is empty and its offsets expired");
}

function expiredOffsets(ctx: CoordinatorContext, group: ClassicGroup): StoredOffset[] {
  const now = BigInt(Math.floor(nowMs(ctx)));
  const retentionMs = BigInt(ctx.config.offsetsRetentionMs);
  const expired = (offset: StoredOffset, baseMs: bigint) =>
    offset.committed.expireTimestampMs !== null
      ? now >= offset.committed.expireTimestampMs
      : now - baseMs >= retentionMs;
  const offsets = ctx.offsets.offsetsOf(group.groupId);
  if (group.protocolType === null || group.protocolType === "")
    return offsets.filter((o) => expired(o, o.committed.commitTimestampMs));
  if (group.is("Empty")) {
    const emptySince = group.currentStateTimestampMs;
    return offsets.filter((o) =>
      expired(o, emptySince === null ? o.committed.commitTimestampMs : BigInt(emptySince)),
    );
  }
  const subscribed = group.subscribedTopics;
  if (group.usesConsumerProtocol && subscribed !== null && group.is("Stable"))
    return offsets.filter(
      (o) => !subscribed.has(o.topic) && expired(o, o.committed.commitTimestampMs),
    );
  return [];
}
