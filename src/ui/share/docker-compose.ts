/**
 * The playground's cluster as a docker-compose.yml for the official apache/kafka image, in
 * KRaft mode: one service per node with the same node id and role (the first 1, 3 or 5
 * nodes broker + controller, the rest broker only), the image's environment variables
 * (KAFKA_<property> with '.' as '_'), and the listeners of Kafka's own multi-node examples:
 * PLAINTEXT between the containers, CONTROLLER for the quorum, PLAINTEXT_HOST published on
 * the host so a learner's tools and code connect from outside Docker.
 */
import { PLAYGROUND_SERVER_PROPERTIES } from "../playground/default-cluster.ts";
import type { PlaygroundDocument } from "./share-format.ts";

/** The image's tag: a release whose console tools still take --producer-property. */
export const KAFKA_IMAGE = "apache/kafka:4.0.0";
export const INTERNAL_PORT = 19092;
export const CONTROLLER_PORT = 9093;
/** The port the host listener binds inside each container. */
export const HOST_LISTENER_PORT = 9092;

export const serviceName = (nodeId: number) => `kafka-${nodeId}`;
/** Node n is published on localhost:9091+n: node 1 on Kafka's usual 9092. */
export const hostPort = (nodeId: number) => 9091 + nodeId;

/** Where clients outside Docker bootstrap from. */
export function hostBootstrap(document: PlaygroundDocument): string {
  return nodeIds(document)
    .map((id) => `localhost:${hostPort(id)}`)
    .join(",");
}

export function nodeIds(document: PlaygroundDocument): number[] {
  return Array.from({ length: document.cluster.brokers }, (_, index) => index + 1);
}

/** Kafka's cluster id: 16 bytes, base64url without padding (22 characters). */
export function isKafkaClusterId(id: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(id);
}

/** A YAML scalar in single quotes: only ' needs escaping, as ''. */
const quoted = (value: string | number) => `'${String(value).replaceAll("'", "''")}'`;

function environment(document: PlaygroundDocument, nodeId: number, clusterId: string) {
  const { brokers, controllers } = document.cluster;
  const isController = nodeId <= controllers;
  const host = serviceName(nodeId);
  const voters = Array.from(
    { length: controllers },
    (_, index) => `${index + 1}@${serviceName(index + 1)}:${CONTROLLER_PORT}`,
  ).join(",");
  const listeners = [
    `PLAINTEXT://:${INTERNAL_PORT}`,
    ...(isController ? [`CONTROLLER://:${CONTROLLER_PORT}`] : []),
    `PLAINTEXT_HOST://:${HOST_LISTENER_PORT}`,
  ];
  return {
    KAFKA_NODE_ID: nodeId,
    KAFKA_PROCESS_ROLES: isController ? "broker,controller" : "broker",
    KAFKA_CONTROLLER_QUORUM_VOTERS: voters,
    KAFKA_CONTROLLER_LISTENER_NAMES: "CONTROLLER",
    KAFKA_LISTENERS: listeners.join(","),
    KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${INTERNAL_PORT},PLAINTEXT_HOST://localhost:${hostPort(nodeId)}`,
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:
      "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT",
    KAFKA_INTER_BROKER_LISTENER_NAME: "PLAINTEXT",
    CLUSTER_ID: clusterId,
    // Kafka's defaults (3 and 2) cannot be met by a smaller cluster; the playground lowers them too.
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: Math.min(3, brokers),
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: Math.min(3, brokers),
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: Math.min(2, brokers),
    KAFKA_LOG_DIRS: "/var/lib/kafka/data",
    ...Object.fromEntries(
      Object.entries(PLAYGROUND_SERVER_PROPERTIES).map(([name, value]) => [
        `KAFKA_${name.toUpperCase().replaceAll(".", "_")}`,
        value,
      ]),
    ),
  };
}

function service(document: PlaygroundDocument, nodeId: number, clusterId: string): string[] {
  const controllers = document.cluster.controllers;
  const lines = [
    `  ${serviceName(nodeId)}:`,
    `    image: ${quoted(KAFKA_IMAGE)}`,
    `    hostname: ${serviceName(nodeId)}`,
    `    ports:`,
    `      - ${quoted(`${hostPort(nodeId)}:${HOST_LISTENER_PORT}`)}`,
  ];
  if (nodeId > controllers) {
    lines.push(`    depends_on:`);
    for (let id = 1; id <= controllers; id++) lines.push(`      - ${serviceName(id)}`);
  }
  lines.push(`    environment:`);
  for (const [name, value] of Object.entries(environment(document, nodeId, clusterId)))
    lines.push(`      ${name}: ${quoted(value)}`);
  return lines;
}

export function dockerComposeYaml(document: PlaygroundDocument, clusterId: string): string {
  if (!isKafkaClusterId(clusterId)) throw new RangeError(`not a Kafka cluster id: ${clusterId}`);
  const { brokers, controllers } = document.cluster;
  const roles =
    controllers === brokers
      ? `every node is broker + controller`
      : `nodes 1-${controllers} are broker + controller, the rest broker only`;
  const header = [
    `# Kafka Playground export (${document.exportedAt}): a KRaft cluster of the same shape,`,
    `# ${brokers} node${brokers === 1 ? "" : "s"} (${roles}), on the official ${KAFKA_IMAGE} image.`,
    `#   docker compose up -d          start it`,
    `#   bash kafka-playground.sh      create the topics (see that script for the clients)`,
    `#   docker compose down           stop it and forget its data`,
    `# From the host, clients bootstrap from ${hostBootstrap(document)}.`,
    `name: kafka-playground`,
    `services:`,
  ];
  const services = nodeIds(document).flatMap((id) => service(document, id, clusterId));
  return `${[...header, ...services].join("\n")}\n`;
}
