/**
 * The CONTROLLER listener's quorum APIs, each a handler closing over one node's RaftCore:
 * Vote, BeginQuorumEpoch, EndQuorumEpoch, DescribeQuorum, and Fetch of
 * `__cluster_metadata-0` (a Fetch the leader has nothing new for is held, up to its wait).
 */
import { defineHandler, type Handler } from "../../server/handler.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { BeginQuorumEpochRequest } from "../../protocol/generated/messages/begin-quorum-epoch-request.ts";
import type { BeginQuorumEpochResponse } from "../../protocol/generated/messages/begin-quorum-epoch-response.ts";
import type { DescribeQuorumRequest } from "../../protocol/generated/messages/describe-quorum-request.ts";
import type { DescribeQuorumResponse } from "../../protocol/generated/messages/describe-quorum-response.ts";
import type { EndQuorumEpochRequest } from "../../protocol/generated/messages/end-quorum-epoch-request.ts";
import type { EndQuorumEpochResponse } from "../../protocol/generated/messages/end-quorum-epoch-response.ts";
import type { FetchRequest } from "../../protocol/generated/messages/fetch-request.ts";
import type { FetchResponse } from "../../protocol/generated/messages/fetch-response.ts";
import type { VoteRequest } from "../../protocol/generated/messages/vote-request.ts";
import type { VoteResponse } from "../../protocol/generated/messages/vote-response.ts";
import { handleDescribeQuorum } from "./describe-quorum.ts";
import { answerFetch, checkFetchRequest, closedFetchResponse } from "./leader-fetch.ts";
import { HANDLED_VERSIONS } from "./metadata-partition.ts";
import { handleBeginQuorumEpoch, handleEndQuorumEpoch } from "./quorum-epochs.ts";
import type { RaftCore } from "./raft-core.ts";
import { handleVoteRequest } from "./vote-handler.ts";

type FetchOutcome = { response: FetchResponse } | { waiting: Promise<FetchResponse> };

async function handleFetch(
  core: RaftCore,
  request: FetchRequest,
  version: number,
): Promise<FetchResponse> {
  const rejected = checkFetchRequest(core, request, version);
  if (rejected !== null) return rejected;
  const outcome = await core.tasks.run((): FetchOutcome => {
    if (core.closed) return { response: closedFetchResponse() };
    const first = answerFetch(core, request, version);
    if (!first.mayWait) return { response: first.response };
    const waitMs = Math.min(request.maxWaitMs, core.config.fetchMaxWaitMs);
    // Held outside the task queue: the queue goes on while this fetch waits.
    let parked = false;
    const waiting = new Promise<FetchResponse>((resolve) => {
      parked = core.purgatory.park({
        deadlineMs: core.now() + waitMs,
        answer: () =>
          resolve(
            core.closed ? closedFetchResponse() : answerFetch(core, request, version).response,
          ),
      });
    });
    return parked ? { waiting } : { response: first.response };
  });
  return "response" in outcome ? outcome.response : outcome.waiting;
}

export function createRaftHandlers(core: RaftCore): Handler<never, unknown>[] {
  return [
    defineHandler<FetchRequest, FetchResponse>({
      apiKey: ApiKey.Fetch,
      ...HANDLED_VERSIONS.fetch,
      handle: (request, context) => handleFetch(core, request, context.meta.apiVersion),
    }),
    defineHandler<VoteRequest, VoteResponse>({
      apiKey: ApiKey.Vote,
      ...HANDLED_VERSIONS.vote,
      handle: (request, context) => handleVoteRequest(core, request, context.meta.apiVersion),
    }),
    defineHandler<BeginQuorumEpochRequest, BeginQuorumEpochResponse>({
      apiKey: ApiKey.BeginQuorumEpoch,
      ...HANDLED_VERSIONS.beginQuorumEpoch,
      handle: (request) => handleBeginQuorumEpoch(core, request),
    }),
    defineHandler<EndQuorumEpochRequest, EndQuorumEpochResponse>({
      apiKey: ApiKey.EndQuorumEpoch,
      ...HANDLED_VERSIONS.endQuorumEpoch,
      handle: (request, context) => handleEndQuorumEpoch(core, request, context.meta.apiVersion),
    }),
    defineHandler<DescribeQuorumRequest, DescribeQuorumResponse>({
      apiKey: ApiKey.DescribeQuorum,
      ...HANDLED_VERSIONS.describeQuorum,
      handle: (request) => handleDescribeQuorum(core, request),
    }),
  ] as Handler<never, unknown>[];
}
