/**
 * The two endpoint lists of server.properties: `listeners` / `advertised.listeners`
 * (`NAME://host:port,...`) and `controller.quorum.voters` (`id@host:port,...`). Hosts may be
 * names, IPv4, or IPv6 in brackets; an empty host means every interface, as in Kafka.
 */
import {
  BROKER_LISTENER,
  CONTROLLER_LISTENER,
  type ListenerName,
} from "../../client/node-requester.ts";
import { ConfigError } from "./config-error.ts";

export interface HostPort {
  host: string;
  port: number;
}

export interface ListenerEndpoint extends HostPort {
  name: ListenerName;
}

const LISTENER_NAMES: readonly string[] = [BROKER_LISTENER, CONTROLLER_LISTENER];

function items(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** `host:port` or `[v6]:port`; `key` names the setting in the error. */
export function parseHostPort(text: string, key: string): HostPort {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d+)$/.exec(text);
  if (match === null) throw new ConfigError(`${key}: "${text}" is not host:port`);
  const port = Number(match[3]);
  if (port > 65535) throw new ConfigError(`${key}: port ${port} in "${text}" is over 65535`);
  return { host: match[1] ?? match[2] ?? "", port };
}

/** `listeners` or `advertised.listeners`: names PLAINTEXT and CONTROLLER, each at most once. */
export function parseListeners(text: string, key: string): ListenerEndpoint[] {
  const endpoints: ListenerEndpoint[] = [];
  for (const item of items(text)) {
    const separator = item.indexOf("://");
    if (separator <= 0) throw new ConfigError(`${key}: "${item}" is not NAME://host:port`);
    const name = item.slice(0, separator).toUpperCase();
    if (!LISTENER_NAMES.includes(name)) {
      throw new ConfigError(
        `${key}: listener name ${name} is not supported (the playground's listeners are ${LISTENER_NAMES.join(" and ")})`,
      );
    }
    if (endpoints.some((endpoint) => endpoint.name === name)) {
      throw new ConfigError(
        `${key}: each listener must have a different name, and ${name} appears twice`,
      );
    }
    endpoints.push({
      name: name as ListenerName,
      ...parseHostPort(item.slice(separator + 3), key),
    });
  }
  if (endpoints.length === 0) throw new ConfigError(`${key} is empty`);
  return endpoints;
}

/** `controller.quorum.voters`: node id → where its CONTROLLER listener is. */
export function parseVoters(text: string, key = "controller.quorum.voters"): Map<number, HostPort> {
  const voters = new Map<number, HostPort>();
  for (const item of items(text)) {
    const match = /^(\d+)@(.+)$/.exec(item);
    if (match === null) throw new ConfigError(`${key}: "${item}" is not id@host:port`);
    const id = Number(match[1]);
    if (!Number.isSafeInteger(id) || id > 2_147_483_647)
      throw new ConfigError(`${key}: node id ${match[1]} is out of range`);
    if (voters.has(id)) throw new ConfigError(`${key}: node ${id} is listed twice`);
    const endpoint = parseHostPort(match[2]!, key);
    if (endpoint.host === "" || endpoint.port === 0)
      throw new ConfigError(`${key}: "${item}" needs a host and a port other than 0`);
    voters.set(id, endpoint);
  }
  if (voters.size === 0) throw new ConfigError(`${key} is empty`);
  return voters;
}

export function formatListeners(endpoints: readonly ListenerEndpoint[]): string {
  return endpoints.map((endpoint) => `${endpoint.name}://${formatHostPort(endpoint)}`).join(",");
}

export function formatVoters(voters: ReadonlyMap<number, HostPort>): string {
  return [...voters].map(([id, endpoint]) => `${id}@${formatHostPort(endpoint)}`).join(",");
}

export function formatHostPort({ host, port }: HostPort): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}
