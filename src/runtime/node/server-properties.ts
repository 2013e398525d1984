/**
 * server.properties → the settings of one node process: the core's NodeConfig, the
 * listeners to bind, the log dir and the frame limit. Checks what KafkaConfig checks for a
 * KRaft node (required keys, roles against the voters, listener names, value ranges) and
 * stops at the first problem with a ConfigError naming the key.
 */
import {
  BROKER_LISTENER,
  CONTROLLER_LISTENER,
  type ListenerName,
} from "../../client/node-requester.ts";
import type { MetaProperties } from "../../log/checkpoints/meta-properties.ts";
import { checkConfigValue, INT_MAX } from "../../metadata/configs/config-definition.ts";
import { checkBrokerConfigs } from "../../metadata/configs/broker-configs.ts";
import { TOPIC_CONFIGS } from "../../metadata/configs/topic-configs.ts";
import type { NodeConfig } from "../kafka-node/kafka-node-contract.ts";
import { ConfigError } from "./config-error.ts";
import {
  parseListeners,
  parseVoters,
  type HostPort,
  type ListenerEndpoint,
} from "./endpoint-lists.ts";

/** The cluster id when neither meta.properties nor --cluster-id gives one: "kafka-playground" as a Kafka Uuid. */
export const DEFAULT_CLUSTER_ID = "a2Fma2EtcGxheWdyb3VuZA";
/** Kafka's default log.dir. */
export const DEFAULT_LOG_DIR = "/tmp/kafka-logs";

export type ProcessRole = "broker" | "controller";

export interface ServerConfig {
  node: NodeConfig;
  roles: ProcessRole[];
  /** What to bind (port 0: any free port, advertised as the port bound). */
  listeners: ListenerEndpoint[];
  /** Where each node's CONTROLLER listener is, from controller.quorum.voters. */
  voterEndpoints: Map<number, HostPort>;
  /** The node's storage root (log.dirs); the core keeps its files under `broker-<id>/` in it. */
  logDir: string;
  /** socket.request.max.bytes: larger frames close the connection. */
  maxFrameBytes: number;
}

/** A meta.properties found in the log dir: its path, and its content (null if unreadable). */
export interface StoredMeta {
  path: string;
  meta: MetaProperties | null;
}

export interface DeriveOptions {
  /** `--cluster-id` from the command line. */
  clusterId?: string | null;
  /** Finds the node's meta.properties under the log dir, if there is one. */
  readMeta?: (logDir: string, nodeId: number) => StoredMeta | null;
  /** Advertised for a listener with an empty host (Kafka advertises the canonical host name). */
  hostName?: string;
}

/** Where the core keeps a node's meta.properties: in its log dir, as Kafka does. */
export function metaPropertiesPath(logDir: string): string {
  return `${logDir.replace(/\/+$/, "")}/meta.properties`;
}

export function deriveServerConfig(
  raw: ReadonlyMap<string, string>,
  options: DeriveOptions = {},
): ServerConfig {
  // Kafka trims every typed config value when it parses it.
  const properties = new Map([...raw].map(([key, value]) => [key, value.trim()]));
  const nodeId = readNodeId(properties);
  const roles = readRoles(properties);
  const voterEndpoints = readVoters(properties);
  checkRolesAgainstVoters(nodeId, roles, voterEndpoints);
  checkListenerSettings(properties);
  const listeners = readListeners(properties, roles);
  checkOwnVoterEndpoint(nodeId, listeners, voterEndpoints);
  const advertised = readAdvertised(properties, listeners, options.hostName ?? "localhost");
  const logDir = readLogDir(properties);
  checkValues(properties);
  const clusterId = resolveClusterId(options, logDir, nodeId);
  return {
    node: {
      nodeId,
      clusterId,
      voters: [...voterEndpoints.keys()],
      controllerEndpoints: Object.fromEntries(voterEndpoints),
      properties: Object.fromEntries(properties),
      advertised,
    },
    roles,
    listeners,
    voterEndpoints,
    logDir,
    maxFrameBytes: Number(properties.get("socket.request.max.bytes") ?? "104857600"),
  };
}

function readInt(properties: ReadonlyMap<string, string>, key: string): number | undefined {
  const text = properties.get(key);
  if (text === undefined || text === "") return undefined;
  if (!/^-?\d+$/.test(text) || Math.abs(Number(text)) > INT_MAX)
    throw new ConfigError(`${key} must be a whole number (an int), not "${text}"`);
  return Number(text);
}

