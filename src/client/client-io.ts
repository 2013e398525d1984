/**
 * What a client needs from its shell: a way to open a connection to a broker's address,
 * node time, a way to run something later, and randomness. The browser shell routes an
 * advertised address (`broker-1:9092`) to that node's worker over a MessagePort and
 * scales time with the playground's clock; the Node shell opens TCP sockets and uses real
 * timers; the simulator uses its virtual network and time. The client core does no I/O.
 */
import type { Transport } from "./transport.ts";

export interface BrokerAddress {
  host: string;
  port: number;
}

export interface ClientIo {
  /** A connection to the broker listening at `address`, or null when nobody answers there. */
  connect(address: BrokerAddress): Transport | null;
  /** Node time in whole milliseconds. */
  nowMs(): number;
  /** Runs `run` once `delayMs` of node time has passed. */
  after(delayMs: number, run: () => void): void;
  /** Uniform in [0, 1). */
  random(): number;
}

/** `host:port` (a bootstrap server, as Kafka's `bootstrap.servers` lists them), or an error message. */
export function parseBrokerAddress(text: string): BrokerAddress | { error: string } {
  const trimmed = text.trim();
  const colon = trimmed.lastIndexOf(":");
  const host = colon < 0 ? "" : trimmed.slice(0, colon).replace(/^\[(.*)\]$/, "$1");
  const portText = colon < 0 ? "" : trimmed.slice(colon + 1);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (host === "" || !(port >= 1 && port <= 65535)) {
    return { error: `Invalid url in bootstrap.servers: ${text}` };
  }
  return { host, port };
}
