/**
 * cluster-main's command line: `--brokers N [--data-dir DIR] [--base-port P]
 * [--controller-base-port P] [--voters 1|3|5] [--override key=value]...`.
 */
import { parseOverride } from "./broker-command-line.ts";
import { ConfigError } from "./config-error.ts";

export interface ClusterCommandLine {
  brokers: number;
  dataDir: string;
  basePort: number;
  /** Where the voters' CONTROLLER ports start (default: basePort + 10000). */
  controllerBasePort: number;
  voters: number | null;
  overrides: Map<string, string>;
  help: boolean;
}

export const DEFAULT_DATA_DIR = "./data/cluster";
export const DEFAULT_BASE_PORT = 9092;
export const CONTROLLER_PORT_OFFSET = 10_000;

export function parseClusterCommandLine(args: readonly string[]): ClusterCommandLine {
  const values = new Map<string, string>();
  const overrides = new Map<string, string>();
  let help = false;
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!;
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (!arg.startsWith("--")) throw new ConfigError(`unexpected argument "${arg}" (see --help)`);
    const equals = arg.indexOf("=");
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    let value = equals < 0 ? args[++at] : arg.slice(equals + 1);
    if (value === undefined || (equals < 0 && value.startsWith("--")))
      throw new ConfigError(`--${name} needs a value`);
    value = value.trim();
    if (name === "override") {
      const [key, overrideValue] = parseOverride(value);
      overrides.set(key, overrideValue);
    } else if (
      ["brokers", "data-dir", "base-port", "controller-base-port", "voters"].includes(name)
    ) {
      values.set(name, value);
    } else {
      throw new ConfigError(`unknown option --${name} (see --help)`);
    }
  }
  const basePort = readNumber(values, "base-port", DEFAULT_BASE_PORT);
  const voters = values.has("voters") ? readNumber(values, "voters", 0) : null;
  return {
    brokers: readNumber(values, "brokers", 3),
    dataDir: values.get("data-dir") ?? DEFAULT_DATA_DIR,
    basePort,
    controllerBasePort: readNumber(
      values,
      "controller-base-port",
      basePort + CONTROLLER_PORT_OFFSET,
    ),
    voters,
    overrides,
    help,
  };
}

function readNumber(values: ReadonlyMap<string, string>, name: string, fallback: number): number {
  const text = values.get(name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new ConfigError(`--${name} must be a whole number, not "${text}"`);
  return Number(text);
}

export const CLUSTER_USAGE = `Usage: npm run cluster -- --brokers N [--data-dir DIR] [--base-port P] [--voters 1|3|5] [--override key=value]...

Runs a local Kafka cluster: one broker process per node, on 127.0.0.1.

  --brokers N              how many nodes (default 3); node ids are 1..N
  --data-dir DIR           where each node keeps DIR/broker-N/server.properties and its
                           logs (default ${DEFAULT_DATA_DIR})
  --base-port P            PLAINTEXT ports P, P+1, ... (default ${DEFAULT_BASE_PORT})
  --controller-base-port P CONTROLLER ports of the voters (default base port + ${CONTROLLER_PORT_OFFSET})
  --voters 1|3|5           how many of the first nodes form the KRaft quorum (default
                           min(3, N)); the others run as brokers only
  --override key=value     a broker property for every node (repeatable)
  -h, --help               this text

Prints "Bootstrap servers: ..." once every node listens. Ctrl-C stops them all. A node
killed from outside is reported, not restarted; restart it with
  npm run broker -- --config DIR/broker-N/server.properties`;
