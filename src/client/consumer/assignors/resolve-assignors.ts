/**
 * partition.assignment.strategy: from the configured names to assignor instances, and from
 * the configured assignors to the rebalance protocol the consumer runs.
 *
 * Kafka takes class names (a list, or one comma-separated string); we also take the simple
 * class names and the protocol names. The default is Kafka's:
 * [RangeAssignor, CooperativeStickyAssignor], which runs the eager protocol (the range
 * assignor cannot do cooperative), and lets a group move to cooperative-sticky with one more
 * rolling bounce that drops RangeAssignor.
 */
import type { PartitionAssignor, RebalanceProtocol } from "./assignor.ts";
import { REBALANCE_PROTOCOLS_BY_ID } from "./assignor.ts";
import { CooperativeStickyAssignor } from "./cooperative-sticky-assignor.ts";
import { javaStringKeyOrder } from "./java-hash-order.ts";
import { RangeAssignor } from "./range-assignor.ts";
import { RoundRobinAssignor } from "./round-robin-assignor.ts";
import { StickyAssignor } from "./sticky-assignor.ts";

export const PARTITION_ASSIGNMENT_STRATEGY_CONFIG = "partition.assignment.strategy";

const PACKAGE = "org.apache.kafka.clients.consumer";

interface KnownAssignor {
  readonly className: string;
  readonly create: () => PartitionAssignor;
}

const KNOWN_ASSIGNORS: readonly (KnownAssignor & { simpleName: string; protocolName: string })[] = [
  { simpleName: "RangeAssignor", protocolName: "range", create: () => new RangeAssignor() },
  {
    simpleName: "RoundRobinAssignor",
    protocolName: "roundrobin",
    create: () => new RoundRobinAssignor(),
  },
  { simpleName: "StickyAssignor", protocolName: "sticky", create: () => new StickyAssignor() },
  {
    simpleName: "CooperativeStickyAssignor",
    protocolName: "cooperative-sticky",
    create: () => new CooperativeStickyAssignor(),
  },
].map((known) => ({ ...known, className: `${PACKAGE}.${known.simpleName}` }));

const BY_NAME = new Map<string, KnownAssignor>();
for (const known of KNOWN_ASSIGNORS) {
  for (const name of [known.className, known.simpleName, known.protocolName]) {
    BY_NAME.set(name, known);
  }
}

/** Kafka's default partition.assignment.strategy. */
export const DEFAULT_PARTITION_ASSIGNMENT_STRATEGY: readonly string[] = [
  `${PACKAGE}.RangeAssignor`,
  `${PACKAGE}.CooperativeStickyAssignor`,
];

export type AssignorResolution =
  | { readonly ok: true; readonly assignors: PartitionAssignor[] }
  | { readonly ok: false; readonly error: string };

/**
 * Fresh assignor instances (each consumer needs its own: the sticky ones remember their last
 * assignment) for a strategy given as a list or as Kafka's comma-separated string.
 */
export function resolveAssignors(
  strategy: string | readonly string[] = DEFAULT_PARTITION_ASSIGNMENT_STRATEGY,
): AssignorResolution {
  const names = typeof strategy === "string" ? parseList(strategy) : strategy.map((n) => n.trim());
  if (names.length === 0) {
    return {
      ok: false,
      error: `Must configure at least one partition assigner class name to ${PARTITION_ASSIGNMENT_STRATEGY_CONFIG} configuration property`,
    };
  }
  const assignors: PartitionAssignor[] = [];
  const classNameOf = new Map<string, string>();
  for (const name of names) {
    const known = BY_NAME.get(name);
    if (known === undefined) {
      return {
        ok: false,
        error: `Invalid value ${name} for configuration ${PARTITION_ASSIGNMENT_STRATEGY_CONFIG}: Class ${name} could not be found.`,
      };
    }
    const assignor = known.create();
    const earlier = classNameOf.get(assignor.name);
    if (earlier !== undefined) {
      return {
        ok: false,
        error: `The assignor name: '${assignor.name}' is used in more than one assignor: ${earlier}, ${known.className}`,
      };
    }
    classNameOf.set(assignor.name, known.className);
    assignors.push(assignor);
  }
  return { ok: true, assignors };
}

/** ConfigDef's LIST parsing: trimmed, split on commas with any whitespace around them. */
function parseList(value: string): string[] {
  const trimmed = value.trim();
  return trimmed === "" ? [] : trimmed.split(/\s*,\s*/);
}

export type RebalanceProtocolSelection =
  | { readonly ok: true; readonly protocol: RebalanceProtocol | null }
  | { readonly ok: false; readonly error: string };

/**
 * The protocol a consumer runs, chosen as Kafka's ConsumerCoordinator chooses it: the most
 * advanced protocol every configured assignor supports (cooperative only when all of them
 * support it). No assignors (manual assignment) means no protocol.
 */
export function selectRebalanceProtocol(
  assignors: readonly Pick<PartitionAssignor, "name" | "supportedProtocols">[],
): RebalanceProtocolSelection {
  if (assignors.length === 0) return { ok: true, protocol: null };
  const common = REBALANCE_PROTOCOLS_BY_ID.filter((protocol) =>
    assignors.every((assignor) => assignor.supportedProtocols.includes(protocol)),
  );
  const protocol = common[common.length - 1];
  if (protocol === undefined) {
    // Kafka prints the names as a HashSet.
    const names = javaStringKeyOrder(assignors.map((assignor) => assignor.name)).join(", ");
    return {
      ok: false,
      error: `Specified assignors [${names}] do not have commonly supported rebalance protocol`,
    };
  }
  return { ok: true, protocol };
}
