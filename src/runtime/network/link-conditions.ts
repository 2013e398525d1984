/**
 * The state of one DIRECTED link of the playground's network (from endpoint A to endpoint
 * B): cut, slow, lossy. Conditions are per direction because real partitions often are
 * (a firewall rule, a half-dead NIC), and one-way cuts are what make Raft and ISR
 * behaviour interesting to watch.
 */

/** A node id, or a name for a non-node endpoint such as the page's own clients ("page"). */
export type EndpointId = number | string;

export interface LinkConditions {
  /** Frames are silently dropped and new connections cannot be made. */
  cut: boolean;
  /** One-way delay added to every frame, in node time. */
  latencyMs: number;
  /** Probability in [0, 1] that one transmission of a frame is lost (and retransmitted). */
  lossRate: number;
}

export const HEALTHY_LINK: Readonly<LinkConditions> = Object.freeze({
  cut: false,
  latencyMs: 0,
  lossRate: 0,
});

/** The largest latency the playground offers: a minute, beyond any Kafka timeout worth watching. */
export const MAX_LATENCY_MS = 60_000;

/** Throws on conditions no link can have (a programmer or UI error, never network input). */
export function checkLinkConditions(conditions: LinkConditions): LinkConditions {
  const { latencyMs, lossRate } = conditions;
  if (!Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
    throw new RangeError(`latencyMs must be in [0, ${MAX_LATENCY_MS}], got ${latencyMs}`);
  }
  if (!Number.isFinite(lossRate) || lossRate < 0 || lossRate > 1) {
    throw new RangeError(`lossRate must be in [0, 1], got ${lossRate}`);
  }
  return { cut: conditions.cut, latencyMs, lossRate };
}

/** One directed link's conditions, as the page sends them to every worker. */
export interface LinkEntry {
  from: EndpointId;
  to: EndpointId;
  conditions: LinkConditions;
}

function linkKey(from: EndpointId, to: EndpointId): string {
  return `${typeof from}:${from}->${typeof to}:${to}`;
}

/** Conditions of every directed link; links never set are healthy. */
export class LinkTable {
  private readonly links = new Map<string, LinkEntry>();

  constructor(entries: readonly LinkEntry[] = []) {
    this.replaceAll(entries);
  }

  get(from: EndpointId, to: EndpointId): Readonly<LinkConditions> {
    return this.links.get(linkKey(from, to))?.conditions ?? HEALTHY_LINK;
  }

  set(from: EndpointId, to: EndpointId, conditions: LinkConditions): void {
    const checked = checkLinkConditions(conditions);
    const key = linkKey(from, to);
    // Healthy links are not stored, so the table stays as small as the faults in it.
    if (!checked.cut && checked.latencyMs === 0 && checked.lossRate === 0) this.links.delete(key);
    else this.links.set(key, { from, to, conditions: checked });
  }

  /** Whether a connection can be made between the two: a handshake needs both directions. */
  canConnect(a: EndpointId, b: EndpointId): boolean {
    return !this.get(a, b).cut && !this.get(b, a).cut;
  }

  /** The links that are not healthy. */
  entries(): LinkEntry[] {
    return [...this.links.values()].map((entry) => ({
      ...entry,
      conditions: { ...entry.conditions },
    }));
  }

  replaceAll(entries: readonly LinkEntry[]): void {
    this.links.clear();
    for (const entry of entries) this.set(entry.from, entry.to, entry.conditions);
  }
}
