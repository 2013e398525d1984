/**
 * The conformance table covers every API and version KafkaJS 2.2.4 implements among the
 * APIs we generate, so a KafkaJS request the broker could meet is never left untested.
 */
import { describe, expect, it } from "vitest";
import { APIS } from "../generated/api-table.ts";
import { kafkaJsApiKeys, kafkaJsRequests } from "./testing/kafkajs-internals.ts";
import { conformanceRuns, KAFKAJS_CASES, kafkaJsVersions } from "./testing/kafkajs-harness.ts";

describe("KafkaJS conformance coverage", () => {
  it("has a row for every KafkaJS API that we also generate", () => {
    const implemented = Object.entries(kafkaJsRequests)
      .filter(
        ([name, definitions]) => definitions.versions.length > 0 && APIS.has(kafkaJsApiKeys[name]!),
      )
      .map(([name]) => name)
      .sort();
    const covered = KAFKAJS_CASES.map((c) => c.kafkaJsName).sort();
    expect(covered).toEqual(implemented);
  });

  it("only meets versions our codecs know", () => {
    for (const c of KAFKAJS_CASES) {
      const request = [...APIS.values()].find((api) => api.name === c.api)!.request;
      for (const version of kafkaJsVersions(c.kafkaJsName)) {
        expect(version, `${c.api} v${version}`).toBeGreaterThanOrEqual(request.minVersion);
        expect(version, `${c.api} v${version}`).toBeLessThanOrEqual(request.maxVersion);
      }
    }
  });

  it("runs 22 APIs in 90 (api, version) pairs", () => {
    expect(KAFKAJS_CASES).toHaveLength(22);
    expect(conformanceRuns()).toHaveLength(90);
  });
});
