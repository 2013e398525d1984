import { describe, expect, it } from "vitest";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { BOOTSTRAP, toolRunner, topicIdOf } from "../testing/tool-runner.ts";
import { topicsTool } from "./topics.ts";

const LOG_TIME = String.raw`\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\]`;

/** What Kafka's tool prints for an exception while it runs: the message, and the exception logged. */
function executionError(exceptionClass: string, message: string) {
  return {
    exitCode: 1,
    out: [`Error while executing topic command : ${message}`],
    err: [
      expect.stringMatching(
        new RegExp(`^${LOG_TIME} ERROR ${exceptionClass.replaceAll(".", "\\.")}: `),
      ),
      " (org.apache.kafka.tools.TopicCommand)",
    ],
  };
}

describe("kafka-topics against a simulated cluster", () => {
  it("creates, lists, describes, alters and deletes a topic, printing what Kafka prints", async () => {
    const sim = await readyCluster(301);
    const run = toolRunner(sim);
    const topic = (...args: string[]) => run(topicsTool, [...BOOTSTRAP, ...args]);

    expect(
      await topic(
        "--create",
        "--topic",
        "orders",
        "--partitions",
        "3",
        "--replication-factor",
        "3",
        "--config",
        "retention.ms=60000",
        "--config",
        "cleanup.policy = compact",
      ),
    ).toEqual({ exitCode: 0, out: ["Created topic orders."], err: [] });
    expect(await topic("--create", "--topic", "pay_ments", "--partitions", "1")).toEqual({
      exitCode: 0,
      out: [
        "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.",
        "Created topic pay_ments.",
      ],
      err: [],
    });
    await sim.scheduler.runFor(1_000);

    expect(await topic("--list")).toMatchObject({ exitCode: 0, out: ["orders", "pay_ments"] });
    expect((await topic("--list", "--topic", "ord.*")).out).toEqual(["orders"]);
    // Nothing matches: println of an empty list is one empty line.
    expect((await topic("--list", "--topic", "nothing")).out).toEqual([""]);

    const id = await topicIdOf(sim, "orders");
    const described = await topic("--describe", "--topic", "orders");
    expect(described.exitCode).toBe(0);
    expect(described.out[0]).toBe(
      `Topic: orders\tTopicId: ${id}\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: cleanup.policy=compact,retention.ms=60000`,
    );
    expect(described.out).toHaveLength(4);
    for (const [index, line] of described.out.slice(1).entries()) {
      expect(line).toMatch(
        new RegExp(
          `^\\tTopic: orders\\tPartition: ${index}\\tLeader: [1-3]\\tReplicas: [1-3],[1-3],[1-3]\\tIsr: [1-3],[1-3],[1-3]\\tElr: \\tLastKnownElr: $`,
        ),
      );
    }
    // Without --topic: every topic, each with its partitions.
    const all = await topic("--describe");
    expect(all.out.filter((line) => line.startsWith("Topic: "))).toHaveLength(2);
    expect(all.out).toHaveLength(6);
    // --topics-with-overrides: the topic lines of topics with overrides only.
    expect((await topic("--describe", "--topics-with-overrides")).out).toEqual([described.out[0]]);

    expect(await topic("--alter", "--topic", "orders", "--partitions", "5")).toEqual({
      exitCode: 0,
      out: [],
      err: [],
    });
    await sim.scheduler.runFor(1_000);
    expect((await topic("--describe", "--topic", "orders")).out[0]).toContain("PartitionCount: 5");
    expect(await topic("--alter", "--topic", "orders", "--partitions", "2")).toEqual(
      executionError(
        "org.apache.kafka.common.errors.InvalidPartitionsException",
        "The topic orders currently has 5 partition(s); 2 would not be an increase.",
      ),
    );

    expect(await topic("--delete", "--topic", "orders")).toEqual({ exitCode: 0, out: [], err: [] });
    expect((await topic("--list")).out).toEqual(["pay_ments"]);
    expect(await topic("--delete", "--topic", "orders")).toEqual(
      executionError(
        "java.lang.IllegalArgumentException",
        "Topic 'orders' does not exist as expected",
      ),
    );
    expect(await topic("--delete", "--topic", "orders", "--if-exists")).toEqual({
      exitCode: 0,
      out: [],
      err: [],
    });
  }, 60_000);

  it("fails as Kafka does when the cluster refuses, and honours --if-not-exists", async () => {
    const sim = await readyCluster(302);
    const run = toolRunner(sim);
    const topic = (...args: string[]) => run(topicsTool, [...BOOTSTRAP, ...args]);
    await topic("--create", "--topic", "t", "--partitions", "1");

    const exists = await topic("--create", "--topic", "t", "--partitions", "1");
    expect(exists).toEqual(
      executionError(
        "org.apache.kafka.common.errors.TopicExistsException",
        "Topic 't' already exists.",
      ),
    );
    expect(exists.err[0]).toMatch(
      /ERROR org\.apache\.kafka\.common\.errors\.TopicExistsException: Topic 't' already exists\.$/,
    );
    expect(await topic("--create", "--topic", "t", "--if-not-exists")).toEqual({
      exitCode: 0,
      out: [],
      err: [],
    });
    expect(await topic("--create", "--topic", "u", "--replication-factor", "4")).toEqual(
      executionError(
        "org.apache.kafka.common.errors.InvalidReplicationFactorException",
        "Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered.",
      ),
    );
    expect(await topic("--create", "--topic", "u", "--config", "no.such.config=1")).toEqual(
      executionError(
        "org.apache.kafka.common.errors.InvalidConfigurationException",
        "Unknown topic config name: no.such.config",
      ),
    );
    expect(await topic("--create", "--topic", "u", "--partitions", "0")).toEqual(
      executionError("java.lang.IllegalArgumentException", "The partitions must be greater than 0"),
    );
    expect(await topic("--create", "--topic", "u", "--config", "retention.ms")).toEqual(
      executionError(
        "java.lang.IllegalArgumentException",
        'requirement failed: Invalid topic config: all configs to be added must be in the format "key=val".',
      ),
    );
    expect(await topic("--describe", "--topic", "missing")).toEqual(
      executionError(
        "java.lang.IllegalArgumentException",
        "Topic 'missing' does not exist as expected",
      ),
    );
    expect(await topic("--describe", "--topic", "missing", "--if-exists")).toEqual({
      exitCode: 0,
      out: [],
      err: [],
    });
  }, 60_000);

  it("places replicas as --replica-assignment says, and reports partitions by health", async () => {
    const sim = await readyCluster(303);
    const run = toolRunner(sim);
    const topic = (...args: string[]) => run(topicsTool, [...BOOTSTRAP, ...args]);
    expect(
      (await topic("--create", "--topic", "placed", "--replica-assignment", "1:2,2:3")).out,
    ).toEqual(["Created topic placed."]);
    expect(
      (
        await topic(
          "--alter",
          "--topic",
          "placed",
          "--partitions",
          "3",
          "--replica-assignment",
          "1:2,2:3,3:1",
        )
      ).exitCode,
    ).toBe(0);
    expect((await topic("--create", "--topic", "solo", "--replica-assignment", "3")).exitCode).toBe(
      0,
    );
    await sim.scheduler.runFor(2_000);
    const placed = await topic("--describe", "--topic", "placed");
    expect(placed.out.slice(1).map((line) => /Replicas: ([\d,]+)/.exec(line)![1])).toEqual([
      "1,2",
      "2,3",
      "3,1",
    ]);

    // Healthy: no partition is under-replicated, unavailable or under min ISR.
    for (const report of [
      "--under-replicated-partitions",
      "--unavailable-partitions",
      "--under-min-isr-partitions",
    ])
      expect((await topic("--describe", report)).out).toEqual([]);
    // min.insync.replicas is 1: the single-replica partition is at it.
    expect((await topic("--describe", "--topic", "solo", "--at-min-isr-partitions")).out).toEqual([
      "\tTopic: solo\tPartition: 0\tLeader: 3\tReplicas: 3\tIsr: 3\tElr: \tLastKnownElr: ",
    ]);

    // Broker 3 goes away: its partitions leave the ISR, and "solo" has no leader left.
    sim.kill(3);
    await sim.scheduler.runFor(45_000);
    expect((await topic("--describe", "--topic", "solo", "--unavailable-partitions")).out).toEqual([
      "\tTopic: solo\tPartition: 0\tLeader: none\tReplicas: 3\tIsr: 3\tElr: \tLastKnownElr: ",
    ]);
    const under = await topic("--describe", "--topic", "placed", "--under-replicated-partitions");
    expect(under.out.map((line) => /Partition: (\d)/.exec(line)![1])).toEqual(["1", "2"]);
    expect(under.out.every((line) => !/Isr: [\d,]*3/.test(line))).toBe(true);
  }, 120_000);

  it("rejects bad command lines with Kafka's messages", async () => {
    const sim = await readyCluster(304);
    const run = toolRunner(sim);
    const noArgs = await run(topicsTool, []);
    expect(noArgs.exitCode).toBe(1);
    expect(noArgs.err[0]).toBe("Create, delete, describe, or change a topic.");
    expect(noArgs.err).toContain(
      "--bootstrap-server <String: server to    REQUIRED: The Kafka server to connect ",
    );

    const twoActions = await run(topicsTool, [...BOOTSTRAP, "--list", "--describe"]);
    expect(twoActions).toMatchObject({ exitCode: 1, out: [] });
    expect(twoActions.err[0]).toBe(
      "Command must include exactly one action: --list, --describe, --create, --alter or --delete",
    );
    expect(twoActions.err.length).toBeGreaterThan(10);

    const firstErrorLine = async (args: string[]) => {
      const result = await run(topicsTool, args);
      expect(result.exitCode).toBe(1);
      return result.err[0];
    };
    expect(await firstErrorLine([...BOOTSTRAP, "--create", "--partitions", "1"])).toBe(
      'Missing required argument "[topic]"',
    );
    expect(await firstErrorLine([...BOOTSTRAP, "--alter", "--topic", "t"])).toBe(
      'Missing required argument "[partitions]"',
    );
    expect(await firstErrorLine([...BOOTSTRAP, "--describe", "--partitions", "3"])).toBe(
      'Option "[partitions]" can\'t be used with option "[describe]"',
    );
    expect(
      await firstErrorLine([
        ...BOOTSTRAP,
        "--create",
        "--topic",
        "t",
        "--replica-assignment",
        "1",
        "--partitions",
        "1",
      ]),
    ).toBe('Option "[replica-assignment]" can\'t be used with option "[partitions]"');
    expect(
      await firstErrorLine([
        ...BOOTSTRAP,
        "--alter",
        "--topic",
        "t",
        "--partitions",
        "2",
        "--config",
        "a=b",
      ]),
    ).toBe(
      'Option combination "[[bootstrap-server], [config]]" can\'t be used with option "[alter]" (To alter topic configurations, the kafka-configs tool can be used.)',
    );
    expect(await firstErrorLine([...BOOTSTRAP, "--list", "--if-not-exists"])).toBe(
      'Option "[if-not-exists]" can\'t be used with option "[list]"',
    );
    // Without --bootstrap-server: the message alone.
    expect(await run(topicsTool, ["--list"])).toEqual({
      exitCode: 1,
      out: [],
      err: ["--bootstrap-server must be specified"],
    });
    // What joptsimple cannot parse fails the command like any other exception.
    expect(await run(topicsTool, [...BOOTSTRAP, "--list", "--bogus"])).toEqual(
      executionError("joptsimple.UnrecognizedOptionException", "bogus is not a recognized option"),
    );
    expect(
      await run(topicsTool, [...BOOTSTRAP, "--create", "--topic", "t", "--partitions", "many"]),
    ).toEqual(
      executionError(
        "joptsimple.OptionArgumentConversionException",
        "Cannot parse argument 'many' of option partitions",
      ),
    );
    expect(
      await run(topicsTool, [
        ...BOOTSTRAP,
        "--create",
        "--topic",
        "t",
        "--replica-assignment",
        "1:1",
      ]),
    ).toEqual(
      executionError(
        "org.apache.kafka.server.common.AdminCommandFailedException",
        "Partition replica lists may not contain duplicate entries: 1",
      ),
    );
    expect(
      await run(topicsTool, [
        ...BOOTSTRAP,
        "--create",
        "--topic",
        "t",
        "--replica-assignment",
        "1:2,3",
      ]),
    ).toEqual(
      executionError(
        "org.apache.kafka.server.common.AdminOperationException",
        "Partition 1 has different replication factor: [3]",
      ),
    );
  }, 60_000);
});
