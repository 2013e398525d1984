import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { BOOTSTRAP, toolRunner } from "../testing/tool-runner.ts";
import { topicsTool } from "../topics/topics.ts";
import { configsTool } from "./configs.ts";

describe("kafka-configs against a simulated cluster", () => {
  it("describes and alters a topic's dynamic configs, with their synonyms", async () => {
    const sim = await readyCluster(401);
    const files = new MemoryFileSystem();
    const run = toolRunner(sim, files);
    const configs = (...args: string[]) => run(configsTool, [...BOOTSTRAP, ...args]);
    await run(topicsTool, [
      ...BOOTSTRAP,
      "--create",
      "--topic",
      "orders",
      "--config",
      "retention.ms=60000",
    ]);

    expect(
      await configs("--describe", "--entity-type", "topics", "--entity-name", "orders"),
    ).toEqual({
      exitCode: 0,
      out: [
        "Dynamic configs for topic orders are:",
        "  retention.ms=60000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=60000, DEFAULT_CONFIG:log.retention.ms=604800000}",
      ],
      err: [],
    });

    expect(
      await configs(
        "--alter",
        "--topic",
        "orders",
        "--add-config",
        "cleanup.policy=[compact,delete],max.message.bytes=2000",
        "--delete-config",
        "retention.ms",
      ),
    ).toEqual({ exitCode: 0, out: ["Completed updating config for topic orders."], err: [] });
    expect((await configs("--describe", "--topic", "orders")).out).toEqual([
      "Dynamic configs for topic orders are:",
      "  cleanup.policy=compact,delete sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete, DEFAULT_CONFIG:log.cleanup.policy=delete}",
      "  max.message.bytes=2000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:max.message.bytes=2000, DEFAULT_CONFIG:message.max.bytes=1048588}",
    ]);

    // --all: every config, sorted by name, defaults included.
    const all = await configs("--describe", "--topic", "orders", "--all");
    expect(all.out[0]).toBe("All configs for topic orders are:");
    expect(all.out).toContain(
      "  min.insync.replicas=1 sensitive=false synonyms={DEFAULT_CONFIG:min.insync.replicas=1}",
    );
    const names = all.out.slice(1).map((line) => line.trim().split("=")[0]!);
    expect(names).toEqual([...names].sort());
    expect(names.length).toBeGreaterThan(10);

    // Configs from a properties file.
    const file = await files.open("more.properties", { create: true });
    file.append(new TextEncoder().encode("segment.ms=3600000\n"));
    await file.close();
    expect(
      (await configs("--alter", "--topic", "orders", "--add-config-file", "more.properties")).out,
    ).toEqual(["Completed updating config for topic orders."]);
    expect((await configs("--describe", "--topic", "orders")).out).toContain(
      "  segment.ms=3600000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:segment.ms=3600000, DEFAULT_CONFIG:log.roll.ms=604800000}",
    );

    // Deleting a config the topic does not set, and a value the broker refuses.
    expect(
      await configs("--alter", "--topic", "orders", "--delete-config", "retention.ms,flush.ms"),
    ).toEqual({
      exitCode: 1,
      out: [],
      err: ["Invalid config(s): retention.ms,flush.ms"],
    });
    const refused = ["--alter", "--topic", "orders", "--add-config", "segment.ms=soon"];
    expect(await configs(...refused)).toEqual({
      exitCode: 1,
      out: [],
      err: [
        `Error while executing config command with args '${[...BOOTSTRAP, ...refused].join(" ")}'`,
        expect.stringMatching(
          /^java\.util\.concurrent\.ExecutionException: org\.apache\.kafka\.common\.errors\.InvalidConfigurationException: .*segment\.ms/,
        ),
        expect.stringMatching(
          /^Caused by: org\.apache\.kafka\.common\.errors\.InvalidConfigurationException: /,
        ),
      ],
    });

    expect(await configs("--describe", "--topic", "nowhere")).toEqual({
      exitCode: 0,
      out: ["The topic 'nowhere' doesn't exist and doesn't have dynamic config."],
      err: [],
    });
  }, 60_000);

  it("sets and shows the brokers' cluster-wide defaults", async () => {
    const sim = await readyCluster(402);
    const run = toolRunner(sim);
    const configs = (...args: string[]) => run(configsTool, [...BOOTSTRAP, ...args]);
    expect(
      await configs(
        "--alter",
        "--entity-type",
        "brokers",
        "--entity-default",
        "--add-config",
        "log.retention.ms=5000",
      ),
    ).toEqual({
      exitCode: 0,
      out: ["Completed updating default config for brokers in the cluster."],
      err: [],
    });
    await sim.scheduler.runFor(1_000);
    const defaultLine =
      "  log.retention.ms=5000 sensitive=false synonyms={DYNAMIC_DEFAULT_BROKER_CONFIG:log.retention.ms=5000}";
    expect((await configs("--describe", "--broker-defaults")).out).toEqual([
      "Default configs for brokers in the cluster are:",
      defaultLine,
    ]);
    // Every broker, then the defaults.
    expect((await configs("--describe", "--entity-type", "brokers")).out).toEqual([
      "Dynamic configs for broker 1 are:",
      "Dynamic configs for broker 2 are:",
      "Dynamic configs for broker 3 are:",
      "Default configs for brokers in the cluster are:",
      defaultLine,
    ]);
    expect((await configs("--describe", "--broker", "9")).out).toEqual([
      "The broker '9' doesn't exist and doesn't have dynamic config.",
    ]);
    // A topic config's value now falls back to the brokers' default.
    await run(topicsTool, [...BOOTSTRAP, "--create", "--topic", "t"]);
    const all = await configs("--describe", "--topic", "t", "--all");
    expect(all.out).toContain(
      "  retention.ms=5000 sensitive=false synonyms={DYNAMIC_DEFAULT_BROKER_CONFIG:log.retention.ms=5000, DEFAULT_CONFIG:log.retention.ms=604800000}",
    );
  }, 60_000);

  it("rejects bad command lines with Kafka's messages", async () => {
    const sim = await readyCluster(403);
    const run = toolRunner(sim);
    const configs = (...args: string[]) => run(configsTool, args);
    const alone = (message: string) => ({ exitCode: 1, out: [], err: [message] });

    const noArgs = await configs();
    expect(noArgs.exitCode).toBe(1);
    expect(noArgs.err[0]).toBe(
      "This tool helps to manipulate and describe entity config for a topic, client, user, broker, ip, client-metrics or group",
    );
    const noAction = await configs(...BOOTSTRAP, "--topic", "t");
    expect(noAction.err[0]).toBe("Command must include exactly one action: --describe, --alter");
    expect(noAction.err.length).toBeGreaterThan(10);
    const clash = await configs(...BOOTSTRAP, "--describe", "--topic", "t", "--add-config", "a=1");
    expect(clash.err[0]).toBe('Option "[describe]" can\'t be used with option "[add-config]"');

    expect(await configs(...BOOTSTRAP, "--describe", "--topic", "t", "--bogus")).toEqual(
      alone("bogus is not a recognized option"),
    );
    expect(await configs("--describe", "--topic", "t")).toEqual(
      alone("Either --bootstrap-server or --bootstrap-controller must be specified."),
    );
    expect(await configs(...BOOTSTRAP, "--describe", "--entity-type", "things")).toEqual(
      alone(
        "Invalid entity type things, the entity type must be one of broker-loggers, topics, clients, users, brokers, ips, client-metrics, groups with a --bootstrap-server or --bootstrap-controller argument",
      ),
    );
    expect(await configs(...BOOTSTRAP, "--describe")).toEqual(
      alone("At least one entity type must be specified"),
    );
    expect(await configs(...BOOTSTRAP, "--describe", "--topic", "a", "--broker", "1")).toEqual(
      alone("Only 'users' and 'clients' entity types may be specified together"),
    );
    expect(
      await configs(...BOOTSTRAP, "--describe", "--entity-type", "topics", "--topic", "a"),
    ).toEqual(alone("Duplicate entity type(s) specified: topics"));
    expect(await configs(...BOOTSTRAP, "--describe", "--entity-name", "a", "--topic", "a")).toEqual(
      alone(
        "--entity-{type,name,default} should not be used in conjunction with specific entity flags",
      ),
    );
    expect(await configs(...BOOTSTRAP, "--describe", "--broker", "one")).toEqual(
      alone("The entity name for brokers must be a valid integer broker id, but it is: one"),
    );
    expect(
      await configs(...BOOTSTRAP, "--describe", "--entity-type", "topics", "--entity-default"),
    ).toEqual(alone("--entity-default must not be specified with --describe of topics"));
    expect(
      await configs(...BOOTSTRAP, "--alter", "--entity-type", "topics", "--add-config", "a=1"),
    ).toEqual(alone("An entity name must be specified with --alter of topics"));
    expect(await configs(...BOOTSTRAP, "--alter", "--topic", "t")).toEqual(
      alone(
        "At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter",
      ),
    );
    expect(await configs(...BOOTSTRAP, "--alter", "--topic", "t", "--add-config", "a")).toEqual(
      alone(
        'Invalid entity config: all configs to be added must be in the format "key=val" or  "key=[val1,val2]" to group values which contain commas.',
      ),
    );
    // Entity types this playground keeps no configs for.
    const users = await configs(...BOOTSTRAP, "--describe", "--user", "alice");
    expect(users.exitCode).toBe(1);
    expect(users.err[0]).toMatch(/keeps no configs of entity type users/);
  }, 60_000);
});
