/**
 * A client built from a tool's Java properties (bootstrap.servers, client.id, acks, ...):
 * the connection-level ones go to `new Kafka(...)`, and the whole map goes to the producer
 * or consumer, which read Kafka's Java config names themselves (names they do not know
 * are ignored, as Kafka ignores unknown configs after a warning).
 */
import type { ClientIo } from "../../client/client-io.ts";
import { Kafka } from "../../client/kafka.ts";
import { bootstrapList } from "../framework/bootstrap-servers.ts";

/** A whole-number property, or undefined when absent or not a number (the client then complains or defaults). */
function wholeNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

export function kafkaFor(properties: ReadonlyMap<string, string>, io: ClientIo): Kafka {
  return new Kafka({
    clientId: properties.get("client.id"),
    brokers: bootstrapList(properties.get("bootstrap.servers") ?? ""),
    transport: io,
    requestTimeout: wholeNumber(properties.get("request.timeout.ms")),
    metadataMaxAge: wholeNumber(properties.get("metadata.max.age.ms")),
  });
}

/** A Java config name (lower case, dotted), as opposed to a KafkaJS option (camelCase, maybe a function). */
const JAVA_CONFIG_NAME = /^[a-z0-9]+([.-][a-z0-9]+)*$/;

/**
 * The properties as the options object the producer and consumer take. Only Java config
 * names pass: a property named like a KafkaJS option (createPartitioner) would otherwise
 * reach the client as a string where it expects a function.
 */
export function configObject(properties: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries([...properties].filter(([name]) => JAVA_CONFIG_NAME.test(name)));
}
