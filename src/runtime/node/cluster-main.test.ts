import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { BrokerProcess } from "./broker-process.ts";
import { freePortRange } from "./testing/free-ports.ts";
import { askApiVersions, parseBootstrapServers } from "./testing/probe.ts";

/** cluster-main as a child process, its output collected line by line. */
class ClusterMain {
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private waiters: { pattern: RegExp; resolve(match: RegExpExecArray): void }[] = [];

  constructor(args: string[]) {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const main = fileURLToPath(new URL("./cluster-main.ts", import.meta.url));
    this.child = spawn(process.execPath, ["--import", tsx, main, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      createInterface({ input: stream }).on("line", (line) => this.receive(line));
    }
    this.exited = new Promise((resolve) => this.child.once("close", (code) => resolve(code)));
  }

  /** The first line (already printed or still to come) matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs = 90_000): Promise<RegExpExecArray> {
    for (const line of this.lines) {
      const match = pattern.exec(line);
      if (match !== null) return Promise.resolve(match);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no line matching ${pattern} in:\n${this.lines.join("\n")}`)),
        timeoutMs,
      );
      this.waiters.push({ pattern, resolve: (match) => (clearTimeout(timer), resolve(match)) });
    });
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  private receive(line: string): void {
    this.lines.push(line);
    this.waiters = this.waiters.filter((waiter) => {
      const match = waiter.pattern.exec(line);
      if (match !== null) waiter.resolve(match);
      return match === null;
    });
  }
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

describe("cluster-main", () => {
  it("runs three brokers, reports one killed from outside, and lets it restart from its config", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cluster-main-"));
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const basePort = await freePortRange(3);
    const controllerBasePort = await freePortRange(3);
    const main = new ClusterMain([
      "--brokers",
      "3",
      "--data-dir",
      dataDir,
      "--base-port",
      String(basePort),
      "--controller-base-port",
      String(controllerBasePort),
    ]);
    cleanup.push(async () => {
      main.signal("SIGKILL");
      await main.exited;
    });

    const [, servers] = await main.waitFor(/^Bootstrap servers: (\S+)$/);
    expect(servers).toBe(
      `127.0.0.1:${basePort},127.0.0.1:${basePort + 1},127.0.0.1:${basePort + 2}`,
    );
    for (const { host, port } of parseBootstrapServers(servers!)) {
      expect((await askApiVersions(host, port)).errorCode).toBe(0);
    }
    expect(
      main.lines.some((line) =>
        /^broker-2 \| \[.*\] INFO \[KafkaRaftServer nodeId=2\] Kafka Server started/.test(line),
      ),
    ).toBe(true);

    const [, pid] = await main.waitFor(/^Broker 2: pid (\d+),/);
    process.kill(Number(pid), "SIGKILL");
    await main.waitFor(/^Broker 2 was killed by SIGKILL; it is not restarted/);
    const [, restartConfig] = await main.waitFor(/^ {2}npm run broker -- --config (\S+)$/);
    expect(restartConfig).toBe(join(dataDir, "broker-2", "server.properties"));
    await expect(askApiVersions("127.0.0.1", basePort + 1)).rejects.toThrow(/ECONNREFUSED/);

    const restarted = BrokerProcess.spawn({ nodeId: 2, configPath: restartConfig! });
    cleanup.push(async () => void (await restarted.signal("SIGKILL")));
    await restarted.waitUntilStarted(60_000);
    expect((await askApiVersions("127.0.0.1", basePort + 1)).errorCode).toBe(0);
    expect(await restarted.signal("SIGTERM")).toEqual({ code: 0, signal: null });

    main.signal("SIGINT");
    expect(await main.exited).toBe(0);
    expect(main.lines).toContain("All brokers stopped.");
  });

  it("refuses bad options with exit status 1", async () => {
    const main = new ClusterMain(["--brokers", "3", "--voters", "2"]);
    expect(await main.exited).toBe(1);
    expect(main.lines).toContain("cluster: --voters must be 1, 3 or 5, not 2");
  });
});
