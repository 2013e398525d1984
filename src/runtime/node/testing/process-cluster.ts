/**
 * Process control for tests and benchmarks: a cluster of N real broker processes on free
 * ports in a temp dir. Start waits until each listens; a node can be SIGKILLed (no
 * goodbye, like pulling the plug) and restarted from its server.properties; stop shuts
 * every node down and removes the temp dir.
 *
 *   const cluster = await ProcessCluster.start({ brokers: 3 });
 *   await cluster.kill(2);
 *   await cluster.restart(2);
 *   await cluster.stop();
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrokerProcess, ProcessExit } from "../broker-process.ts";
import { bootstrapServers, planCluster, type PlannedBroker } from "../cluster-layout.ts";
import type { HostPort } from "../endpoint-lists.ts";
import { LocalCluster } from "../local-cluster.ts";
import { freePorts } from "./free-ports.ts";

export interface ProcessClusterOptions {
  brokers: number;
  /** 1, 3 or 5 (default: min(3, brokers)). */
  voters?: number;
  /** Broker properties for every node, by Kafka's names. */
  properties?: Record<string, string>;
  startTimeoutMs?: number;
  /** Print every node's output, prefixed with its id (handy when a test fails). */
  echo?: boolean;
}

export class ProcessCluster {
  private constructor(
    readonly dataDir: string,
    private readonly cluster: LocalCluster,
  ) {}

  static async start(options: ProcessClusterOptions): Promise<ProcessCluster> {
    const ports = await freePorts(options.brokers * 2);
    const dataDir = mkdtempSync(join(tmpdir(), "kafka-playground-cluster-"));
    const brokers = planCluster({
      brokers: options.brokers,
      voters: options.voters,
      dataDir,
      plaintextPort: (nodeId) => ports[nodeId - 1]!,
      controllerPort: (nodeId) => ports[options.brokers + nodeId - 1]!,
      properties: new Map(Object.entries(options.properties ?? {})),
    });
    const cluster = new LocalCluster(brokers, {
      startTimeoutMs: options.startTimeoutMs,
      onLine:
        options.echo === true
          ? (nodeId, line) => process.stdout.write(`broker-${nodeId} | ${line}\n`)
          : undefined,
    });
    try {
      await cluster.start();
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
    return new ProcessCluster(dataDir, cluster);
  }

  get brokers(): readonly PlannedBroker[] {
    return this.cluster.brokers;
  }

  get bootstrapServers(): string {
    return bootstrapServers(this.cluster.brokers);
  }

  /** Where a node's PLAINTEXT listener is. */
  endpoint(nodeId: number): HostPort {
    return this.cluster.broker(nodeId).plaintext;
  }

  process(nodeId: number): BrokerProcess | undefined {
    return this.cluster.process(nodeId);
  }

  isRunning(nodeId: number): boolean {
    return this.cluster.isRunning(nodeId);
  }

  /** SIGKILL one node and wait until it is gone. */
  kill(nodeId: number): Promise<ProcessExit> {
    return this.cluster.kill(nodeId, "SIGKILL");
  }

  /** Start a stopped or killed node again from its server.properties; waits until it listens. */
  async restart(nodeId: number): Promise<void> {
    await this.cluster.restart(nodeId);
  }

  /** Shut every node down (SIGTERM) and remove the data dir. */
  async stop(): Promise<void> {
    await this.cluster.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
