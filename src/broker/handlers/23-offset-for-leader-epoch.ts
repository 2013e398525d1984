/**
 * OffsetForLeaderEpoch (key 23): where a leader epoch ended in this leader's log — the
 * start offset of the next epoch it knows, or its LEO for the current one. Followers ask
 * it after a leader change to find how much of their log to truncate (KIP-101, KIP-279);
 * consumers ask it to detect log truncation (KIP-320).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { OffsetForLeaderEpochRequest } from "../../protocol/generated/messages/offset-for-leader-epoch-request.ts";
import {
  defaultOffsetForLeaderEpochResponse,
  type OffsetForLeaderEpochResponse,
} from "../../protocol/generated/messages/offset-for-leader-epoch-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import { ledPartition } from "../replica/leader-epoch-check.ts";

export const offsetForLeaderEpochHandler = defineHandler<
  OffsetForLeaderEpochRequest,
  OffsetForLeaderEpochResponse,
  BrokerServices
>({
  apiKey: ApiKey.OffsetForLeaderEpoch,
  minVersion: 0,
  maxVersion: 4,
  handle(request, { services, meta }) {
    const response = defaultOffsetForLeaderEpochResponse();
    for (const topic of request.topics) {
      response.topics.push({
        topic: topic.topic,
        partitions: topic.partitions.map((wanted) => {
          const answer = {
            errorCode: ErrorCode.NONE,
            partition: wanted.partition,
            leaderEpoch: -1,
            endOffset: -1n,
          };
          const led = ledPartition(
            services,
            topic.topic,
            wanted.partition,
            meta.apiVersion >= 2 ? wanted.currentLeaderEpoch : -1,
          );
          if ("errorCode" in led) return { ...answer, errorCode: led.errorCode };
          const partition = led.partition;
          const { epoch, endOffset } = partition.log.epochs.endOffsetFor(
            wanted.leaderEpoch,
            partition.log.logEndOffset,
          );
          return { ...answer, leaderEpoch: epoch, endOffset };
        }),
      });
    }
    return response;
  },
});
