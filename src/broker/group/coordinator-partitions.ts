/**
 * Which __consumer_offsets partitions this broker coordinates: the ones it leads. When it
 * becomes a partition's leader (or its leader epoch changes) the partition is loaded —
 * groups and offsets replayed from the log, members given a fresh session — and until then
 * its groups answer COORDINATOR_LOAD_IN_PROGRESS. When it stops leading, the partition's
 * groups are unloaded: requests waiting in a rebalance are told NOT_COORDINATOR, so the
 * members look for the new coordinator, which loads everything from the replicated log.
 *
 * The replayed state is served only once the partition's HW has reached the end of what
 * was replayed. A new leader's log may end in records the previous leader wrote but never
 * committed (a group's assignment, say); if this leader died before a follower copied
 * them, the next leader would not have them, and members that acted on them would meet a
 * group that never was. Kafka's coordinator likewise answers only from committed state.
 */
import type { MetadataImage } from "../../metadata/metadata-image.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { Partition } from "../replica/partition.ts";
import type { ReplicaManager } from "../replica/replica-manager.ts";
import { joinError, syncError } from "./classic-group-member.ts";
import { ClassicGroup } from "./classic-group.ts";
import { nowMs, type CoordinatorContext } from "./coordinator-context.ts";
import { replayOffsetsPartition, restoreGroup, type LoadedPartition } from "./group-loader.ts";
import { removeGroup } from "./group-removal.ts";
import { OFFSETS_TOPIC } from "./offsets-topic.ts";
import { prepareRebalance, scheduleHeartbeat } from "./rebalance.ts";

interface Ownership {
  epoch: number;
  loaded: boolean;
  /** Replayed, waiting for the HW to reach the replay's end before it is served. */
  replayed: LoadedPartition | null;
}

export type PartitionStatus = "not-coordinator" | "loading" | "loaded";

export class CoordinatorPartitions {
  private readonly owned = new Map<number, Ownership>();

  constructor(
    private readonly ctx: CoordinatorContext,
    private readonly replicas: ReplicaManager,
    private readonly image: () => MetadataImage,
    private readonly partitionFor: (groupId: string) => number,
  ) {}

  status(index: number): PartitionStatus {
    const ownership = this.owned.get(index);
    if (ownership === undefined) return "not-coordinator";
    return ownership.loaded ? "loaded" : "loading";
  }

  /** The leader epoch a loaded partition was loaded in (its writes must be in the same one). */
  loadedEpoch(index: number): number | undefined {
    const ownership = this.owned.get(index);
    return ownership?.loaded === true ? ownership.epoch : undefined;
  }

  get anyLoading(): boolean {
    return [...this.owned.values()].some((ownership) => !ownership.loaded);
  }

  /** Follow the replica manager: load newly led partitions, unload lost ones. */
  reconcile(): void {
    for (const index of [...this.owned.keys()]) this.reconcileOne(index);
    const topic = this.image().topicsByName.get(OFFSETS_TOPIC);
    if (topic === undefined) return;
    for (const index of topic.partitions.keys())
      if (!this.owned.has(index)) this.reconcileOne(index);
  }

  reconcileOne(index: number): void {
    const partition = this.replicas.partition(OFFSETS_TOPIC, index);
    const leading = partition?.role === "leader";
    const ownership = this.owned.get(index);
    if (ownership !== undefined && (!leading || partition!.leaderEpoch !== ownership.epoch))
      this.unload(
        index,
        `the coordinator moved: ${OFFSETS_TOPIC}-${index} is no longer led by this broker in epoch ${ownership.epoch}`,
      );
    if (leading && !this.owned.has(index)) this.load(index, partition!);
    else if (leading) this.serveOnceCommitted(index, partition!);
  }

  /** Give up every partition (the broker is shutting down). */
  unloadAll(): void {
    for (const index of [...this.owned.keys()]) this.unload(index, "the broker is shutting down");
  }

  private load(index: number, partition: Partition): void {
    const ownership: Ownership = { epoch: partition.leaderEpoch, loaded: false, replayed: null };
    this.owned.set(index, ownership);
    const where = `loading ${OFFSETS_TOPIC}-${index}`;
    void replayOffsetsPartition(partition.log, (problem) => this.ctx.events.error(where, problem))
      .then((loaded) => {
        if (this.owned.get(index) !== ownership) return; // Lost or re-won meanwhile.
        ownership.replayed = loaded;
        this.serveOnceCommitted(index, partition);
      })
      .catch((error: unknown) => {
        this.ctx.events.error(where, error instanceof Error ? error.message : String(error));
        if (this.owned.get(index) === ownership) ownership.loaded = true;
      });
  }

  /** Serves a replayed partition's groups and offsets once the HW has passed all of them. */
  private serveOnceCommitted(index: number, partition: Partition): void {
    const ownership = this.owned.get(index);
    const loaded = ownership?.replayed;
    if (ownership === undefined || loaded == null || partition.highWatermark < loaded.endOffset)
      return;
    ownership.replayed = null;
    this.ctx.offsets.absorb(loaded.offsets);
    const reason = `loaded from ${OFFSETS_TOPIC}-${index}`;
    const groupIds = new Set([...loaded.groups.keys(), ...loaded.offsets.groupIds()]);
    for (const groupId of groupIds) {
      const stored = loaded.groups.get(groupId);
      const group =
        stored === undefined
          ? new ClassicGroup(groupId, "Empty", nowMs(this.ctx))
          : restoreGroup(groupId, stored);
      this.ctx.groups.set(groupId, group);
      this.ctx.events.changed(group, reason);
      if (group.size > this.ctx.config.maxGroupSize)
        prepareRebalance(
          this.ctx,
          group,
          `Freshly-loaded group is over capacity (${this.ctx.config.maxGroupSize})`,
        );
      for (const member of group.allMembers()) scheduleHeartbeat(this.ctx, group, member);
    }
    ownership.loaded = true;
  }

  private unload(index: number, reason: string): void {
    this.owned.delete(index);
    for (const group of [...this.ctx.groups.values()]) {
      if (this.partitionFor(group.groupId) !== index) continue;
      for (const member of group.allMembers()) {
        if (group.is("PreparingRebalance"))
          member.completeJoin(joinError(member.memberId, ErrorCode.NOT_COORDINATOR));
        else member.completeSync(syncError(ErrorCode.NOT_COORDINATOR));
      }
      removeGroup(this.ctx, group, reason);
    }
    for (const groupId of this.ctx.offsets.groupIds())
      if (this.partitionFor(groupId) === index) this.ctx.offsets.forgetGroup(groupId);
  }
}
