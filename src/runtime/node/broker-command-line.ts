/**
 * broker-main's command line, in kafka-server-start's shape: a properties file (as
 * `--config FILE` or the first bare argument), then `--override key=value` as many times
 * as needed. Any other `--key value` / `--key=value` (e.g. `--node.id 1`) is an override of
 * that property too. Later overrides win over earlier ones and over the file.
 */
import { ConfigError } from "./config-error.ts";
import { DEFAULT_CLUSTER_ID, DEFAULT_LOG_DIR } from "./server-properties.ts";

export interface BrokerCommandLine {
  configPath: string | null;
  /** Property overrides, in the order given. */
  overrides: [string, string][];
  clusterId: string | null;
  help: boolean;
}

/** Options of the shell itself; every other `--name` is a property. */
const SHELL_OPTIONS = new Set(["config", "override", "cluster-id", "help"]);
const PROPERTY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function parseBrokerCommandLine(args: readonly string[]): BrokerCommandLine {
  const result: BrokerCommandLine = {
    configPath: null,
    overrides: [],
    clusterId: null,
    help: false,
  };
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!;
    if (arg === "-h" || arg === "--help") {
      result.help = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      if (result.configPath !== null)
        throw new ConfigError(
          `unexpected argument "${arg}": the properties file is already ${result.configPath}`,
        );
      result.configPath = arg;
      continue;
    }
    const equals = arg.indexOf("=");
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    let value: string;
    if (equals >= 0) {
      value = arg.slice(equals + 1);
    } else {
      const next = args[at + 1];
      if (next === undefined || next.startsWith("--"))
        throw new ConfigError(`--${name} needs a value`);
      value = next;
      at++;
    }
    applyOption(result, name, value);
  }
  return result;
}

function applyOption(result: BrokerCommandLine, name: string, value: string): void {
  if (name === "config") {
    if (result.configPath !== null)
      throw new ConfigError(`--config given twice (${result.configPath} and ${value})`);
    result.configPath = value;
  } else if (name === "cluster-id") {
    result.clusterId = value;
  } else if (name === "override") {
    result.overrides.push(parseOverride(value));
  } else if (!SHELL_OPTIONS.has(name) && PROPERTY_NAME.test(name)) {
    result.overrides.push([name, value]);
  } else {
    throw new ConfigError(`unknown option --${name}`);
  }
}

/** `key=value`, as kafka-server-start's --override takes it. */
export function parseOverride(text: string): [string, string] {
  const equals = text.indexOf("=");
  const key = equals < 0 ? "" : text.slice(0, equals).trim();
  if (key === "") throw new ConfigError(`--override takes key=value, not "${text}"`);
  return [key, text.slice(equals + 1)];
}

export const BROKER_USAGE = `Usage: npm run broker -- --config server.properties [--override key=value]... [--key value]...

Starts one Kafka node (KRaft: a broker, plus a controller when process.roles says so)
serving Kafka's protocol over TCP.

  --config FILE          the server.properties file (Java properties; also accepted as
                         the first bare argument, as kafka-server-start takes it)
  --override key=value   overrides a property from the file (repeatable)
  --key value, --key=value
                         the same, e.g. --node.id 1
  --cluster-id ID        the cluster id when the log dir has no meta.properties yet
                         (default: ${DEFAULT_CLUSTER_ID}, "kafka-playground" as a Kafka Uuid)
  -h, --help             this text

Required properties: node.id, process.roles (broker,controller or broker), listeners
(PLAINTEXT://host:port and, for controllers, CONTROLLER://host:port),
controller.quorum.voters (id@host:port,...). Optional: advertised.listeners (default:
listeners), log.dirs or log.dir (default ${DEFAULT_LOG_DIR}; the node keeps its files in
broker-<node.id>/ inside it), and any broker config by Kafka's name
(min.insync.replicas, num.partitions, ...).

SIGTERM or Ctrl-C shuts the node down cleanly (exit status 0); a bad setting exits with 1.`;
