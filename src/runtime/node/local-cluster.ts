/**
 * A local cluster of broker-main processes, one per planned node: writes each node's
 * server.properties, starts them all and waits until each listens, stops them, and (for
 * tests and benchmarks) kills or restarts one. It never restarts a node by itself: a node
 * that dies is reported through `onExit`, as an operator would see it.
 */
import { BrokerProcess, type ProcessExit } from "./broker-process.ts";
import { writeServerProperties, type PlannedBroker } from "./cluster-layout.ts";

export const DEFAULT_START_TIMEOUT_MS = 60_000;

export interface LocalClusterOptions {
  onLine?(nodeId: number, line: string, stream: "stdout" | "stderr"): void;
  /** `expected` is true when this cluster sent the signal (stop, kill). */
  onExit?(nodeId: number, exit: ProcessExit, expected: boolean): void;
  startTimeoutMs?: number;
  cwd?: string;
}

export class LocalCluster {
  private readonly processes = new Map<number, BrokerProcess>();
  private readonly expectedExits = new Set<BrokerProcess>();

  constructor(
    readonly brokers: readonly PlannedBroker[],
    private readonly options: LocalClusterOptions = {},
  ) {}

  /** Write every node's config, start every node, and wait until all have started. */
  async start(): Promise<void> {
    for (const broker of this.brokers) writeServerProperties(broker);
    const spawned = this.brokers.map((broker) => this.spawn(broker));
    try {
      await Promise.all(spawned.map((child) => child.waitUntilStarted(this.startTimeoutMs)));
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  broker(nodeId: number): PlannedBroker {
    const broker = this.brokers.find((candidate) => candidate.nodeId === nodeId);
    if (broker === undefined) throw new RangeError(`no node ${nodeId} in this cluster`);
    return broker;
  }

  process(nodeId: number): BrokerProcess | undefined {
    return this.processes.get(nodeId);
  }

  isRunning(nodeId: number): boolean {
    return this.processes.get(nodeId)?.running ?? false;
  }

  /** Start a node that is not running, from its server.properties, and wait until it listens. */
  async restart(nodeId: number): Promise<BrokerProcess> {
    if (this.isRunning(nodeId)) throw new Error(`node ${nodeId} is still running`);
    const child = this.spawn(this.broker(nodeId));
    await child.waitUntilStarted(this.startTimeoutMs);
    return child;
  }

  /** Signal one node (SIGKILL by default: no goodbye) and wait until it is gone. */
  async kill(nodeId: number, signal: NodeJS.Signals = "SIGKILL"): Promise<ProcessExit> {
    const child = this.processes.get(nodeId);
    if (child === undefined) throw new Error(`node ${nodeId} was never started`);
    this.expectedExits.add(child);
    return child.signal(signal);
  }

  /** SIGTERM every running node (a controlled shutdown each) and wait for all of them. */
  async stop(): Promise<void> {
    const running = [...this.processes.values()].filter((child) => child.running);
    for (const child of running) this.expectedExits.add(child);
    await Promise.all(running.map((child) => child.signal("SIGTERM")));
  }

  private get startTimeoutMs(): number {
    return this.options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  }

  private spawn(broker: PlannedBroker): BrokerProcess {
    const child = BrokerProcess.spawn({
      nodeId: broker.nodeId,
      configPath: broker.configPath,
      cwd: this.options.cwd,
      onLine: (line, stream) => this.options.onLine?.(broker.nodeId, line, stream),
    });
    this.processes.set(broker.nodeId, child);
    void child.exited.then((exit) =>
      this.options.onExit?.(broker.nodeId, exit, this.expectedExits.has(child)),
    );
    return child;
  }
}
