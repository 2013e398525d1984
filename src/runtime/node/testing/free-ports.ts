/**
 * Free TCP ports on 127.0.0.1 for tests: asked of the OS (port 0) while all are held, so
 * they differ, then released. Another process could take one in between; tests accept that
 * small race, as every port-0 helper does.
 */
import { createServer, type Server } from "node:net";

function listen(port: number): Promise<Server | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(null));
    server.listen({ host: "127.0.0.1", port, exclusive: true }, () => resolve(server));
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

async function release(servers: Server[]): Promise<void> {
  await Promise.all(
    servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
}

export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const server = await listen(0);
      if (server === null) throw new Error("could not get a free port");
      servers.push(server);
    }
    return servers.map(portOf);
  } finally {
    await release(servers);
  }
}

/** `count` consecutive free ports (for tools that take a base port), from a random start. */
export async function freePortRange(count: number, attempts = 50): Promise<number> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const servers: Server[] = [];
    for (let offset = 0; offset < count; offset++) {
      const server = await listen(base + offset);
      if (server === null) break;
      servers.push(server);
    }
    await release(servers);
    if (servers.length === count) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}
