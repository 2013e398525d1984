/**
 * The quorum-state file: what a voter must remember across restarts so it never votes
 * twice in one epoch and never forgets an epoch it saw. Kafka's FileQuorumStateStore
 * format, data_version 0, one JSON line:
 *
 *   {"clusterId":"","leaderId":1,"leaderEpoch":2,"votedId":-1,"appliedOffset":0,
 *    "currentVoters":[{"voterId":1},{"voterId":2},{"voterId":3}],"data_version":0}
 *
 * Written as Kafka writes it: to `quorum-state.tmp`, flushed, then renamed over the old file.
 */
import type { FileSystem } from "../../log/fs/file-system.ts";

export const QUORUM_STATE_FILE_NAME = "quorum-state";

export interface PersistedElection {
  leaderEpoch: number;
  /** NO_NODE when no leader is known in the epoch. */
  leaderId: number;
  /** NO_NODE when this node has not voted in the epoch. */
  votedId: number;
}

export class QuorumStateFileError extends Error {
  override readonly name = "QuorumStateFileError";
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

export function encodeQuorumState(election: PersistedElection, voters: readonly number[]): string {
  return JSON.stringify({
    clusterId: "",
    leaderId: election.leaderId,
    leaderEpoch: election.leaderEpoch,
    votedId: election.votedId,
    appliedOffset: 0,
    currentVoters: voters.map((voterId) => ({ voterId })),
    data_version: 0,
  });
}

function intField(object: Record<string, unknown>, name: string): number {
  const value = object[name];
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new QuorumStateFileError(`quorum-state: field ${name} is missing or not an integer`);
  }
  return value;
}

/** Parses a quorum-state file; an unreadable one is an error, as Kafka refuses to start on it. */
export function decodeQuorumState(text: string): PersistedElection {
  const line = text.split("\n", 1)[0] ?? "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new QuorumStateFileError("quorum-state is not JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new QuorumStateFileError("quorum-state is not a JSON object");
  }
  const object = parsed as Record<string, unknown>;
  const dataVersion = intField(object, "data_version");
  if (dataVersion < 0 || dataVersion > 1) {
    throw new QuorumStateFileError(`quorum-state data_version ${dataVersion} is not supported`);
  }
  return {
    leaderEpoch: intField(object, "leaderEpoch"),
    leaderId: intField(object, "leaderId"),
    votedId: intField(object, "votedId"),
  };
}

export class QuorumStateFile {
  constructor(
    private readonly fs: FileSystem,
    private readonly directory: string,
  ) {}

  get path(): string {
    return `${this.directory}/${QUORUM_STATE_FILE_NAME}`;
  }

  async read(): Promise<PersistedElection | null> {
    if (!(await this.fs.exists(this.path))) return null;
    const file = await this.fs.open(this.path);
    try {
      const bytes = file.read(0, file.size()).slice();
      let text: string;
      try {
        text = decoder.decode(bytes);
      } catch {
        throw new QuorumStateFileError("quorum-state is not UTF-8");
      }
      return decodeQuorumState(text);
    } finally {
      await file.close();
    }
  }

  /** Durable once this resolves: the vote or epoch may be acted on (answered) after it. */
  async write(election: PersistedElection, voters: readonly number[]): Promise<void> {
    const temporary = `${this.path}.tmp`;
    await this.fs.delete(temporary);
    const file = await this.fs.open(temporary, { create: true });
    try {
      file.write(0, encoder.encode(encodeQuorumState(election, voters)));
      await file.flush();
    } finally {
      await file.close();
    }
    await this.fs.rename(temporary, this.path);
  }
}
