/**
 * `npm run cluster -- --brokers 3 [--data-dir DIR] [--base-port 9092] [--voters N]`: a local
 * Kafka cluster, one broker-main process per node. Each node's output is prefixed with its
 * name; "Bootstrap servers: ..." is printed once all listen; Ctrl-C (or SIGTERM) stops them
 * all. A node killed from outside is reported with the command that restarts it.
 */
import { resolve } from "node:path";
import { describeExit } from "./broker-process.ts";
import {
  CLUSTER_USAGE,
  parseClusterCommandLine,
  type ClusterCommandLine,
} from "./cluster-command-line.ts";
import { bootstrapServers, planCluster, type PlannedBroker } from "./cluster-layout.ts";
import { ConfigError } from "./config-error.ts";
import { LocalCluster } from "./local-cluster.ts";

const say = (line: string) => process.stdout.write(`${line}\n`);

function readCommandLine(): { commandLine: ClusterCommandLine; brokers: PlannedBroker[] } | null {
  try {
    const commandLine = parseClusterCommandLine(process.argv.slice(2));
    if (commandLine.help) {
      say(CLUSTER_USAGE);
      process.exit(0);
    }
    const dataDir = resolve(commandLine.dataDir);
    const brokers = planCluster({
      brokers: commandLine.brokers,
      voters: commandLine.voters ?? undefined,
      dataDir,
      plaintextPort: (nodeId) => commandLine.basePort + nodeId - 1,
      controllerPort: (nodeId) => commandLine.controllerBasePort + nodeId - 1,
      properties: commandLine.overrides,
    });
    return { commandLine, brokers };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`cluster: ${error.message}\n`);
    return null;
  }
}

async function main(): Promise<void> {
  const plan = readCommandLine();
  if (plan === null) {
    process.exitCode = 1;
    return;
  }
  const width = Math.max(...plan.brokers.map((broker) => `broker-${broker.nodeId}`.length));
  let stopping = false;
  let started = false;
  const cluster = new LocalCluster(plan.brokers, {
    onLine: (nodeId, line) => say(`${`broker-${nodeId}`.padEnd(width)} | ${line}`),
    onExit: (nodeId, exit, expected) => {
      // A node that fails while starting is reported by the start itself.
      if (expected || stopping || !started) return;
      say(`Broker ${nodeId} ${describeExit(exit)}; it is not restarted. Restart it with:`);
      say(`  npm run broker -- --config ${cluster.broker(nodeId).configPath}`);
      if (plan.brokers.every((broker) => !cluster.isRunning(broker.nodeId))) {
        say("Every broker has stopped.");
        process.exit(1);
      }
    },
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`Received ${signal}; stopping ${plan.brokers.length} broker(s)...`);
    void cluster.stop().then(() => {
      say("All brokers stopped.");
      process.exit(0);
    });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  say(`Starting ${plan.brokers.length} broker(s) in ${resolve(plan.commandLine.dataDir)}`);
  const starting = cluster.start();
  for (const broker of plan.brokers) {
    say(
      `Broker ${broker.nodeId}: pid ${cluster.process(broker.nodeId)?.pid}, config ${broker.configPath}`,
    );
  }
  try {
    await starting;
  } catch (error) {
    if (stopping) return;
    say(`The cluster did not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  started = true;
  if (!stopping) say(`Bootstrap servers: ${bootstrapServers(plan.brokers)}`);
}

await main();
