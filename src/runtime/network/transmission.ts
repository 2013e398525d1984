/**
 * How one frame crosses a lossy, slow link, modelled on TCP: a lost transmission is sent
 * again after a retransmission timeout (RTO) that starts at 200 ms (Linux's TCP_RTO_MIN)
 * and doubles with each further loss of the same frame, up to 120 s (TCP_RTO_MAX). After
 * 15 retransmissions (Linux's tcp_retries2) the sender gives up and the connection breaks.
 * Loss therefore shows up as latency spikes, never as a gap in the stream.
 */
import type { LinkConditions } from "./link-conditions.ts";

export const INITIAL_RTO_MS = 200;
export const MAX_RTO_MS = 120_000;
export const MAX_RETRANSMISSIONS = 15;

export interface Transmission {
  /** Node time from sending to arrival: the retransmission timeouts waited, then the latency. */
  delayMs: number;
  retransmissions: number;
  /** Every transmission was lost: the connection breaks after `delayMs`. */
  gaveUp: boolean;
}

/** Samples the losses of one frame on a link that is not cut. */
export function planTransmission(conditions: LinkConditions, random: () => number): Transmission {
  let waitedMs = 0;
  let rtoMs = INITIAL_RTO_MS;
  for (let retransmissions = 0; retransmissions <= MAX_RETRANSMISSIONS; retransmissions++) {
    if (conditions.lossRate === 0 || random() >= conditions.lossRate) {
      return { delayMs: waitedMs + conditions.latencyMs, retransmissions, gaveUp: false };
    }
    waitedMs += rtoMs;
    rtoMs = Math.min(rtoMs * 2, MAX_RTO_MS);
  }
  return { delayMs: waitedMs, retransmissions: MAX_RETRANSMISSIONS, gaveUp: true };
}
