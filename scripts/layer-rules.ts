/**
 * The layer import rule of DESIGN.md, as data: which top-level folders of src/ each layer
 * may import from, and which outside packages are off limits below runtime/.
 *
 *   protocol ← log ← metadata ← broker / controller ← runtime ← ui
 *   client sits beside metadata: brokers and controllers are clients of each other.
 *   server (handlers, registries, serving a connection) sits under both broker and
 *   controller, whose listeners answer requests the same way.
 *
 * telemetry holds the event types every node emits, so it sits just above protocol.
 * cli holds the command-line tools as pure functions (the page's terminal runs them too).
 * ui never imports broker or controller (or log): it sees the cluster through telemetry
 * and the client/admin API, as an operator would.
 */
export const ALLOWED_IMPORTS: Record<string, readonly string[]> = {
  protocol: ["protocol"],
  telemetry: ["telemetry", "protocol"],
  log: ["log", "telemetry", "protocol"],
  metadata: ["metadata", "log", "telemetry", "protocol"],
  server: ["server", "client", "telemetry", "protocol"],
  broker: ["broker", "server", "metadata", "client", "log", "telemetry", "protocol"],
  controller: ["controller", "server", "metadata", "client", "log", "telemetry", "protocol"],
  client: ["client", "telemetry", "protocol"],
  cli: ["cli", "client", "log", "telemetry", "protocol"],
  runtime: [
    "runtime",
    "cli",
    "client",
    "server",
    "broker",
    "controller",
    "metadata",
    "log",
    "telemetry",
    "protocol",
  ],
  ui: ["ui", "runtime", "cli", "client", "telemetry", "protocol"],
};

/** Layers that make up the sans-IO core: no DOM, no Node built-ins, no UI libraries. */
export const CORE_LAYERS = [
  "protocol",
  "telemetry",
  "log",
  "metadata",
  "server",
  "broker",
  "controller",
  "client",
  "cli",
];

/** Packages the core may import (pure computation, same in browsers and Node). */
export const CORE_PACKAGES = ["fflate", "snappyjs", "lz4js", "@bokuweb/zstd-wasm"];

/** Files that are not part of the shipped core: tests and test support may use Node. */
export function isTestFile(path: string): boolean {
  return /\.(test|fuzz\.test|bench)\.tsx?$/.test(path) || path.includes("/testing/");
}
