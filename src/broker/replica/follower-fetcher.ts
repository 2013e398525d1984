/**
 * Replication from the follower's side: one fetch loop per leader broker, as Kafka's
 * ReplicaFetcherThread. Each round first truncates partitions that saw a new leader
 * epoch (OffsetForLeaderEpoch), then sends one Fetch for every partition it follows on
 * that leader, appends what comes back as a follower and takes the leader's HW. The
 * leader holds the Fetch until there is data or replica.fetch.wait.max.ms passes, which
 * paces the loop; errors back off for replica.fetch.backoff.ms.
 */
import { BROKER_LISTENER, type NodeRequester } from "../../client/node-requester.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { defaultFetchRequest } from "../../protocol/generated/messages/fetch-request.ts";
import type {
  FetchResponse,
  FetchResponsePartitionData,
} from "../../protocol/generated/messages/fetch-response.ts";
import { iterateRecordBatches } from "../../protocol/records/record-batch-scan.ts";
import { truncateTo, truncateToLeader } from "./follower-truncation.ts";
import type { Partition } from "./partition.ts";
import type { ReplicaManager } from "./replica-manager.ts";
import type { TickSleeper } from "./tick-sleeper.ts";

/** Fetch v12: flexible, topic names, replicaId in the body. */
const REPLICA_FETCH_VERSION = 12;

export class FollowerFetchers {
  private readonly loops = new Set<number>();
  private stopped = false;

  constructor(
    private readonly manager: ReplicaManager,
    private readonly requester: NodeRequester,
    private readonly sleeper: TickSleeper,
  ) {
    manager.onRoleChange(() => this.refresh());
  }

