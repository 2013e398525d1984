/**
 * The Node shell's ClientIo: TCP connections to `host:port`, real time and timers, and
 * Math.random. Used by the command-line tools and by clients in Node tests.
 */
import type { ClientIo } from "../../client/client-io.ts";
import { TcpTransport } from "./tcp-transport.ts";

export function nodeClientIo(): ClientIo {
  return {
    connect: ({ host, port }) => TcpTransport.connect(host, port),
    nowMs: () => Date.now(),
    after: (delayMs, run) => void setTimeout(run, delayMs),
    random: Math.random,
  };
}
