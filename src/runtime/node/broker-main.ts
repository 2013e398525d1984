/**
 * `npm run broker -- --config server.properties [--override key=value]...`: one OS process,
 * one Kafka node, serving Kafka's protocol over TCP. Logs go to stdout in Kafka's format;
 * SIGTERM or SIGINT shuts the node down (controlled shutdown) and exits 0; a bad setting or
 * a failed start exits 1.
 */
import { BROKER_USAGE, parseBrokerCommandLine } from "./broker-command-line.ts";
import { ConfigError } from "./config-error.ts";
import { KAFKA_MAIN, KAFKA_RAFT_SERVER, KafkaLogger } from "./kafka-log.ts";
import type { KafkaServer } from "./kafka-server.ts";
import { loadServerConfig } from "./load-server-config.ts";
import type { ServerConfig } from "./server-properties.ts";

/** A shutdown that takes longer than this is abandoned, and the process exits 1. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

/** False once stdout fails (EPIPE): writing on would only fail again. */
let stdoutOpen = true;
const logger = new KafkaLogger((text) => {
  if (stdoutOpen) process.stdout.write(text);
});

function readConfig(): ServerConfig | null {
  try {
    const commandLine = parseBrokerCommandLine(process.argv.slice(2));
    if (commandLine.help) {
      process.stdout.write(`${BROKER_USAGE}\n`);
      process.exit(0);
    }
    return loadServerConfig(commandLine);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    new KafkaLogger((text) => process.stderr.write(text)).error(
      KAFKA_MAIN,
      `Exiting Kafka due to a configuration error: ${error.message}`,
    );
    return null;
  }
}

/**
 * SIGTERM / SIGINT: a controlled shutdown, then exit 0. Handled from the very start, so a
 * signal during startup shuts the node down as soon as it is up. The same happens when
 * whoever reads the log goes away (stdout closed) or the parent that started this node
 * with an IPC channel (cluster-main) dies, so no node outlives its cluster unnoticed.
 */
function handleSignals(nodeId: number): (server: KafkaServer) => void {
  let server: KafkaServer | null = null;
  let requested: string | null = null;
  const shutDown = (running: KafkaServer, cause: string) => {
    logger.info(KAFKA_RAFT_SERVER(nodeId), `${cause}; shutting down`);
    setTimeout(() => {
      logger.error(
        KAFKA_RAFT_SERVER(nodeId),
        `Shutdown did not finish within ${SHUTDOWN_TIMEOUT_MS} ms; exiting`,
      );
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    running.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(KAFKA_RAFT_SERVER(nodeId), "Shutdown failed", error);
        process.exit(1);
      },
    );
  };
  const onStop = (cause: string) => {
    if (requested !== null) {
      logger.info(KAFKA_RAFT_SERVER(nodeId), `Already shutting down; ignoring: ${cause}`);
      return;
    }
    requested = cause;
    if (server !== null) shutDown(server, cause);
  };
  process.on("SIGTERM", () => onStop("Received SIGTERM"));
  process.on("SIGINT", () => onStop("Received SIGINT"));
  process.stdout.on("error", () => {
    stdoutOpen = false;
    onStop("The log's reader went away");
  });
  if (process.send !== undefined)
    process.on("disconnect", () => onStop("The parent process went away"));
  return (started) => {
    server = started;
    if (requested !== null) shutDown(started, requested);
  };
}

async function main(): Promise<void> {
  const config = readConfig();
  if (config === null) {
    process.exitCode = 1;
    return;
  }
  // A bug in one request or timer must not take the whole node down: log it, as Kafka's
  // threads log an uncaught exception, and keep serving.
  process.on("uncaughtException", (error) => logger.error(KAFKA_MAIN, "Uncaught exception", error));
  process.on("unhandledRejection", (error) =>
    logger.error(KAFKA_MAIN, "Unhandled rejection", error),
  );
  const nodeId = config.node.nodeId;
  logger.info(
    { logger: "kafka.server.KafkaConfig" },
    `node.id=${nodeId}, process.roles=${config.roles.join(",")}, cluster.id=${config.node.clusterId}, log.dirs=${config.logDir}`,
  );
  const started = handleSignals(nodeId);
  try {
    // Loaded only now, so --help and a bad setting answer without loading the whole core.
    const { startKafkaServer } = await import("./kafka-server.ts");
    started(await startKafkaServer(config, logger));
  } catch (error) {
    logger.error(KAFKA_MAIN, "Exiting Kafka due to fatal exception during startup.", error);
    process.exit(1);
  }
}

await main();
