import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { runTool } from "../testing/captured-io.ts";
import { BOOTSTRAP, toolRunner } from "../testing/tool-runner.ts";
import { topicsTool } from "../topics/topics.ts";
import { parseElectionJson } from "./election-partitions.ts";
import { leaderElectionTool } from "./leader-election.ts";

const FAILED = "org.apache.kafka.server.common.AdminCommandFailedException";
const ELIGIBLE =
  "org.apache.kafka.common.errors.EligibleLeadersNotAvailableException: Eligible topic partition leaders are not available.";

async function writeFile(files: MemoryFileSystem, path: string, text: string): Promise<void> {
  const file = await files.open(path, { create: true });
  file.append(new TextEncoder().encode(text));
  await file.close();
}

/** What the tool prints when a check ends it: the message, then the exception. */
function ended(exceptionClass: string, message: string) {
  return { exitCode: 1, out: [], err: [message, `${exceptionClass}: ${message}`] };
}

describe("kafka-leader-election against a simulated cluster", () => {
  it("elects an out-of-sync replica uncleanly, and says when no election is needed or none can be held", async () => {
    const sim = await readyCluster(71);
    const files = new MemoryFileSystem();
    const run = toolRunner(sim, files);
    const elect = (...args: string[]) => run(leaderElectionTool, [...BOOTSTRAP, ...args]);
    const partitionLine = async (topic: string) =>
      (await run(topicsTool, [...BOOTSTRAP, "--describe", "--topic", topic])).out[1]!;
    const placements: [string, string][] = [
      ["t", "2:3"],
      ["solo", "2"],
    ];
    for (const [topic, assignment] of placements) {
      await run(topicsTool, [
        ...BOOTSTRAP,
        "--create",
        "--topic",
        topic,
        "--replica-assignment",
        assignment,
      ]);
    }
    await sim.scheduler.runFor(2_000);

    expect(await elect("--election-type", "preferred", "--topic", "t", "--partition", "0")).toEqual(
      {
        exitCode: 0,
        out: ["Valid replica already elected for partitions t-0"],
        err: [],
      },
    );

    // Broker 3 dies and leaves the ISR; then the leader dies too. Broker 3 comes back out
    // of sync, and with unclean elections off the partition stays leaderless.
    sim.kill(3);
    await sim.scheduler.runFor(40_000);
    expect(await partitionLine("t")).toMatch(/Leader: 2\tReplicas: 2,3\tIsr: 2\b/);
    sim.kill(2);
    await sim.start(3);
    await sim.scheduler.runFor(15_000);
    expect(await partitionLine("t")).toMatch(/Leader: none\tReplicas: 2,3\tIsr: 2\b/);

    expect(await elect("--election-type", "UNCLEAN", "--topic", "t", "--partition", "0")).toEqual({
      exitCode: 0,
      out: ["Successfully completed leader election (UNCLEAN) for partitions t-0"],
      err: [],
    });
    expect(await partitionLine("t")).toMatch(/Leader: 3\tReplicas: 2,3\tIsr: 3\b/);

    // From a JSON file: t-0 has a leader now; solo-0's only replica is dead.
    await writeFile(
      files,
      "election.json",
      '{"partitions": [{"topic": "solo", "partition": 0}, {"topic": "t", "partition": 0}]}',
    );
    expect(
      await elect("--election-type", "unclean", "--path-to-json-file", "election.json"),
    ).toEqual({
      exitCode: 1,
      out: [
        "Valid replica already elected for partitions t-0",
        `Error completing leader election (UNCLEAN) for partition: solo-0: ${ELIGIBLE}`,
      ],
      err: [
        "1 replica(s) could not be elected",
        `${FAILED}: 1 replica(s) could not be elected`,
        `\tSuppressed: ${ELIGIBLE}`,
      ],
    });

    const unknown = await elect(
      "--election-type",
      "unclean",
      "--topic",
      "nope",
      "--partition",
      "0",
    );
    expect(unknown.exitCode).toBe(1);
    expect(unknown.out).toEqual([
      expect.stringMatching(
        /^Error completing leader election \(UNCLEAN\) for partition: nope-0: org\.apache\.kafka\.common\.errors\.UnknownTopicOrPartitionException: /,
      ),
    ]);
  }, 60_000);

  it("checks its command line as Kafka's tool does", async () => {
    const elect = (...args: string[]) => runTool(leaderElectionTool, args);
    const help = await elect();
    expect(help.exitCode).toBe(1);
    expect(help.err[0]).toBe(
      "This tool attempts to elect a new leader for a set of topic partitions. The type of elections supported are preferred replicas and unclean replicas.",
    );
    expect(help.err.join("\n")).toContain("--all-topic-partitions");

    expect(await elect(...BOOTSTRAP, "--topic", "t", "--partition", "0")).toEqual(
      ended(FAILED, "Missing required option(s): election-type"),
    );
    expect(await elect("--election-type", "preferred")).toEqual(
      ended(FAILED, "Missing required option(s): bootstrap-server"),
    );
    const both = ["--election-type", "preferred", "--topic", "t", "--all-topic-partitions"];
    expect(await elect(...BOOTSTRAP, ...both)).toEqual(
      ended(
        FAILED,
        "One and only one of the following options is required: topic, all-topic-partitions, path-to-json-file",
      ),
    );
    expect(await elect(...BOOTSTRAP, "--election-type", "preferred", "--topic", "t")).toEqual(
      ended(FAILED, "Missing required option(s): partition"),
    );
    expect(
      await elect(
        ...BOOTSTRAP,
        "--election-type",
        "preferred",
        "--all-topic-partitions",
        "--partition",
        "1",
      ),
    ).toEqual(ended(FAILED, "Option partition is only allowed if topic is used"));
    expect(await elect(...BOOTSTRAP, "--election-type", "dirty", "--all-topic-partitions")).toEqual(
      ended(
        "joptsimple.OptionArgumentConversionException",
        "Cannot parse argument 'dirty' of option election-type",
      ),
    );
    expect(await elect(...BOOTSTRAP, "--election", "unclean")).toEqual(
      ended("joptsimple.UnrecognizedOptionException", "election is not a recognized option"),
    );
    expect(
      await elect(
        ...BOOTSTRAP,
        "--election-type",
        "unclean",
        "--path-to-json-file",
        "missing.json",
      ),
    ).toEqual(
      ended("java.lang.RuntimeException", "java.nio.file.NoSuchFileException: missing.json"),
    );
  });

  it("reads the JSON file's partitions, refusing one named twice or a file of another shape", () => {
    expect(
      parseElectionJson(
        '{"partitions": [{"topic": "a", "partition": 1}, {"topic": "b", "partition": 0}]}',
      ),
    ).toEqual([
      { topic: "a", partition: 1 },
      { topic: "b", partition: 0 },
    ]);
    const refused = (text: string) => {
      try {
        parseElectionJson(text);
      } catch (error) {
        return String(error);
      }
      return "accepted";
    };
    expect(
      refused('{"partitions": [{"topic": "a", "partition": 1}, {"topic": "a", "partition": 1}]}'),
    ).toBe(
      "org.apache.kafka.server.common.AdminOperationException: Replica election data contains duplicate partitions: [a-1]",
    );
    expect(refused("not json")).toBe(
      "org.apache.kafka.server.common.AdminOperationException: Replica election data is empty",
    );
    expect(refused('{"topics": []}')).toBe(
      'org.apache.kafka.server.common.AdminOperationException: Replica election data is missing "partitions" field',
    );
    expect(refused('{"partitions": [{"topic": "a"}]}')).toBe(
      "java.lang.RuntimeException: com.fasterxml.jackson.databind.JsonMappingException: No such field exists: `partition`",
    );
    expect(refused('{"partitions": [{"topic": "a", "partition": "1"}]}')).toBe(
      'java.lang.RuntimeException: com.fasterxml.jackson.databind.JsonMappingException: Expected `Int` value, received "1"',
    );
  });
});
