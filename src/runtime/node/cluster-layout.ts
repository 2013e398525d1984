/**
 * The server.properties of every node of a local cluster: node ids 1..N, a PLAINTEXT port
 * each, a CONTROLLER port for each voter (the first 1, 3 or 5 nodes, which run as
 * broker,controller; the rest are brokers only, as KRaft requires), and a log dir each.
 * Used by cluster-main and by the process-control helper for tests.
 */
import { clusterDefaults } from "../kafka-node/cluster-defaults.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "./config-error.ts";
import { formatVoters, type HostPort } from "./endpoint-lists.ts";
import { formatJavaProperties } from "./java-properties.ts";

export const LOCAL_HOST = "127.0.0.1";
export const ALLOWED_VOTER_COUNTS = [1, 3, 5] as const;

export interface ClusterLayoutOptions {
  brokers: number;
  /** How many of the first nodes are KRaft voters: 1, 3 or 5 (default: min(3, brokers), so 2 for two brokers). */
  voters?: number;
  /** Absolute; node N lives in `<dataDir>/broker-N`. */
  dataDir: string;
  plaintextPort(nodeId: number): number;
  controllerPort(nodeId: number): number;
  /** Extra broker properties for every node (e.g. --override from the command line). */
  properties?: ReadonlyMap<string, string>;
}

export interface PlannedBroker {
  nodeId: number;
  plaintext: HostPort;
  /** null for a broker-only node. */
  controller: HostPort | null;
  logDir: string;
  configPath: string;
  properties: Map<string, string>;
}

export function defaultVoterCount(brokers: number): number {
  return Math.min(3, brokers);
}

export function planCluster(options: ClusterLayoutOptions): PlannedBroker[] {
  const { brokers } = options;
  if (!Number.isInteger(brokers) || brokers < 1)
    throw new ConfigError(`--brokers must be a whole number of 1 or more, not ${brokers}`);
  const voterCount = options.voters ?? defaultVoterCount(brokers);
  if (
    options.voters !== undefined &&
    !(ALLOWED_VOTER_COUNTS as readonly number[]).includes(options.voters)
  ) {
    throw new ConfigError(`--voters must be 1, 3 or 5, not ${options.voters}`);
  }
  if (voterCount > brokers)
    throw new ConfigError(
      `--voters ${voterCount} needs at least ${voterCount} brokers, not ${brokers}`,
    );
  const ids = Array.from({ length: brokers }, (_, index) => index + 1);
  const voters = new Map(
    ids
      .slice(0, voterCount)
      .map((id) => [id, { host: LOCAL_HOST, port: options.controllerPort(id) }]),
  );
  checkPortsDistinct(ids, options, voters);
  return ids.map((nodeId) => {
    const logDir = join(options.dataDir, `broker-${nodeId}`);
    const plaintext = { host: LOCAL_HOST, port: options.plaintextPort(nodeId) };
    const controller = voters.get(nodeId) ?? null;
    const listeners = [`PLAINTEXT://${LOCAL_HOST}:${plaintext.port}`];
    if (controller !== null) listeners.push(`CONTROLLER://${LOCAL_HOST}:${controller.port}`);
    const properties = new Map<string, string>([
      ["node.id", String(nodeId)],
      ["process.roles", controller === null ? "broker" : "broker,controller"],
      ["listeners", listeners.join(",")],
      ["controller.listener.names", "CONTROLLER"],
      ["controller.quorum.voters", formatVoters(voters)],
      ["log.dirs", logDir],
    ]);
    for (const [key, value] of Object.entries(clusterDefaults(brokers))) properties.set(key, value);
    for (const [key, value] of options.properties ?? []) properties.set(key, value);
    return {
      nodeId,
      plaintext,
      controller,
      logDir,
      configPath: join(logDir, "server.properties"),
      properties,
    };
  });
}

function checkPortsDistinct(
  ids: number[],
  options: ClusterLayoutOptions,
  voters: ReadonlyMap<number, HostPort>,
): void {
  const ports = [
    ...ids.map((id) => options.plaintextPort(id)),
    ...[...voters.values()].map((endpoint) => endpoint.port),
  ];
  for (const port of ports) {
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new ConfigError(`port ${port} is not between 1 and 65535`);
  }
  if (new Set(ports).size !== ports.length)
    throw new ConfigError(`the brokers' ports overlap: ${ports.join(",")}`);
}

/** Write the node's server.properties (making its log dir); returns the path. */
export function writeServerProperties(broker: PlannedBroker): string {
  mkdirSync(broker.logDir, { recursive: true });
  const comment = [
    `Kafka playground node ${broker.nodeId}, written by npm run cluster.`,
    `Restart this node alone with: npm run broker -- --config ${broker.configPath}`,
  ].join("\n");
  writeFileSync(broker.configPath, formatJavaProperties(broker.properties, comment));
  return broker.configPath;
}

export function bootstrapServers(brokers: readonly PlannedBroker[]): string {
  return brokers.map((broker) => `${broker.plaintext.host}:${broker.plaintext.port}`).join(",");
}
