/**
 * One Kafka node in this Node process: binds its listeners, starts the core on real ports
 * (TCP, the disk, the system clock), ticks it, and shuts it down. Listeners are bound
 * before the core starts, as Kafka binds its socket server early: a port already in use
 * fails at once, port 0 can be advertised as the port actually bound, and connections
 * that arrive during log recovery wait (bounded) until the node can serve them.
 */
import { basename, dirname, resolve } from "node:path";
import type { ListenerName } from "../../client/node-requester.ts";
import {
  TICK_INTERVAL_MS,
  type NodeConfig,
  type RunningNode,
} from "../kafka-node/kafka-node-contract.ts";
import { loadCompression } from "../kafka-node/load-compression.ts";
import { startKafkaNode } from "../kafka-node/start-kafka-node.ts";
import {
  KAFKA_RAFT_SERVER,
  SERVER_STARTED_MESSAGE,
  SOCKET_SERVER,
  type KafkaLogger,
} from "./kafka-log.ts";
import { NodeFileSystem } from "./node-file-system.ts";
import type { ServerConfig } from "./server-properties.ts";
import { createTcpDialer } from "./tcp-dialer.ts";
import { LISTEN_BACKLOG, listenTcp, type TcpListener } from "./tcp-listener.ts";
import type { TcpTransport, TcpTransportOptions } from "./tcp-transport.ts";
import { createLogTelemetry } from "./telemetry-log.ts";

export interface KafkaServer {
  readonly node: RunningNode;
  /** The node's config as started: advertised ports resolved. */
  readonly nodeConfig: NodeConfig;
  readonly listeners: readonly TcpListener[];
  /** Controlled shutdown of the node, then every socket closed. Safe to call twice. */
  shutdown(): Promise<void>;
}

interface WaitingConnection {
  transport: TcpTransport;
  listener: ListenerName;
}

export async function startKafkaServer(
  config: ServerConfig,
  logger: KafkaLogger,
): Promise<KafkaServer> {
  const nodeId = config.node.nodeId;
  const transportOptions: TcpTransportOptions = {
    maxFrameBytes: config.maxFrameBytes,
    onListenerError: (error) =>
      logger.error(
        SOCKET_SERVER(nodeId),
        "Unexpected error while handling a request; closing the connection",
        error,
      ),
  };
  let node: RunningNode | null = null;
  const waiting: WaitingConnection[] = [];
  const accept = (transport: TcpTransport, listener: ListenerName) => {
    if (node !== null) node.accept(transport, listener);
    else if (waiting.length < LISTEN_BACKLOG) waiting.push({ transport, listener });
    else transport.close("the node is still starting");
  };

  const listeners = await bindListeners(config, transportOptions, accept);
  const dialer = createTcpDialer(config.voterEndpoints, transportOptions);
  // log.dirs is the log dir itself, as in Kafka: the node's files go straight into it.
  const nodeConfig = {
    ...withBoundPorts(config.node, listeners),
    logDir: basename(resolve(config.logDir)),
  };
  try {
    await loadCompression();
    node = await startKafkaNode(nodeConfig, {
      // Whole milliseconds, as Kafka's clocks and timestamps are; monotonic, from the epoch.
      clock: { nowMs: () => Math.floor(performance.timeOrigin + performance.now()) },
      fs: new NodeFileSystem(dirname(resolve(config.logDir))),
      dial: dialer.dial,
      telemetry: createLogTelemetry(logger),
      random: Math.random,
    });
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    throw error;
  }
  const running = node;
  for (const { transport, listener } of waiting.splice(0))
    if (!transport.closed) running.accept(transport, listener);

  const ticker = setInterval(() => {
    try {
      running.tick();
    } catch (error) {
      logger.error(KAFKA_RAFT_SERVER(nodeId), "Node tick failed", error);
    }
  }, TICK_INTERVAL_MS);
  for (const listener of listeners) {
    logger.info(
      { logger: "kafka.network.DataPlaneAcceptor" },
      `Awaiting socket connections on ${listener.host || "0.0.0.0"}:${listener.port}.`,
    );
  }
  // Like Kafka's broker startup, "started" means registered with the controller and
  // unfenced: clients that connect then find this broker in Metadata.
  if (!(await unfenced(running, UNFENCE_WAIT_MS))) {
    logger.warn(
      KAFKA_RAFT_SERVER(nodeId),
      `Still fenced after ${UNFENCE_WAIT_MS / 1000} s: is a majority of controller.quorum.voters running?`,
    );
  }
  logger.info(KAFKA_RAFT_SERVER(nodeId), SERVER_STARTED_MESSAGE);

  let stopping: Promise<void> | null = null;
  const shutdown = async (): Promise<void> => {
    logger.info(KAFKA_RAFT_SERVER(nodeId), "shutting down");
    // The node keeps ticking and serving while it hands leadership away.
    await running.shutdown();
    clearInterval(ticker);
    await Promise.all(listeners.map((listener) => listener.close()));
    dialer.closeAll();
    logger.info(KAFKA_RAFT_SERVER(nodeId), "shut down completed");
  };
  return {
    node: running,
    nodeConfig,
    listeners,
    shutdown: () => (stopping ??= shutdown()),
  };
}

/** How long startup waits for the controller to unfence this broker before saying so. */
const UNFENCE_WAIT_MS = 30_000;

async function unfenced(node: RunningNode, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (node.status().fenced) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

async function bindListeners(
  config: ServerConfig,
  transport: TcpTransportOptions,
  accept: (transport: TcpTransport, listener: ListenerName) => void,
): Promise<TcpListener[]> {
  const bound: TcpListener[] = [];
  try {
    for (const { name, host, port } of config.listeners) {
      bound.push(
        await listenTcp({
          name,
          host,
          port,
          transport,
          onConnection: (connection) => accept(connection, name),
        }),
      );
    }
  } catch (error) {
    await Promise.all(bound.map((listener) => listener.close()));
    throw error;
  }
  return bound;
}

/** Advertise the port actually bound where the config says port 0. */
function withBoundPorts(config: NodeConfig, listeners: readonly TcpListener[]): NodeConfig {
  const advertised = { ...config.advertised };
  for (const listener of listeners) {
    const endpoint = advertised[listener.name];
    if (endpoint.port === 0) advertised[listener.name] = { ...endpoint, port: listener.port };
  }
  return { ...config, advertised };
}
