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

/** Why a control call to a terminated worker fails. */
export class NodeWorkerEndedError extends Error {
  constructor(nodeId: number) {
    super(`node ${nodeId}'s worker has ended`);
    this.name = "NodeWorkerEndedError";
  }
}

type RemoteMethods = Record<PropertyKey, (...args: unknown[]) => Promise<unknown>>;

/**
 * `remote`, except that every call still waiting when `ended` rejects fails with it.
 * Comlink's release forgets the calls in flight without settling them, and a call that
 * never settles holds its caller forever: the page's once-a-second poll once waited on a
 * killed broker's status and never polled again.
 */
function failingOnEnd<T>(
  remote: Comlink.Remote<T>,
  ended: Promise<never>,
  isEnded: () => boolean,
): Comlink.Remote<T> {
  const methods = remote as unknown as RemoteMethods;
  return new Proxy({} as Comlink.Remote<T>, {
    get(_target, method) {
      // Not a thenable: `await handle.remote` must not look for a `then` method.
      if (method === "then") return undefined;
      return (...args: unknown[]) =>
        isEnded() ? ended : Promise.race([methods[method]!(...args), ended]);
    },
  });
}

export class NodeWorkerHandle {
  /** Control calls; each fails with NodeWorkerEndedError if the worker ends first. */
  readonly remote: Comlink.Remote<NodeWorkerApi>;
  private readonly proxy: Comlink.Remote<NodeWorkerApi>;
  private readonly ended: Promise<never>;
  private end!: (error: Error) => void;
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
    this.proxy = Comlink.wrap<NodeWorkerApi>(this.worker);
    this.ended = new Promise<never>((_resolve, reject) => (this.end = reject));
    // Callers see the rejection through their own calls; the promise itself needs no handler.
    this.ended.catch(() => {});
    this.remote = failingOnEnd(this.proxy, this.ended, () => this.terminated);
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
    this.proxy[Comlink.releaseProxy]();
    this.worker.terminate();
    this.end(new NodeWorkerEndedError(this.nodeId));
    this.telemetryChannel.port1.close();
  }
}
