import { describe, expect, it } from "vitest";
import { adminOn } from "../../client/admin/testing/admin-fixture.ts";
import { joinGroupMember } from "../../client/admin/testing/group-member.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { BOOTSTRAP, toolRunner } from "../testing/tool-runner.ts";
import { topicsTool } from "../topics/topics.ts";
import { consumerGroupsTool } from "./consumer-groups.ts";

const statusRow = (topic: string, partition: string, status: string) =>
  `${topic.padEnd(15)} ${partition.padEnd(10)} ${status.padEnd(15)}`;

describe("kafka-consumer-groups --delete and --delete-offsets against a simulated cluster", () => {
  it("deletes offsets and groups, reporting each partition and group", async () => {
    const sim = await readyCluster(701);
    const run = toolRunner(sim);
    const groups = (...args: string[]) => run(consumerGroupsTool, [...BOOTSTRAP, ...args]);
    await run(topicsTool, [...BOOTSTRAP, "--create", "--topic", "ledger", "--partitions", "2"]);
    await sim.scheduler.runFor(1_000);
    const { admin, cluster } = adminOn(sim);
    for (const groupId of ["audit", "billing"]) {
      await sim.runWhile(
        admin.setOffsets({
          groupId,
          topic: "ledger",
          partitions: [
            { partition: 0, offset: "0" },
            { partition: 1, offset: "0" },
          ],
        }),
      );
    }

    expect(
      await groups(
        "--delete-offsets",
        "--group",
        "audit",
        "--topic",
        "ledger:1",
        "--topic",
        "gone",
      ),
    ).toEqual({
      exitCode: 0,
      out: [
        "Request succeeded for deleting offsets from group audit.",
        "",
        statusRow("TOPIC", "PARTITION", "STATUS"),
        statusRow(
          "gone",
          "-",
          "Error: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.",
        ),
        statusRow("ledger", "1", "Successful"),
      ],
      err: [],
    });
    const described = await groups("--describe", "--group", "audit");
    expect(described.out.slice(2).map((line) => line.split(/ +/).slice(1, 4))).toEqual([
      ["ledger", "0", "0"],
    ]);

    // A group with a member keeps the offsets of topics it subscribes to.
    const member = await joinGroupMember(sim, cluster, "billing", ["ledger"]);
    const subscribed = await groups("--delete-offsets", "--group", "billing", "--topic", "ledger");
    expect(subscribed.out.slice(0, 3)).toEqual([
      "",
      "Error: Encountered some partition-level error, see the follow-up details.",
      "",
    ]);
    expect(subscribed.out.slice(4)).toEqual([
      statusRow(
        "ledger",
        "0",
        "Error: org.apache.kafka.common.errors.GroupSubscribedToTopicException: The consumer group is actively subscribed to the topic",
      ),
      statusRow(
        "ledger",
        "1",
        "Error: org.apache.kafka.common.errors.GroupSubscribedToTopicException: The consumer group is actively subscribed to the topic",
      ),
    ]);
    // Nor can it be deleted while the member is there.
    expect(
      await groups("--delete", "--group", "audit", "--group", "billing", "--group", "nobody"),
    ).toEqual({
      exitCode: 0,
      out: [
        "",
        "Error: Deletion of some consumer groups failed:",
        "* Group 'billing' could not be deleted due to: org.apache.kafka.common.errors.GroupNotEmptyException: The group is not empty.",
        "* Group 'nobody' could not be deleted due to: org.apache.kafka.common.errors.GroupIdNotFoundException: The group id does not exist.",
        "",
        "These consumer groups were deleted successfully: 'audit'",
      ],
      err: [],
    });
    await member.leave();
    expect(await groups("--delete", "--all-groups")).toEqual({
      exitCode: 0,
      out: ["Deletion of requested consumer groups ('billing') was successful."],
      err: [],
    });
    expect((await groups("--list")).out).toEqual([]);
    await admin.disconnect();
  }, 60_000);

  it("rejects bad command lines with Kafka's messages", async () => {
    const sim = await readyCluster(702);
    const run = toolRunner(sim);
    const groups = (...args: string[]) => run(consumerGroupsTool, args);
    const usageMessage = async (args: string[]) => {
      const result = await groups(...args);
      expect(result.exitCode).toBe(1);
      expect(
        result.err.some((line) => line.startsWith("--bootstrap-server <String: server to")),
      ).toBe(true);
      return result.err[0];
    };
    expect(await usageMessage([])).toBe(
      "This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.",
    );
    expect(await usageMessage(["--list"])).toBe('Missing required argument "[bootstrap-server]"');
    expect(await usageMessage([...BOOTSTRAP])).toBe(
      "Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets",
    );
    expect(await usageMessage([...BOOTSTRAP, "--describe"])).toBe(
      "Option [describe] takes one of these options: [group], [all-groups]",
    );
    expect(
      await usageMessage([...BOOTSTRAP, "--describe", "--group", "g", "--members", "--state"]),
    ).toBe("Option [describe] takes at most one of these options: [members], [offsets], [state]");
    expect(
      await usageMessage([...BOOTSTRAP, "--describe", "--group", "g", "--state", "Stable"]),
    ).toBe("Option [describe] does not take a value for [state]");
    expect(await usageMessage([...BOOTSTRAP, "--delete", "--group", "g", "--topic", "t"])).toBe(
      "The consumer does not support topic-specific offset deletion from a consumer group.",
    );
    expect(await usageMessage([...BOOTSTRAP, "--delete-offsets", "--group", "g"])).toBe(
      "Option [delete-offsets] takes the following options: [group], [topic]",
    );
    expect(await usageMessage([...BOOTSTRAP, "--list", "--group", "g"])).toBe(
      'Option "[group]" can\'t be used with option "[list]"',
    );
    expect(await usageMessage([...BOOTSTRAP, "--list", "--state", "sleepy"])).toBe(
      "Invalid state list 'sleepy'. Valid states are: PreparingRebalance, CompletingRebalance, Stable, Dead, Empty, Assigning, Reconciling",
    );
    // joptsimple's own refusals end the JVM with its exception.
    expect(await usageMessage([...BOOTSTRAP, "--list", "--members"])).toBe(
      'Exception in thread "main" joptsimple.UnavailableOptionException: Option(s) [members] are unavailable given other options on the command line',
    );
    expect(await usageMessage([...BOOTSTRAP, "--list", "--bogus"])).toBe(
      'Exception in thread "main" joptsimple.UnrecognizedOptionException: bogus is not a recognized option',
    );
    expect(await usageMessage([...BOOTSTRAP, "--list", "--timeout", "soon"])).toBe(
      "Exception in thread \"main\" joptsimple.OptionArgumentConversionException: Cannot parse argument 'soon' of option timeout",
    );
    // --list --type: every group here is a classic one.
    const { admin } = adminOn(sim);
    await run(topicsTool, [...BOOTSTRAP, "--create", "--topic", "t"]);
    await sim.runWhile(
      admin.setOffsets({ groupId: "g", topic: "t", partitions: [{ partition: 0, offset: "0" }] }),
    );
    await admin.disconnect();
    expect((await groups(...BOOTSTRAP, "--list", "--type", "--state")).out).toEqual([
      `${"GROUP".padEnd(25)} ${"TYPE".padEnd(20)} ${"STATE".padEnd(20)}`,
      `${"g".padEnd(25)} ${"Classic".padEnd(20)} ${"Empty".padEnd(20)}`,
    ]);
    expect((await groups(...BOOTSTRAP, "--list", "--type", "consumer")).out).toEqual([
      `${"GROUP".padEnd(25)} ${"TYPE".padEnd(20)}`,
    ]);
  }, 60_000);
});
