/**
 * One member of a classic group (Kafka's ClassicGroupMember): who it is, the protocols it
 * can speak with their metadata (for a consumer, its subscription), its timeouts, the
 * assignment the leader gave it, and its parked JoinGroup/SyncGroup answers while a
 * rebalance is under way.
 */
export interface MemberProtocol {
  name: string;
  metadata: Uint8Array;
}

/** What a JoinGroup answers with (before the handler fits it to the request's version). */
export interface JoinResult {
  errorCode: number;
  memberId: string;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leader: string;
  skipAssignment: boolean;
  /** Every member's metadata for the chosen protocol: only for the leader. */
  members: { memberId: string; groupInstanceId: string | null; metadata: Uint8Array }[];
}

export interface SyncResult {
  errorCode: number;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Uint8Array;
}

export const NO_GENERATION = -1;
export const UNKNOWN_MEMBER_ID = "";

export function joinError(memberId: string, errorCode: number): JoinResult {
  return {
    errorCode,
    memberId,
    generationId: NO_GENERATION,
    protocolType: null,
    protocolName: null,
    leader: "",
    skipAssignment: false,
    members: [],
  };
}

export function syncError(errorCode: number): SyncResult {
  return { errorCode, protocolType: null, protocolName: null, assignment: new Uint8Array(0) };
}

export interface MemberIdentity {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  rebalanceTimeoutMs: number;
  sessionTimeoutMs: number;
  protocolType: string;
  protocols: readonly MemberProtocol[];
}

export class ClassicGroupMember {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  readonly protocolType: string;
  rebalanceTimeoutMs: number;
  sessionTimeoutMs: number;
  protocols: readonly MemberProtocol[];
  assignment: Uint8Array = new Uint8Array(0);
  /** Joined in the current rebalance for the first time: its join may time out. */
  isNew = false;
  private awaitingJoin: ((result: JoinResult) => void) | null = null;
  private awaitingSync: ((result: SyncResult) => void) | null = null;

  constructor(identity: MemberIdentity) {
    this.memberId = identity.memberId;
    this.groupInstanceId = identity.groupInstanceId;
    this.clientId = identity.clientId;
    this.clientHost = identity.clientHost;
    this.rebalanceTimeoutMs = identity.rebalanceTimeoutMs;
    this.sessionTimeoutMs = identity.sessionTimeoutMs;
    this.protocolType = identity.protocolType;
    this.protocols = identity.protocols;
  }

  /** The same member under a new id (a static member rejoining), keeping everything else. */
  withMemberId(memberId: string): ClassicGroupMember {
    const copy = new ClassicGroupMember({ ...this, memberId });
    copy.assignment = this.assignment;
    return copy;
  }

  get isStatic(): boolean {
    return this.groupInstanceId !== null;
  }

  get isAwaitingJoin(): boolean {
    return this.awaitingJoin !== null;
  }

  get isAwaitingSync(): boolean {
    return this.awaitingSync !== null;
  }

  /**
   * Whether a session timeout that fires now spares the member: a member parked in a
   * rebalance cannot heartbeat, so waiting counts as alive — except a new member, whose
   * timer is the new-member join timeout.
   */
  get sessionSatisfiedWhileWaiting(): boolean {
    return !this.isNew && (this.isAwaitingJoin || this.isAwaitingSync);
  }

  /**
   * Park a JoinGroup (or stop waiting, with null). Like Kafka, a newer JoinGroup from the
   * same member replaces a parked one, which then never gets an answer: its client has
   * given up on it (a member sends one JoinGroup at a time).
   */
  awaitJoin(answer: ((result: JoinResult) => void) | null): void {
    this.awaitingJoin = answer;
  }

  awaitSync(answer: (result: SyncResult) => void): void {
    this.awaitingSync = answer;
  }

  /** Answer the parked JoinGroup, if any; returns whether there was one. */
  completeJoin(result: JoinResult): boolean {
    const answer = this.awaitingJoin;
    if (answer === null) return false;
    this.awaitingJoin = null;
    answer(result);
    return true;
  }

  completeSync(result: SyncResult): boolean {
    const answer = this.awaitingSync;
    if (answer === null) return false;
    this.awaitingSync = null;
    answer(result);
    return true;
  }

  metadata(protocolName: string | null): Uint8Array {
    return this.protocols.find((p) => p.name === protocolName)?.metadata ?? new Uint8Array(0);
  }

  /** The member's most preferred protocol among the candidates (its vote). */
  vote(candidates: ReadonlySet<string>): string | null {
    return this.protocols.find((p) => candidates.has(p.name))?.name ?? null;
  }

  /** Same protocols, in the same order, with byte-identical metadata. */
  matches(protocols: readonly MemberProtocol[]): boolean {
    return (
      protocols.length === this.protocols.length &&
      protocols.every((p, i) => {
        const mine = this.protocols[i]!;
        return p.name === mine.name && sameBytes(p.metadata, mine.metadata);
      })
    );
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
