import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseBrokerCommandLine } from "./broker-command-line.ts";
import { ConfigError } from "./config-error.ts";
import { loadServerConfig } from "./load-server-config.ts";

describe("broker-main's command line", () => {
  it("takes --config or a bare file, --override key=value and --key value / --key=value", () => {
    expect(
      parseBrokerCommandLine([
        "server.properties",
        "--override",
        "num.partitions=3",
        "--node.id",
        "2",
        "--log.dirs=/x=y",
      ]),
    ).toEqual({
      configPath: "server.properties",
      overrides: [
        ["num.partitions", "3"],
        ["node.id", "2"],
        ["log.dirs", "/x=y"],
      ],
      clusterId: null,
      help: false,
    });
    const long = parseBrokerCommandLine([
      "--config=a.properties",
      "--override=k=v=w",
      "--cluster-id",
      "MkU3OEVBNTcwNTJENDM2Qk",
      "-h",
    ]);
    expect(long).toEqual({
      configPath: "a.properties",
      overrides: [["k", "v=w"]],
      clusterId: "MkU3OEVBNTcwNTJENDM2Qk",
      help: true,
    });
  });

  it.each([
    [["--node.id"], /^--node.id needs a value/],
    [["--node.id", "--override", "a=b"], /^--node.id needs a value/],
    [["--override", "novalue"], /^--override takes key=value, not "novalue"/],
    [["--override", "=v"], /^--override takes key=value/],
    [["a.properties", "b.properties"], /^unexpected argument "b.properties"/],
    [["--config", "a", "--config", "b"], /^--config given twice/],
    [["--=x"], /^unknown option --/],
  ])("rejects %j", (args, message) => {
    expect(() => parseBrokerCommandLine(args)).toThrow(ConfigError);
    expect(() => parseBrokerCommandLine(args)).toThrow(message);
  });
});

describe("loading a server config", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the file, lets overrides win, resolves the log dir, and finds meta.properties", () => {
    dir = mkdtempSync(join(tmpdir(), "server-config-"));
    writeFileSync(
      join(dir, "server.properties"),
      [
        "node.id=1",
        "process.roles=broker,controller",
        "listeners=PLAINTEXT://127.0.0.1:9092,\\",
        "  CONTROLLER://127.0.0.1:19092",
        "controller.quorum.voters=1@127.0.0.1:19092",
        "log.dirs=data",
        "num.partitions=1",
      ].join("\n"),
    );
    const commandLine = parseBrokerCommandLine([
      "server.properties",
      "--override",
      "num.partitions=4",
    ]);
    const config = loadServerConfig(commandLine, dir);
    expect(config.logDir).toBe(join(dir, "data"));
    expect(config.node.properties["num.partitions"]).toBe("4");
    expect(config.listeners).toHaveLength(2);

    const metaDir = join(dir, "data");
    mkdirSync(metaDir, { recursive: true });
    writeFileSync(
      join(metaDir, "meta.properties"),
      "#\ncluster.id=c2VydmVyLXByb3BlcnRpZQ\ndirectory.id=AAAAAAAAAAAAAAAAAAAAAA\nnode.id=1\nversion=1\n",
    );
    expect(loadServerConfig(commandLine, dir).node.clusterId).toBe("c2VydmVyLXByb3BlcnRpZQ");
  });

  it("reports a missing file and a missing --config", () => {
    dir = mkdtempSync(join(tmpdir(), "server-config-"));
    expect(() => loadServerConfig(parseBrokerCommandLine(["nope.properties"]), dir)).toThrow(
      /cannot read the properties file .*nope.properties: no such file/,
    );
    expect(() => loadServerConfig(parseBrokerCommandLine([]), dir)).toThrow(/no properties given/);
  });
});
