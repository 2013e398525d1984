/**
 * Kafka's StripedReplicaPlacer. Racks are visited round-robin from a random starting rack,
 * advancing one rack per partition, and brokers within a rack round-robin from a random
 * start, unfenced brokers before fenced ones. So replicas spread over racks first and over
 * brokers second, and the first replicas (the preferred leaders) stripe across all brokers:
 * 3 brokers and 6 partitions give each broker 2 leaderships. After as many partitions as
 * there are unfenced brokers the order is shuffled, so wide topics do not repeat one pattern.
 * The leader (first replica) is never a fenced broker. New partitions of an existing topic
 * continue its stripe from its last partition.
 */
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import { apiError, type ApiError } from "./api-error.ts";

export interface UsableBroker {
  id: number;
  rack: string | null;
  fenced: boolean;
}

export type Placement = { ok: true; assignments: number[][] } | { ok: false; error: ApiError };

/** Replicas for `numPartitions` new partitions, each `replicationFactor` brokers long. */
export function placeReplicas(options: {
  brokers: readonly UsableBroker[];
  numPartitions: number;
  replicationFactor: number;
  random: () => number;
  /** The topic's current partitions' replicas, in partition order, when adding partitions. */
  existing?: readonly (readonly number[])[];
}): Placement {
  const { brokers, numPartitions, replicationFactor, random } = options;
  const unfenced = brokers.filter((broker) => !broker.fenced).length;
  const problem =
    replicationFactor <= 0
      ? `Invalid replication factor ${replicationFactor}: the replication factor must be positive.`
      : unfenced === 0
        ? "All brokers are currently fenced."
        : replicationFactor > brokers.length
          ? `The target replication factor of ${replicationFactor} cannot be reached because only ${brokers.length} broker(s) are registered.`
          : null;
  if (problem !== null) {
    return {
      ok: false,
      error: apiError(
        ErrorCode.INVALID_REPLICATION_FACTOR,
        `Unable to replicate the partition ${replicationFactor} time(s): ${problem}`,
      ),
    };
  }
  const racks = new RackList(brokers, random, options.existing ?? []);
  const assignments: number[][] = [];
  for (let i = 0; i < numPartitions; i++) assignments.push(racks.place(replicationFactor));
  return { ok: true, assignments };
}

