import { mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Connection, ConnectionError } from "../../client/connection.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { ApiVersionsResponse } from "../../protocol/generated/messages/api-versions-response.ts";
import { KafkaLogger } from "./kafka-log.ts";
import { startKafkaServer, type KafkaServer } from "./kafka-server.ts";
import { deriveServerConfig } from "./server-properties.ts";
import { listenTcp, type TcpListener } from "./tcp-listener.ts";
import { TcpTransport } from "./tcp-transport.ts";
import { freePorts } from "./testing/free-ports.ts";

/** A whole frame: 4-byte size, then `body`. */
function frame(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setInt32(0, body.length);
  out.set(body, 4);
  return out;
}

function closeOf(transport: TcpTransport): Promise<string> {
  return new Promise((resolve) => transport.onClose(resolve));
}

function rawClient(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port }, () => resolve(socket));
    socket.once("error", reject);
  });
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startNode(): Promise<{ server: KafkaServer; log: string[] }> {
  const [controllerPort] = await freePorts(1);
  const logDir = mkdtempSync(join(tmpdir(), "tcp-transport-"));
  cleanups.push(() => rmSync(logDir, { recursive: true, force: true }));
  const config = deriveServerConfig(
    new Map([
      ["node.id", "1"],
      ["process.roles", "broker,controller"],
      ["listeners", `PLAINTEXT://127.0.0.1:0,CONTROLLER://127.0.0.1:${controllerPort}`],
      ["controller.quorum.voters", `1@127.0.0.1:${controllerPort}`],
      ["log.dirs", logDir],
    ]),
  );
  const log: string[] = [];
  const server = await startKafkaServer(config, new KafkaLogger((text) => log.push(text)));
  cleanups.push(() => server.shutdown());
  return { server, log };
}

async function listen(
  onConnection: (transport: TcpTransport) => void,
  transport = {},
): Promise<TcpListener> {
  const listener = await listenTcp({
    name: "PLAINTEXT",
    host: "127.0.0.1",
    port: 0,
    transport,
    onConnection,
  });
  cleanups.push(() => listener.close());
  return listener;
}

describe("Kafka over TCP", () => {
  it("answers ApiVersions from a node started by startKafkaNode, with requests sent before the socket connects", async () => {
    const { server, log } = await startNode();
    const plaintext = server.listeners.find((listener) => listener.name === "PLAINTEXT")!;
    expect(plaintext.port).toBeGreaterThan(0);
    expect(server.nodeConfig.advertised.PLAINTEXT.port).toBe(plaintext.port);
    expect(log.join("")).toMatch(
      /INFO \[KafkaRaftServer nodeId=1\] Kafka Server started \(kafka.server.KafkaRaftServer\)/,
    );

    const connection = new Connection(
      TcpTransport.connect("127.0.0.1", plaintext.port),
      "tcp-test",
    );
    // Both go out before the connect completes: the transport holds them until then.
    const [v0, v3] = await Promise.all([
      connection.request<ApiVersionsResponse>(ApiKey.ApiVersions, 0, {}),
      connection.request<ApiVersionsResponse>(ApiKey.ApiVersions, 3, {
        clientSoftwareName: "tcp-test",
        clientSoftwareVersion: "1",
      }),
    ]);
    for (const answer of [v0, v3]) {
      expect(answer.errorCode).toBe(0);
      expect(answer.apiKeys.some((api) => api.apiKey === ApiKey.ApiVersions)).toBe(true);
    }
    connection.close();
    await until(() => plaintext.openConnections === 0);
  });

  it("reports a refused connection as a close", async () => {
    const [port] = await freePorts(1);
    const transport = TcpTransport.connect("127.0.0.1", port!);
    const connection = new Connection(transport, "refused");
    const request = connection.request(ApiKey.ApiVersions, 3, {});
    await expect(request).rejects.toThrow(ConnectionError);
    await expect(request).rejects.toThrow(/ECONNREFUSED/);
    expect(connection.closed).toBe(true);
    expect(transport.closed).toBe(true);
  });

  it("reassembles frames split across and packed into TCP chunks", async () => {
    const received: number[][] = [];
    const listener = await listen((transport) =>
      transport.onFrame((bytes) => received.push([...bytes])),
    );
    const client = await rawClient(listener.port);
    cleanups.push(() => void client.destroy());
    const first = frame(new Uint8Array([1, 2, 3]));
    const second = frame(new Uint8Array([4]));
    for (const byte of first) client.write(new Uint8Array([byte]));
    client.write(new Uint8Array([...second, ...frame(new Uint8Array(0))]));
    await until(() => received.length === 3);
    expect(received).toEqual([[...first], [...second], [0, 0, 0, 0]]);
  });

  it("closes a connection whose frame is over socket.request.max.bytes", async () => {
    const closed: string[] = [];
    const listener = await listen(
      (transport) => {
        transport.onFrame(() => {});
        transport.onClose((reason) => closed.push(reason));
      },
      { maxFrameBytes: 1000 },
    );
    const client = await rawClient(listener.port);
    const clientClosed = new Promise((resolve) => client.once("close", resolve));
    client.write(frame(new Uint8Array(1001)).subarray(0, 64));
    await clientClosed;
    expect(closed).toEqual(["frame size 1001 is over the limit of 1000 bytes"]);
  });

  it("stops reading requests while responses wait for a client that does not read", async () => {
    const requests: number[] = [];
    const response = frame(new Uint8Array(8 * 1024 * 1024));
    const listener = await listen((transport) =>
      transport.onFrame((bytes) => {
        requests.push(bytes[4]!);
        transport.send(response);
      }),
    );
    const client = await rawClient(listener.port);
    cleanups.push(() => void client.destroy());
    client.pause();
    for (const id of [1, 2, 3]) client.write(frame(new Uint8Array([id])));
    await until(() => requests.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toEqual([1]);

    let responseBytes = 0;
    client.on("data", (chunk: Buffer) => (responseBytes += chunk.length));
    client.resume();
    await until(() => requests.length === 3 && responseBytes === 3 * response.length, 15_000);
    expect(requests).toEqual([1, 2, 3]);
  });

  it("closes a connection whose unsent bytes pass the limit", async () => {
    let reason: Promise<string> | null = null;
    const listener = await listen(
      (transport) => {
        reason = closeOf(transport);
        transport.onFrame(() => {
          for (let count = 0; count < 4; count++)
            transport.send(frame(new Uint8Array(4 * 1024 * 1024)));
        });
      },
      { pauseReadingWhileBacklogged: false, maxUnsentBytes: 1024 * 1024 },
    );
    const client = await rawClient(listener.port);
    cleanups.push(() => void client.destroy());
    client.pause();
    client.write(frame(new Uint8Array([1])));
    await until(() => reason !== null);
    await expect(reason!).resolves.toMatch(/more than 1048576 bytes wait to be sent/);
  });
});
