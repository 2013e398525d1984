/**
 * Produce (key 0): append each partition's record batch on its leader. acks=0 gets no
 * response at all, acks=1 an answer once the leader has appended, acks=all (-1) one once
 * every in-sync replica has the records (the HW passed them), or the timeout. Only record
 * batch v2 is kept, so the oldest versions (v0-v2, message sets) are not offered.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { ProduceRequest } from "../../protocol/generated/messages/produce-request.ts";
import {
  defaultProduceResponse,
  defaultProduceResponsePartitionProduceResponse,
  type ProduceResponse,
  type ProduceResponsePartitionProduceResponse,
} from "../../protocol/generated/messages/produce-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler, NO_RESPONSE } from "../../server/handler.ts";
import { waitForReplication, type PendingAppend } from "../replica/delayed-produce.ts";
import { appendFailure, appendToLeader, type AppendOutcome } from "../replica/leader-append.ts";

export const produceHandler = defineHandler<ProduceRequest, ProduceResponse, BrokerServices>({
  apiKey: ApiKey.Produce,
  minVersion: 3,
  maxVersion: 11,
  async handle(request, { services }) {
    const acks = request.acks;
    const validAcks = acks === 0 || acks === 1 || acks === -1;
    const appends: {
      topic: string;
      index: number;
      pending: PendingAppend | null;
      outcome: AppendOutcome;
    }[] = [];
    const work: Promise<void>[] = [];
    for (const topic of request.topicData) {
      for (const data of topic.partitionData) {
        const entry = {
          topic: topic.name,
          index: data.index,
          pending: null as PendingAppend | null,
          outcome: appendFailure(ErrorCode.NONE, null),
        };
        appends.push(entry);
        if (!validAcks) {
          entry.outcome = appendFailure(
            ErrorCode.INVALID_REQUIRED_ACKS,
            `acks must be 0, 1 or -1 (all), not ${acks}`,
          );
          continue;
        }
        const partition = services.replicas.partition(topic.name, data.index);
        if (partition === undefined) {
          const known = services.image().partition(topic.name, data.index) !== undefined;
          entry.outcome = known
            ? appendFailure(
                ErrorCode.NOT_LEADER_OR_FOLLOWER,
                `broker ${services.nodeId} does not host ${topic.name}-${data.index}`,
              )
            : appendFailure(
                ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
                `this server does not host ${topic.name}-${data.index}`,
              );
          continue;
        }
        const leaderEpoch = partition.leaderEpoch;
        work.push(
          appendToLeader(services.replicas, partition, data.records, acks).then((outcome) => {
            entry.outcome = outcome;
            entry.pending = { partition, leaderEpoch, outcome };
          }),
        );
      }
    }
    await Promise.all(work);
    for (const entry of appends)
      if (entry.pending !== null) services.replicas.partitionChanged(entry.pending.partition);
    if (acks === 0) return NO_RESPONSE;
    if (acks === -1) {
      const pending = appends.flatMap((entry) => (entry.pending === null ? [] : [entry.pending]));
      await waitForReplication(services.replicas, pending, request.timeoutMs);
      for (const entry of appends)
        if (entry.pending !== null) entry.outcome = entry.pending.outcome;
    }
    const response = defaultProduceResponse();
    for (const entry of appends) {
      let topic = response.responses.find((t) => t.name === entry.topic);
      if (topic === undefined)
        response.responses.push((topic = { name: entry.topic, partitionResponses: [] }));
      topic.partitionResponses.push(partitionResponse(entry.index, entry.outcome));
    }
    return response;
  },
});

function partitionResponse(
  index: number,
  outcome: AppendOutcome,
): ProduceResponsePartitionProduceResponse {
  return {
    ...defaultProduceResponsePartitionProduceResponse(),
    index,
    errorCode: outcome.errorCode,
    baseOffset: outcome.baseOffset,
    logAppendTimeMs: outcome.logAppendTimeMs,
    logStartOffset: outcome.logStartOffset,
    errorMessage: outcome.errorCode === ErrorCode.NONE ? null : outcome.errorMessage,
  };
}
