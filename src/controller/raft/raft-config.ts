/**
 * The Raft quorum's settings, by Kafka's `controller.quorum.*` names, with Kafka's defaults,
 * and the fixed constants KafkaRaftClient uses alongside them.
 */
export interface RaftConfig {
  /** controller.quorum.election.timeout.ms: the base of the randomized election timeout [T, 2T). */
  electionTimeoutMs: number;
  /** controller.quorum.fetch.timeout.ms: a follower that hears nothing from its leader this long starts an election. */
  fetchTimeoutMs: number;
  /** controller.quorum.election.backoff.max.ms: the most a losing candidate waits before trying again. */
  electionBackoffMaxMs: number;
  /** controller.quorum.request.timeout.ms: how long to wait for any quorum request's answer. */
  requestTimeoutMs: number;
  /** How long the leader may hold a follower's Fetch when there is nothing new (KafkaRaftClient's fetch max wait). */
  fetchMaxWaitMs: number;
}

export const DEFAULT_RAFT_CONFIG: Readonly<RaftConfig> = {
  electionTimeoutMs: 1000,
  fetchTimeoutMs: 2000,
  electionBackoffMaxMs: 1000,
  requestTimeoutMs: 2000,
  fetchMaxWaitMs: 500,
};

export function raftConfigWith(overrides: Partial<RaftConfig> = {}): RaftConfig {
  const config = { ...DEFAULT_RAFT_CONFIG, ...overrides };
  for (const [name, value] of Object.entries(config)) {
    if (!Number.isInteger(value) || value <= 0)
      throw new RangeError(`raft config ${name} must be a positive integer, got ${value}`);
  }
  return config;
}

/** controller.quorum.retry.backoff.ms: the wait before resending a request that failed. */
export const RETRY_BACKOFF_MS = 20;
/** KafkaRaftClient's base for the exponential election backoff. */
export const ELECTION_BACKOFF_BASE_MS = 100;
/** The leader forgets an observer that has not fetched for this long (KafkaRaftClient's observer session timeout). */
export const OBSERVER_SESSION_TIMEOUT_MS = 300_000;
/** At most this many observers are tracked by a leader; the least recently seen goes first. */
export const MAX_TRACKED_OBSERVERS = 1024;
/** The largest batch the leader accepts and the most one Fetch answer carries (KafkaRaftClient's 8 MiB). */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;
export const MAX_FETCH_BYTES = 8 * 1024 * 1024;
/** Appends waiting for the leader's turn; more are refused rather than queued without bound. */
export const MAX_PENDING_APPENDS = 1024;
/** Fetches the leader holds at once (one per fetching connection in practice). */
export const MAX_PARKED_FETCHES = 1024;
