/**
 * The page's handle on one node worker: the Worker itself, its comlink proxy (control
 * plane) and the port its telemetry batches arrive on.
 */
import * as Comlink from "comlink";
import type { NodeWorkerApi } from "./node-worker.ts";
import type { NodeWorkerInit } from "./node-worker-protocol.ts";
import type { StorageKind } from "./node-storage.ts";
import type { TelemetryBatch } from "./telemetry-batch.ts";

export interface NodeWorkerEvents {
  telemetry(batch: TelemetryBatch): void;
  /** An error the worker did not catch (it keeps running). */
  error(message: string): void;
}

export class NodeWorkerHandle {
  readonly remote: Comlink.Remote<NodeWorkerApi>;
  private readonly worker: Worker;
  private readonly telemetryChannel = new MessageChannel();
  /** Prepared, and not terminated: control calls reach it. */
  ready = false;
  private terminated = false;

  constructor(
    readonly nodeId: number,
    events: NodeWorkerEvents,
  ) {
    this.worker = new Worker(new URL("./node-worker.ts", import.meta.url), {
      type: "module",
      name: `broker-${nodeId}`,
    });
    this.worker.addEventListener("error", (event) => events.error(event.message));
    this.remote = Comlink.wrap<NodeWorkerApi>(this.worker);
    this.telemetryChannel.port1.onmessage = (event: MessageEvent<TelemetryBatch>) =>
      events.telemetry(event.data);
  }

  async prepare(init: NodeWorkerInit): Promise<StorageKind> {
    const port = this.telemetryChannel.port2;
    const { storage } = await this.remote.prepare(init, Comlink.transfer(port, [port]));
    this.ready = !this.terminated;
    return storage;
  }

  get alive(): boolean {
    return !this.terminated;
  }

  /** worker.terminate(): no goodbye; only what the node wrote to storage survives. */
  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.ready = false;
    this.remote[Comlink.releaseProxy]();
    this.worker.terminate();
    this.telemetryChannel.port1.close();
  }
}
