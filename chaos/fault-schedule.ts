/**
 * The faults of one chaos run, drawn from its seed before the run starts: broker kills and
 * restarts, link cuts (one way or both), latency and loss on a link, and heals. The same
 * seed gives the same schedule, so a failing run is replayed by its seed (as far as a real
 * browser's timing allows; the simulator replays it exactly).
 *
 * Kills are of the process (worker.terminate(): storage keeps what was written), any
 * broker, with up to `maxBrokersDown` down at once: more than the cluster can serve with
 * (a partition goes offline, the KRaft quorum loses its majority) is allowed on purpose.
 * What must hold then is safety; liveness is demanded only after everything is healed.
 */
import { seededRandom } from "../src/runtime/sim/seeded-random.ts";

/** A broker id, or the page (where the playground's clients run). */
export type Endpoint = number | "page";

export type Fault =
  | { kind: "kill"; broker: number }
  | { kind: "restart"; broker: number }
  | { kind: "cut"; from: Endpoint; to: Endpoint; oneWay: boolean }
  | { kind: "latency"; from: Endpoint; to: Endpoint; oneWay: boolean; latencyMs: number }
  | { kind: "loss"; from: Endpoint; to: Endpoint; oneWay: boolean; lossRate: number }
  /** Both directions of the link back to healthy. */
  | { kind: "heal"; from: Endpoint; to: Endpoint };

export type FaultKind = Fault["kind"];

export const FAULT_KINDS: readonly FaultKind[] = [
  "kill",
  "restart",
  "cut",
  "heal",
  "latency",
  "loss",
];

export interface ScheduledFault {
  /** From the start of the chaos phase. */
  atMs: number;
  fault: Fault;
}

export interface FaultScheduleOptions {
  seed: number;
  durationMs: number;
  brokers: readonly number[];
  /** Whether links between the page and a broker may fail too (default true). */
  includePage?: boolean;
  /** Brokers down at once at most (default 3 of 5: a majority). */
  maxBrokersDown?: number;
  /** Time between one new fault and the next, drawn uniformly (default 1–4 s). */
  gapMs?: readonly [number, number];
  /** How long a killed broker stays down (default 2–12 s). */
  downMs?: readonly [number, number];
  /** How long a link stays faulty (default 2–15 s). */
  faultyLinkMs?: readonly [number, number];
}

export interface FaultSchedule {
  steps: ScheduledFault[];
  /** What is still broken when the chaos phase ends: restarts and heals, to apply then. */
  healAtEnd: Fault[];
}

/** The largest latency drawn, ms: above the default 30 s request timeout a link is as good as cut. */
const MAX_LATENCY_MS = 400;
const MAX_LOSS_RATE = 0.3;

export function planFaults(options: FaultScheduleOptions): FaultSchedule {
  const random = seededRandom(options.seed);
  const between = ([low, high]: readonly [number, number]) =>
    Math.round(low + random() * (high - low));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const endpoints: Endpoint[] = [
    ...options.brokers,
    ...(options.includePage === false ? [] : ["page" as const]),
  ];
  const maxDown = options.maxBrokersDown ?? 3;
  const gapMs = options.gapMs ?? [1_000, 4_000];
  const downMs = options.downMs ?? [2_000, 12_000];
  const faultyLinkMs = options.faultyLinkMs ?? [2_000, 15_000];

  const steps: ScheduledFault[] = [];
  /** Restarts and heals already decided, applied when their time comes. */
  let pending: ScheduledFault[] = [];
  const down = new Set<number>();
  /** Unordered pairs ("a|b") whose link is faulty in at least one direction. */
  const faulty = new Map<string, [Endpoint, Endpoint]>();

  const applyDue = (untilMs: number) => {
    const due = pending.filter((step) => step.atMs <= untilMs).sort((a, b) => a.atMs - b.atMs);
    pending = pending.filter((step) => step.atMs > untilMs);
    for (const step of due) {
      steps.push(step);
      if (step.fault.kind === "restart") down.delete(step.fault.broker);
      if (step.fault.kind === "heal") faulty.delete(pairKey(step.fault.from, step.fault.to));
    }
  };

  for (let atMs = between(gapMs); atMs < options.durationMs; atMs += between(gapMs)) {
    applyDue(atMs);
    const roll = random();
    const healthyPairs = allPairs(endpoints).filter(([a, b]) => !faulty.has(pairKey(a, b)));
    if (roll < 0.3 && down.size < maxDown) {
      const broker = pick(options.brokers.filter((id) => !down.has(id)));
      down.add(broker);
      steps.push({ atMs, fault: { kind: "kill", broker } });
      pending.push({ atMs: atMs + between(downMs), fault: { kind: "restart", broker } });
    } else if (healthyPairs.length > 0) {
      const [a, b] = pick(healthyPairs);
      const [from, to] = random() < 0.5 ? [a, b] : [b, a];
      const oneWay = random() < 0.3;
      const linkRoll = random();
      const fault: Fault =
        linkRoll < 0.45
          ? { kind: "cut", from, to, oneWay }
          : linkRoll < 0.75
            ? { kind: "latency", from, to, oneWay, latencyMs: between([20, MAX_LATENCY_MS]) }
            : {
                kind: "loss",
                from,
                to,
                oneWay,
                lossRate: Math.round(between([5, MAX_LOSS_RATE * 100])) / 100,
              };
      faulty.set(pairKey(from, to), [from, to]);
      steps.push({ atMs, fault });
      pending.push({ atMs: atMs + between(faultyLinkMs), fault: { kind: "heal", from, to } });
    }
  }
  applyDue(options.durationMs - 1);
  const healAtEnd: Fault[] = [
    ...[...faulty.values()].map(([from, to]): Fault => ({ kind: "heal", from, to })),
    ...[...down].sort((a, b) => a - b).map((broker): Fault => ({ kind: "restart", broker })),
  ];
  return { steps, healAtEnd };
}

export function describeFault(fault: Fault): string {
  const arrow = (oneWay: boolean) => (oneWay ? "→" : "↔");
  switch (fault.kind) {
    case "kill":
      return `kill broker ${fault.broker}`;
    case "restart":
      return `restart broker ${fault.broker}`;
    case "cut":
      return `cut ${fault.from} ${arrow(fault.oneWay)} ${fault.to}`;
    case "latency":
      return `${fault.latencyMs} ms latency on ${fault.from} ${arrow(fault.oneWay)} ${fault.to}`;
    case "loss":
      return `${Math.round(fault.lossRate * 100)}% loss on ${fault.from} ${arrow(fault.oneWay)} ${fault.to}`;
    case "heal":
      return `heal ${fault.from} ↔ ${fault.to}`;
  }
}

/** How many faults of each kind (every kind present, 0 when none). */
export function countByKind(faults: readonly Fault[]): Record<FaultKind, number> {
  const counts = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<
    FaultKind,
    number
  >;
  for (const fault of faults) counts[fault.kind] += 1;
  return counts;
}

function pairKey(a: Endpoint, b: Endpoint): string {
  return [String(a), String(b)].sort().join("|");
}

function allPairs(endpoints: readonly Endpoint[]): [Endpoint, Endpoint][] {
  const pairs: [Endpoint, Endpoint][] = [];
  for (let i = 0; i < endpoints.length; i++)
    for (let j = i + 1; j < endpoints.length; j++) pairs.push([endpoints[i]!, endpoints[j]!]);
  return pairs;
}