function readNodeId(properties: ReadonlyMap<string, string>): number {
  const nodeId = readInt(properties, "node.id");
  if (nodeId === undefined)
    throw new ConfigError("node.id is required: the node's id, a whole number of 0 or more");
  if (nodeId < 0) throw new ConfigError(`node.id must be 0 or more, not ${nodeId}`);
  const brokerId = readInt(properties, "broker.id");
  if (brokerId !== undefined && brokerId !== nodeId) {
    throw new ConfigError(
      `broker.id (${brokerId}) must be equal to node.id (${nodeId}) when process.roles is set`,
    );
  }
  return nodeId;
}

function readRoles(properties: ReadonlyMap<string, string>): ProcessRole[] {
  const text = properties.get("process.roles") ?? "";
  const roles = text
    .split(",")
    .map((role) => role.trim())
    .filter((role) => role !== "");
  if (roles.length === 0)
    throw new ConfigError("process.roles is required: broker,controller (a voter) or broker");
  for (const role of roles) {
    if (role !== "broker" && role !== "controller")
      throw new ConfigError(`process.roles takes broker and controller, not "${role}"`);
  }
  if (new Set(roles).size !== roles.length)
    throw new ConfigError(`process.roles must not list a role twice: "${text}"`);
  if (!roles.includes("broker")) {
    throw new ConfigError(
      "process.roles=controller (a controller-only node) is not supported: every playground node is a broker; use broker,controller",
    );
  }
  return roles as ProcessRole[];
}

function readVoters(properties: ReadonlyMap<string, string>): Map<number, HostPort> {
  const text = properties.get("controller.quorum.voters") ?? "";
  if (text === "") {
    if ((properties.get("controller.quorum.bootstrap.servers") ?? "") !== "") {
      throw new ConfigError(
        "controller.quorum.bootstrap.servers (a dynamic quorum) is not supported: set controller.quorum.voters",
      );
    }
    throw new ConfigError(
      "controller.quorum.voters is required: id@host:port of each voter, e.g. 1@127.0.0.1:19092",
    );
  }
  return parseVoters(text);
}

function checkRolesAgainstVoters(
  nodeId: number,
  roles: ProcessRole[],
  voters: ReadonlyMap<number, HostPort>,
): void {
  const ids = [...voters.keys()].join(",");
  if (roles.includes("controller") && !voters.has(nodeId)) {
    throw new ConfigError(
      `process.roles contains controller, so node.id ${nodeId} must be one of the controller.quorum.voters (${ids})`,
    );
  }
  if (!roles.includes("controller") && voters.has(nodeId)) {
    throw new ConfigError(
      `process.roles is just broker, so node.id ${nodeId} must not be one of the controller.quorum.voters (${ids})`,
    );
  }
}

/** The listener settings whose only valid values are the playground's fixed names. */
function checkListenerSettings(properties: ReadonlyMap<string, string>): void {
  const fixed: [string, string][] = [
    ["controller.listener.names", CONTROLLER_LISTENER],
    ["inter.broker.listener.name", BROKER_LISTENER],
    ["security.inter.broker.protocol", "PLAINTEXT"],
  ];
  for (const [key, only] of fixed) {
    const value = properties.get(key);
    if (value !== undefined && value !== "" && value.toUpperCase() !== only) {
      throw new ConfigError(
        `${key} must be ${only} (the playground's only choice), not "${value}"`,
      );
    }
  }
  const protocolMap = properties.get("listener.security.protocol.map") ?? "";
  for (const entry of protocolMap
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "")) {
    const [name, protocol, extra] = entry.split(":");
    if (name === undefined || name === "" || protocol === undefined || extra !== undefined) {
      throw new ConfigError(`listener.security.protocol.map: "${entry}" is not NAME:PROTOCOL`);
    }
    if (protocol.trim().toUpperCase() !== "PLAINTEXT") {
      throw new ConfigError(
        `listener.security.protocol.map: ${name} uses ${protocol}, but the playground speaks only PLAINTEXT`,
      );
    }
  }
}

function readListeners(
  properties: ReadonlyMap<string, string>,
  roles: ProcessRole[],
): ListenerEndpoint[] {
  const text = properties.get("listeners") ?? "";
  if (text === "")
    throw new ConfigError(
      "listeners is required, e.g. PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:19092",
    );
  const listeners = parseListeners(text, "listeners");
  const has = (name: ListenerName) => listeners.some((listener) => listener.name === name);
  if (!has(BROKER_LISTENER))
    throw new ConfigError(
      "listeners must include a PLAINTEXT listener (the inter-broker and client listener)",
    );
  if (roles.includes("controller") && !has(CONTROLLER_LISTENER)) {
    throw new ConfigError(
      "listeners must include a CONTROLLER listener when process.roles contains controller",
    );
  }
  if (!roles.includes("controller") && has(CONTROLLER_LISTENER)) {
    throw new ConfigError(
      "listeners must not include the CONTROLLER listener when process.roles is just broker",
    );
  }
  const ports = listeners.map((listener) => listener.port).filter((port) => port !== 0);
  if (new Set(ports).size !== ports.length)
    throw new ConfigError(`listeners: each listener must have a different port: ${text}`);
  return listeners;
}

