/**
 * The broker's Web Worker. The page drives it through comlink (the control plane) and
 * hands it one MessagePort per client connection, on which real Kafka frames travel (the
 * data plane).
 */
import * as Comlink from "comlink";
import { createHandlerRegistry } from "../../server/handler-registry.ts";
import { dispatchRequest } from "../../server/request-dispatcher.ts";
import { MessagePortTransport } from "./message-port-transport.ts";

const registry = createHandlerRegistry();
let brokerId = -1;

const api = {
  start(id: number): void {
    brokerId = id;
  },
  /** Serve Kafka requests arriving on `port` until either side hangs up. */
  acceptConnection(port: MessagePort): void {
    const transport = new MessagePortTransport(port);
    transport.onFrame(async (frame) => {
      const result = await dispatchRequest(registry, frame, undefined);
      if (result.kind === "respond") transport.send(result.frame);
      else if (result.kind === "disconnect") transport.close(result.reason);
    });
  },
  describe(): { brokerId: number } {
    return { brokerId };
  },
};

export type BrokerWorkerApi = typeof api;

Comlink.expose(api);