  /**
   * Start a loop for every leader we follow and have no loop for yet. Nothing fetches into
   * an offline log dir: Kafka removes the fetchers of its partitions.
   */
  refresh(): void {
    if (this.stopped || this.manager.logDirOffline !== null) return;
    for (const partition of this.manager.partitions.values()) {
      const leader = partition.leaderId;
      if (
        partition.role === "follower" &&
        leader >= 0 &&
        leader !== this.manager.nodeId &&
        !this.loops.has(leader)
      ) {
        this.loops.add(leader);
        void this.run(leader);
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private following(leaderId: number): Partition[] {
    return [...this.manager.partitions.values()].filter(
      (p) => p.role === "follower" && p.leaderId === leaderId,
    );
  }

  private async run(leaderId: number): Promise<void> {
    const config = this.manager.options.config;
    try {
      while (!this.stopped && this.manager.logDirOffline === null) {
        const partitions = this.following(leaderId);
        if (partitions.length === 0) return;
        const ok = await this.round(leaderId, partitions).catch(() => false);
        if (!ok) await this.sleeper.sleep(config.number("replica.fetch.backoff.ms"));
      }
    } finally {
      this.loops.delete(leaderId);
      // A partition may have come to this leader while the loop was winding down.
      if (!this.stopped && this.following(leaderId).length > 0) this.refresh();
    }
  }

  /** One truncation-and-fetch round; false means back off before the next. */
  private async round(leaderId: number, partitions: Partition[]): Promise<boolean> {
    const config = this.manager.options.config;
    const timeoutMs = config.number("replica.socket.timeout.ms");
    const truncating = partitions.filter((p) => p.needsTruncation);
    if (truncating.length > 0) {
      const done = await truncateToLeader(
        this.manager,
        this.requester,
        leaderId,
        truncating,
        timeoutMs,
      );
      if (done.length < truncating.length) return false;
    }
    const fetched = partitions.map((p) => ({
      partition: p,
      epoch: p.leaderEpoch,
      offset: p.log.logEndOffset,
    }));
    const byTopic = new Map<string, typeof fetched>();
    for (const entry of fetched) {
      const entries = byTopic.get(entry.partition.topic);
      if (entries === undefined) byTopic.set(entry.partition.topic, [entry]);
      else entries.push(entry);
    }
    const maxWaitMs = config.number("replica.fetch.wait.max.ms");
    const partitionMaxBytes = config.number("replica.fetch.max.bytes");
    const response = await this.requester.request<FetchResponse>(
      leaderId,
      BROKER_LISTENER,
      ApiKey.Fetch,
      REPLICA_FETCH_VERSION,
      {
        ...defaultFetchRequest(),
        replicaId: this.manager.nodeId,
        maxWaitMs,
        minBytes: config.number("replica.fetch.min.bytes"),
        maxBytes: config.number("replica.fetch.response.max.bytes"),
        sessionId: 0,
        sessionEpoch: -1,
        topics: [...byTopic].map(([topic, entries]) => ({
          topic,
          topicId: entries[0]!.partition.topicId,
          partitions: entries.map(({ partition, epoch, offset }) => ({
            partition: partition.partition,
            currentLeaderEpoch: epoch,
            fetchOffset: offset,
            lastFetchedEpoch: -1,
            logStartOffset: partition.log.logStartOffset,
            partitionMaxBytes,
            replicaDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
          })),
        })),
      },
      { timeoutMs: maxWaitMs + timeoutMs },
    );
    if (response.errorCode !== ErrorCode.NONE) return false;
    let healthy = true;
    for (const topic of response.responses) {
      for (const data of topic.partitions) {
        const entry = byTopic
          .get(topic.topic)
          ?.find((e) => e.partition.partition === data.partitionIndex);
        if (entry === undefined) continue;
        healthy =
          (await this.processPartition(entry.partition, entry.epoch, entry.offset, data)) &&
          healthy;
      }
    }
    return healthy;
  }

  private async processPartition(
    partition: Partition,
    epoch: number,
    fetchOffset: bigint,
    data: FetchResponsePartitionData,
  ): Promise<boolean> {
    // The partition changed leader or epoch while the fetch was out: its answer is stale.
    if (
      partition.role !== "follower" ||
      partition.leaderEpoch !== epoch ||
      partition.log.logEndOffset !== fetchOffset
    )
      return true;
    const manager = this.manager;
    if (data.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE) {
      // Behind the leader's log start (retention or DeleteRecords moved it): start over there.
      if (data.logStartOffset > partition.log.logEndOffset) {
        await partition.log.truncateFullyAndStartAt(data.logStartOffset);
        await manager.guardStorage(() =>
          partition.producers.truncateAndReload(partition.log, manager.options.clock.nowMs()),
        );
      } else await truncateTo(manager, partition, data.highWatermark);
      partition.clampHighWatermark();
      manager.emitOffsets(partition);
      return true;
    }
    if (data.errorCode !== ErrorCode.NONE) return false;
    const records = data.records;
    if (records !== null && records.length > 0) {
      const now = manager.options.clock.nowMs();
      const segmentsBefore = partition.log.segmentCount;
      const result = await partition.log.appendAsFollower(records, BigInt(Math.floor(now)));
      if (!result.ok) return false;
      recordFollowerBatches(partition, records, now);
      await manager.afterAppend(partition, segmentsBefore, result, records.length);
    }
    if (
      data.logStartOffset > partition.log.logStartOffset &&
      data.logStartOffset <= partition.log.logEndOffset
    ) {
      await partition.log.deleteRecordsBefore(data.logStartOffset);
    }
    partition.updateFollowerHighWatermark(data.highWatermark);
    manager.emitOffsets(partition);
    manager.partitionChanged(partition);
    return true;
  }
}

/** Followers keep idempotent producers' state too, so a new leader can deduplicate. */
function recordFollowerBatches(partition: Partition, records: Uint8Array, nowMs: number): void {
  for (const entry of iterateRecordBatches(records, { verifyCrc: false })) {
    if (entry.kind !== "batch") break;
    const header = entry.header;
    partition.producers.recordAppended(
      {
        producerId: header.producerId,
        producerEpoch: header.producerEpoch,
        baseSequence: header.baseSequence,
        lastSequence: header.lastSequence,
        isTransactional: header.isTransactional,
      },
      header.baseOffset,
      header.lastOffset,
      header.maxTimestamp,
      nowMs,
    );
  }
}
