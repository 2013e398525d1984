import { describe, expect, it } from "vitest";
import type { SimCluster } from "../../runtime/sim/sim-cluster.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { AdminArgumentError } from "./admin-error.ts";
import type { Admin } from "./admin.ts";
import { ConfigResourceType, ConfigSource, type DescribedConfigEntry } from "./admin-types.ts";
import { adminOn } from "./testing/admin-fixture.ts";

const { TOPIC, BROKER } = ConfigResourceType;

async function configOf(
  sim: SimCluster,
  admin: Admin,
  resource: { type: number; name: string },
  configName: string,
  includeSynonyms = false,
): Promise<DescribedConfigEntry> {
  const { resources } = await sim.runWhile(
    admin.describeConfigs({
      resources: [{ ...resource, configNames: [configName] }],
      includeSynonyms,
    }),
  );
  expect(resources).toHaveLength(1);
  return resources[0]!.configEntries.find((entry) => entry.configName === configName)!;
}

/** Polls until `check` passes: a change reaches every broker's metadata shortly after it commits. */
async function eventually(sim: SimCluster, check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 50; tries++) {
    if (await check()) return;
    await sim.scheduler.runFor(100);
  }
  expect.fail("the change never became visible");
}

describe("admin configs", () => {
  it("describes a topic's configs with their sources and synonyms", async () => {
    const sim = await readyCluster(41);
    const { admin } = adminOn(sim);
    await sim.runWhile(
      admin.createTopics({
        topics: [
          {
            topic: "compacted",
            numPartitions: 1,
            configEntries: [{ name: "cleanup.policy", value: "compact" }],
          },
        ],
      }),
    );
    const { resources } = await sim.runWhile(
      admin.describeConfigs({
        resources: [{ type: TOPIC, name: "compacted" }],
        includeSynonyms: true,
      }),
    );
    expect(resources[0]).toMatchObject({
      errorCode: 0,
      errorMessage: null,
      resourceName: "compacted",
      resourceType: TOPIC,
    });
    const entries = new Map(resources[0]!.configEntries.map((e) => [e.configName, e]));
    expect(entries.get("cleanup.policy")).toMatchObject({
      configValue: "compact",
      configSource: ConfigSource.TOPIC_CONFIG,
      isDefault: false,
      readOnly: false,
    });
    expect(entries.get("retention.ms")).toMatchObject({
      configValue: "604800000",
      isDefault: true,
      configSource: ConfigSource.DEFAULT_CONFIG,
    });
    // The broker synonym a topic config falls back to.
    expect(entries.get("retention.ms")!.configSynonyms.map((s) => s.configName)).toContain(
      "log.retention.ms",
    );

    const unknown = await sim
      .runWhile(admin.describeConfigs({ resources: [{ type: TOPIC, name: "ghost" }] }))
      .catch((error: unknown) => error);
    expect(unknown).toMatchObject({
      type: "UNKNOWN_TOPIC_OR_PARTITION",
      subject: { resource: 'topic "ghost"' },
    });
    await expect(admin.describeConfigs({ resources: [] })).rejects.toThrow(AdminArgumentError);
  }, 60_000);

  it("replaces a topic's configs with alterConfigs and changes single entries incrementally", async () => {
    const sim = await readyCluster(42);
    const { admin } = adminOn(sim);
    const topic = { type: TOPIC, name: "tuned" };
    await sim.runWhile(
      admin.createTopics({
        topics: [
          {
            topic: "tuned",
            numPartitions: 1,
            configEntries: [{ name: "cleanup.policy", value: "compact" }],
          },
        ],
      }),
    );

    const altered = await sim.runWhile(
      admin.alterConfigs({
        resources: [{ ...topic, configEntries: [{ name: "retention.ms", value: "5000" }] }],
      }),
    );
    expect(altered.resources).toEqual([
      { errorCode: 0, errorMessage: null, resourceName: "tuned", resourceType: TOPIC },
    ]);
    await eventually(sim, async () => {
      return (await configOf(sim, admin, topic, "retention.ms")).configValue === "5000";
    });
    // AlterConfigs replaces the whole set: cleanup.policy is back to its default.
    expect(await configOf(sim, admin, topic, "cleanup.policy")).toMatchObject({
      configValue: "delete",
      isDefault: true,
    });

    await sim.runWhile(
      admin.incrementalAlterConfigs({
        resources: [
          {
            ...topic,
            configEntries: [
              { name: "cleanup.policy", value: "compact", operation: "APPEND" },
              { name: "retention.ms", operation: "DELETE" },
              { name: "segment.ms", value: "60000", operation: "SET" },
            ],
          },
        ],
      }),
    );
    await eventually(sim, async () => {
      return (await configOf(sim, admin, topic, "segment.ms")).configValue === "60000";
    });
    expect((await configOf(sim, admin, topic, "cleanup.policy")).configValue).toBe(
      "delete,compact",
    );
    expect(await configOf(sim, admin, topic, "retention.ms")).toMatchObject({
      configValue: "604800000",
      isDefault: true,
    });

    await sim.runWhile(
      admin.incrementalAlterConfigs({
        resources: [
          {
            ...topic,
            configEntries: [{ name: "cleanup.policy", value: "delete", operation: "SUBTRACT" }],
          },
        ],
      }),
    );
    await eventually(sim, async () => {
      return (await configOf(sim, admin, topic, "cleanup.policy")).configValue === "compact";
    });

    // Bad values and unknown topics name the resource; validateOnly changes nothing.
    const invalid = await sim
      .runWhile(
        admin.incrementalAlterConfigs({
          resources: [
            {
              ...topic,
              configEntries: [{ name: "retention.ms", value: "soon", operation: "SET" }],
            },
          ],
        }),
      )
      .catch((error: unknown) => error);
    expect(invalid).toMatchObject({
      type: "INVALID_CONFIG",
      subject: { resource: 'topic "tuned"' },
    });
    const missing = await sim
      .runWhile(
        admin.alterConfigs({
          resources: [
            { type: TOPIC, name: "ghost", configEntries: [{ name: "retention.ms", value: "1" }] },
          ],
        }),
      )
      .catch((error: unknown) => error);
    expect(missing).toMatchObject({ type: "UNKNOWN_TOPIC_OR_PARTITION" });
    await sim.runWhile(
      admin.alterConfigs({
        validateOnly: true,
        resources: [{ ...topic, configEntries: [{ name: "retention.ms", value: "7" }] }],
      }),
    );
    await sim.scheduler.runFor(1000);
    expect((await configOf(sim, admin, topic, "retention.ms")).configValue).toBe("604800000");
  }, 60_000);

  it("sends a broker's configs to that broker", async () => {
    const sim = await readyCluster(43);
    const { admin } = adminOn(sim, { bootstrap: "node-1:9092" });
    await sim.runWhile(
      admin.incrementalAlterConfigs({
        resources: [
          {
            type: BROKER,
            name: "3",
            configEntries: [{ name: "message.max.bytes", value: "2000000", operation: "SET" }],
          },
        ],
      }),
    );
    await eventually(sim, async () => {
      const entry = await configOf(sim, admin, { type: BROKER, name: "3" }, "message.max.bytes");
      return entry.configValue === "2000000";
    });
    // Only broker 3 was changed, and each broker describes itself.
    expect(
      await configOf(sim, admin, { type: BROKER, name: "3" }, "message.max.bytes"),
    ).toMatchObject({ configSource: ConfigSource.DYNAMIC_BROKER_CONFIG });
    expect(
      await configOf(sim, admin, { type: BROKER, name: "2" }, "message.max.bytes"),
    ).toMatchObject({ configValue: "1048588", configSource: ConfigSource.DEFAULT_CONFIG });

    const startedAt = sim.scheduler.nowMs();
    const absent = await sim
      .runWhile(admin.describeConfigs({ resources: [{ type: BROKER, name: "9" }] }))
      .catch((error: unknown) => error);
    expect(absent).toMatchObject({
      type: "BROKER_NOT_AVAILABLE",
      subject: { resource: 'broker "9"' },
    });
    expect(sim.scheduler.nowMs() - startedAt).toBeLessThan(2000);
  }, 60_000);
});
