/**
 * One TCP server per Kafka listener (PLAINTEXT, CONTROLLER): each accepted socket becomes
 * a TcpTransport handed to `onConnection`. Closing the listener stops accepting and cuts
 * every connection it accepted, like a process going away.
 */
import { createServer, type Server, type Socket } from "node:net";
import type { ListenerName } from "../../client/node-requester.ts";
import { TcpTransport, type TcpTransportOptions } from "./tcp-transport.ts";

/** Kafka's socket.listen.backlog.size default. */
export const LISTEN_BACKLOG = 50;

export interface TcpListenerOptions {
  name: ListenerName;
  /** "" binds every interface, as an empty host does in Kafka's listeners. */
  host: string;
  /** 0 binds any free port; `port` on the result says which. */
  port: number;
  transport?: TcpTransportOptions;
  onConnection(transport: TcpTransport): void;
}

export interface TcpListener {
  readonly name: ListenerName;
  readonly host: string;
  readonly port: number;
  readonly openConnections: number;
  close(): Promise<void>;
}

export async function listenTcp(options: TcpListenerOptions): Promise<TcpListener> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    options.onConnection(
      new TcpTransport(socket, { pauseReadingWhileBacklogged: true, ...options.transport }),
    );
  });
  await bind(server, options.host, options.port);
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  return {
    name: options.name,
    host: options.host,
    port,
    get openConnections() {
      return sockets.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function bind(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const reason = error.code === "EADDRINUSE" ? "Address already in use" : error.message;
      reject(new Error(`Socket server failed to bind to ${host}:${port}: ${reason}.`));
    };
    server.once("error", onError);
    server.listen({ host: host === "" ? undefined : host, port, backlog: LISTEN_BACKLOG }, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
