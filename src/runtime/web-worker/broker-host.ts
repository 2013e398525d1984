/**
 * The page's side of a broker worker: starts it, and opens Kafka connections to it, each a
 * MessageChannel whose far end is transferred into the worker.
 */
import * as Comlink from "comlink";
import { Connection, type ExchangeObserver } from "../../client/connection.ts";
import type { BrokerWorkerApi } from "./broker-worker.ts";
import { MessagePortTransport } from "./message-port-transport.ts";

export class BrokerHost {
  private readonly worker: Worker;
  private readonly remote: Comlink.Remote<BrokerWorkerApi>;

  private constructor(readonly brokerId: number) {
    this.worker = new Worker(new URL("./broker-worker.ts", import.meta.url), {
      type: "module",
      name: `broker-${brokerId}`,
    });
    this.remote = Comlink.wrap<BrokerWorkerApi>(this.worker);
  }

  static async start(brokerId: number): Promise<BrokerHost> {
    const host = new BrokerHost(brokerId);
    await host.remote.start(brokerId);
    return host;
  }

  /** A new Kafka connection from the page to this broker. */
  async connect(clientId: string, observe?: ExchangeObserver): Promise<Connection> {
    const channel = new MessageChannel();
    await this.remote.acceptConnection(Comlink.transfer(channel.port2, [channel.port2]));
    return new Connection(new MessagePortTransport(channel.port1), clientId, 100, observe);
  }

  /** Kill: no goodbye, like pulling the plug. */
  kill(): void {
    this.remote[Comlink.releaseProxy]();
    this.worker.terminate();
  }
}