function checkOwnVoterEndpoint(
  nodeId: number,
  listeners: ListenerEndpoint[],
  voters: ReadonlyMap<number, HostPort>,
): void {
  const own = voters.get(nodeId);
  const controller = listeners.find((listener) => listener.name === CONTROLLER_LISTENER);
  if (own === undefined || controller === undefined || controller.port === 0) return;
  if (own.port !== controller.port) {
    throw new ConfigError(
      `controller.quorum.voters puts node ${nodeId} at port ${own.port}, but its CONTROLLER listener is on port ${controller.port}`,
    );
  }
}

function readAdvertised(
  properties: ReadonlyMap<string, string>,
  listeners: ListenerEndpoint[],
  hostName: string,
): NodeConfig["advertised"] {
  const text = properties.get("advertised.listeners") ?? "";
  const key = text === "" ? "listeners" : "advertised.listeners";
  const advertised = text === "" ? listeners : parseListeners(text, "advertised.listeners");
  const endpointOf = (name: ListenerName): HostPort | undefined => {
    const endpoint =
      advertised.find((item) => item.name === name) ?? listeners.find((item) => item.name === name);
    if (endpoint === undefined) return undefined;
    if (endpoint.host === "0.0.0.0" || endpoint.host === "::") {
      throw new ConfigError(
        `${key}: advertised.listeners cannot use the nonroutable meta-address ${endpoint.host}; use a routable address`,
      );
    }
    if (!listeners.some((listener) => listener.name === name)) {
      throw new ConfigError(`advertised.listeners: ${name} is advertised but not in listeners`);
    }
    return { host: endpoint.host === "" ? hostName : endpoint.host, port: endpoint.port };
  };
  const broker = endpointOf(BROKER_LISTENER)!;
  // A broker-only node has no controller listener: port 0 says "none".
  const controller = endpointOf(CONTROLLER_LISTENER) ?? { host: broker.host, port: 0 };
  return { [BROKER_LISTENER]: broker, [CONTROLLER_LISTENER]: controller };
}

function readLogDir(properties: ReadonlyMap<string, string>): string {
  const key = (properties.get("log.dirs") ?? "") !== "" ? "log.dirs" : "log.dir";
  const dirs = (properties.get(key) ?? DEFAULT_LOG_DIR)
    .split(",")
    .map((dir) => dir.trim())
    .filter((dir) => dir !== "");
  if (dirs.length === 0) throw new ConfigError(`${key} is empty`);
  if (dirs.length > 1)
    throw new ConfigError(
      `${key} lists ${dirs.length} directories; a playground node keeps its logs in one`,
    );
  return dirs[0]!;
}

/** Broker configs, and broker defaults of topic configs (log.retention.ms, ...), must be valid values. */
function checkValues(properties: ReadonlyMap<string, string>): void {
  const problem = checkBrokerConfigs(properties);
  if (problem !== null) throw new ConfigError(problem);
  for (const definition of TOPIC_CONFIGS) {
    const synonym = definition.brokerSynonym;
    const value = synonym === undefined ? undefined : properties.get(synonym);
    if (synonym === undefined || value === undefined) continue;
    const synonymProblem = checkConfigValue({ ...definition, name: synonym }, value);
    if (synonymProblem !== null) throw new ConfigError(synonymProblem);
  }
}

/** A Kafka Uuid as text: 16 bytes in URL-safe base64 without padding. */
const CLUSTER_ID = /^[A-Za-z0-9_-]{22}$/;

function resolveClusterId(options: DeriveOptions, logDir: string, nodeId: number): string {
  const flag = options.clusterId ?? null;
  if (flag !== null && !CLUSTER_ID.test(flag)) {
    throw new ConfigError(
      `--cluster-id: "${flag}" is not a Kafka cluster id (22 characters of URL-safe base64, as kafka-storage random-uuid prints)`,
    );
  }
  const stored = options.readMeta?.(logDir, nodeId) ?? null;
  if (stored === null) return flag ?? DEFAULT_CLUSTER_ID;
  if (stored.meta === null)
    throw new ConfigError(
      `${stored.path} is malformed: it needs version, node.id, cluster.id and directory.id`,
    );
  if (stored.meta.nodeId !== nodeId) {
    throw new ConfigError(
      `node.id ${nodeId} does not match node.id=${stored.meta.nodeId} stored in ${stored.path}`,
    );
  }
  if (flag !== null && flag !== stored.meta.clusterId) {
    throw new ConfigError(
      `--cluster-id ${flag} does not match cluster.id=${stored.meta.clusterId} stored in ${stored.path}`,
    );
  }
  return stored.meta.clusterId;
}
