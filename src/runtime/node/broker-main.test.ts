import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BrokerProcess, brokerMainCommand } from "./broker-process.ts";
import { askApiVersions } from "./testing/probe.ts";
import { freePorts } from "./testing/free-ports.ts";

let dir = "";
let broker: BrokerProcess | null = null;
afterEach(async () => {
  await broker?.signal("SIGKILL");
  broker = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Run broker-main to its end; its exit status and output. */
function runToExit(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { command, args: base } = brokerMainCommand();
  const child = spawn(command, [...base, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

describe("broker-main as a process", () => {
  it("starts from server.properties plus command-line overrides, answers over TCP, and exits 0 on SIGTERM", async () => {
    dir = mkdtempSync(join(tmpdir(), "broker-main-"));
    const [plaintext, controller] = await freePorts(2);
    const configPath = join(dir, "server.properties");
    writeFileSync(
      configPath,
      [
        "# node.id comes from the command line",
        "process.roles = broker,controller",
        `listeners: PLAINTEXT://127.0.0.1:${plaintext},CONTROLLER://127.0.0.1:${controller}`,
        `controller.quorum.voters 1@127.0.0.1:${controller}`,
        `log.dirs=${join(dir, "logs")}`,
      ].join("\n"),
    );
    broker = BrokerProcess.spawn({
      nodeId: 1,
      configPath,
      args: ["--node.id", "1", "--override", "num.partitions=2"],
    });
    await broker.waitUntilStarted(60_000);
    expect(broker.recentLines().join("\n")).toMatch(
      /INFO node.id=1, process.roles=broker,controller, cluster.id=\S+, log.dirs=\S+ \(kafka.server.KafkaConfig\)/,
    );

    const answer = await askApiVersions("127.0.0.1", plaintext!);
    expect(answer.errorCode).toBe(0);
    expect(answer.apiKeys.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, "logs"))).toBe(true);

    const exit = await broker.signal("SIGTERM");
    expect(exit).toEqual({ code: 0, signal: null });
    expect(broker.recentLines().join("\n")).toMatch(
      /\[KafkaRaftServer nodeId=1\] shut down completed/,
    );
  });

  it("exits 1 with a message naming the key when a setting is missing or bad", async () => {
    dir = mkdtempSync(join(tmpdir(), "broker-main-"));
    const configPath = join(dir, "server.properties");
    writeFileSync(
      configPath,
      "node.id=1\nprocess.roles=broker,controller\nlisteners=PLAINTEXT://127.0.0.1:1,CONTROLLER://127.0.0.1:2\n",
    );
    const missing = await runToExit(["--config", configPath]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /ERROR Exiting Kafka due to a configuration error: controller.quorum.voters is required/,
    );

    const malformed = await runToExit([
      configPath,
      "--override",
      "controller.quorum.voters=1@127.0.0.1:2",
      "--node.id=x",
    ]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/node.id must be a whole number \(an int\), not "x"/);
  });

  it("prints its usage with --help", async () => {
    const help = await runToExit(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run broker -- --config server.properties/);
  });
});