function randomInt(random: () => number, bound: number): number {
  return Math.min(bound - 1, Math.floor(random() * bound));
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** Brokers taken round-robin; each new iteration epoch starts one further along. */
class BrokerList {
  readonly brokers: number[] = [];
  private index = 0;
  private offset = 0;
  private epoch = 0;

  initialize(random: () => number, previousOffset: number | null): void {
    if (this.brokers.length === 0) return;
    this.brokers.sort((a, b) => a - b);
    this.offset =
      previousOffset === null
        ? randomInt(random, this.brokers.length)
        : (previousOffset + 1) % this.brokers.length;
  }

  shuffle(random: () => number): void {
    shuffle(this.brokers, random);
  }

  /** The next broker in this epoch, or null when every broker was returned in it. */
  next(epoch: number): number | null {
    const size = this.brokers.length;
    if (size === 0) return null;
    if (this.epoch !== epoch) {
      this.epoch = epoch;
      this.index = 0;
      this.offset = (this.offset + 1) % size;
    }
    if (this.index >= size) return null;
    return this.brokers[(this.index++ + this.offset) % size]!;
  }
}

class Rack {
  readonly fenced = new BrokerList();
  readonly unfenced = new BrokerList();

  next(epoch: number): number | null {
    return this.unfenced.next(epoch) ?? this.fenced.next(epoch);
  }
}

class RackList {
  private readonly racks = new Map<string | null, Rack>();
  /** Racks in sorted order; the rack-less group (null) sorts first. */
  private readonly rackNames: (string | null)[];
  private readonly unfencedCount: number;
  private epoch = 0;
  private offset: number;

  constructor(
    brokers: readonly UsableBroker[],
    private readonly random: () => number,
    existing: readonly (readonly number[])[],
  ) {
    const rackOf = new Map<number, string | null>();
    for (const broker of brokers) {
      rackOf.set(broker.id, broker.rack);
      let rack = this.racks.get(broker.rack);
      if (rack === undefined) this.racks.set(broker.rack, (rack = new Rack()));
      (broker.fenced ? rack.fenced : rack.unfenced).brokers.push(broker.id);
    }
    this.rackNames = [...this.racks.keys()].sort(compareRackNames);
    for (const name of this.rackNames) {
      const rack = this.racks.get(name)!;
      rack.fenced.initialize(random, null);
      rack.unfenced.brokers.sort((a, b) => a - b);
      rack.unfenced.initialize(
        random,
        previousBrokerOffset(existing, rackOf, name, rack.unfenced.brokers),
      );
    }
    this.unfencedCount = brokers.filter((broker) => !broker.fenced).length;
    const previousRack = previousRackOffset(existing, rackOf, this.rackNames);
    this.offset =
      previousRack === null
        ? randomInt(random, this.rackNames.length)
        : (previousRack + 1) % this.rackNames.length;
  }

  place(replicationFactor: number): number[] {
    // After one pass over the unfenced brokers, shuffle so the next pass differs.
    if (this.epoch === this.unfencedCount && this.unfencedCount > 1) {
      shuffle(this.rackNames, this.random);
      for (const rack of this.racks.values()) {
        rack.fenced.shuffle(this.random);
        rack.unfenced.shuffle(this.random);
      }
      this.epoch = 0;
    }
    if (this.offset === this.rackNames.length) this.offset = 0;
    const replicas: number[] = [];
    // The leader: the first unfenced broker found, starting at this partition's rack.
    let firstRack: number = this.offset;
    for (;;) {
      const leader = this.rackAt(firstRack).unfenced.next(this.epoch);
      if (leader !== null) {
        replicas.push(leader);
        break;
      }
      firstRack = (firstRack + 1) % this.rackNames.length;
    }
    // The followers: one rack after another, skipping the leader's rack on the first lap.
    let rackIndex = this.offset;
    let skipRack: number | null = firstRack;
    while (replicas.length < replicationFactor) {
      let follower: number | null = null;
      do {
        if (rackIndex === skipRack) skipRack = null;
        else follower = this.rackAt(rackIndex).next(this.epoch);
        rackIndex = (rackIndex + 1) % this.rackNames.length;
      } while (follower === null);
      replicas.push(follower);
    }
    this.epoch++;
    this.offset++;
    return replicas;
  }

  private rackAt(index: number): Rack {
    return this.racks.get(this.rackNames[index]!)!;
  }
}

function compareRackNames(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** The rack of the topic's last partition's leader, so new partitions start at the next rack. */
function previousRackOffset(
  existing: readonly (readonly number[])[],
  rackOf: ReadonlyMap<number, string | null>,
  rackNames: readonly (string | null)[],
): number | null {
  const lastLeader = existing.at(-1)?.[0];
  if (lastLeader === undefined || !rackOf.has(lastLeader)) return null;
  const index = rackNames.indexOf(rackOf.get(lastLeader)!);
  return index === -1 ? null : index;
}

/** Where in this rack's unfenced brokers the topic's most recent replica in the rack sits. */
function previousBrokerOffset(
  existing: readonly (readonly number[])[],
  rackOf: ReadonlyMap<number, string | null>,
  rack: string | null,
  unfencedBrokers: readonly number[],
): number | null {
  for (let i = existing.length - 1; i >= 0; i--) {
    for (const id of existing[i]!) {
      if (!rackOf.has(id) || rackOf.get(id) !== rack) continue;
      const index = unfencedBrokers.indexOf(id);
      return index === -1 ? null : index;
    }
  }
  return null;
}
