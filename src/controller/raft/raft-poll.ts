/**
 * What a tick does (KafkaRaftClient's poll, by state): a leader checks its quorum and
 * announces its epoch; a resigned leader tells the voters its epoch is over; a candidate
 * asks for votes, backs off after losing and tries again; a follower fetches and, after
 * controller.quorum.fetch.timeout.ms without its leader, stands for election (an observer
 * looks for the leader among the voters instead); an unattached or voted voter stands once
 * its election timeout passes. Held fetches whose wait ran out are answered first.
 */
import {
  becomeCandidate,
  maybeBecomeLeader,
  sendVoteRequests,
  startBackingOff,
} from "./elections.ts";
import { isFetching, maybeSendFetch } from "./follower-fetch.ts";
import type { LeaderState } from "./leader-state.ts";
import type { EpochState } from "./quorum-state.ts";
import { sendBeginQuorumEpochs, sendEndQuorumEpochs } from "./quorum-epochs.ts";
import type { RaftCore } from "./raft-core.ts";

export async function poll(core: RaftCore): Promise<void> {
  const now = core.now();
  core.purgatory.expire(now);
  if (core.stopped) return;
  const state = core.quorum.state;
  switch (state.role) {
    case "leader":
      return pollLeader(core, state.leader, now);
    case "resigned":
      void sendEndQuorumEpochs(core, state);
      if (now >= state.electionDeadlineMs && core.isVoter(core.nodeId)) await becomeCandidate(core);
      return;
    case "candidate":
      return pollCandidate(core, state, now);
    case "follower":
      return pollFollower(core, state, now);
    case "unattached":
    case "voted":
      return pollUnattached(core, state, now);
  }
}

async function pollLeader(core: RaftCore, leader: LeaderState, now: number): Promise<void> {
  if (leader.hasCheckQuorumExpired(now)) {
    core.report(
      "check quorum",
      `leader ${core.nodeId} heard no fetches from a majority of voters in epoch ${leader.epoch}: resigning`,
    );
    await core.quorum.transitionToResigned(leader.nonLeaderVotersByDescendingEndOffset());
    return;
  }
  leader.expireObservers(now);
  sendBeginQuorumEpochs(core, leader);
}

async function pollCandidate(
  core: RaftCore,
  state: Extract<EpochState, { role: "candidate" }>,
  now: number,
): Promise<void> {
  await maybeBecomeLeader(core);
  if (core.quorum.state !== state) return;
  if (state.backoffUntilMs !== null) {
    if (now >= state.backoffUntilMs) await becomeCandidate(core);
    return;
  }
  if (now >= state.electionDeadlineMs) {
    startBackingOff(core, state);
    return;
  }
  sendVoteRequests(core, state);
}

async function pollFollower(
  core: RaftCore,
  state: Extract<EpochState, { role: "follower" }>,
  now: number,
): Promise<void> {
  const isVoter = core.isVoter(core.nodeId);
  if (now >= state.fetchDeadlineMs) {
    if (isVoter) {
      await becomeCandidate(core);
      return;
    }
    // An observer never stands: it asks the voters, one at a time, who leads now.
    if (!isFetching(core)) maybeSendFetch(core, randomVoter(core));
    return;
  }
  maybeSendFetch(core, state.leaderId);
}

async function pollUnattached(
  core: RaftCore,
  state: Extract<EpochState, { role: "unattached" | "voted" }>,
  now: number,
): Promise<void> {
  if (core.isVoter(core.nodeId)) {
    // A lone voter has nobody to wait for.
    if (now >= state.electionDeadlineMs || core.quorum.voters.length === 1)
      await becomeCandidate(core);
    return;
  }
  if (!isFetching(core)) maybeSendFetch(core, randomVoter(core));
}

function randomVoter(core: RaftCore): number {
  const voters = core.quorum.voters;
  return voters[Math.min(voters.length - 1, Math.floor(core.options.random() * voters.length))]!;
}
