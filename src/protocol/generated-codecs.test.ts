import fc from "fast-check";
import { API_NAMES } from "../../scripts/generate-protocol/apis.ts";
import { describe, expect, it } from "vitest";
import { ALL_MESSAGES } from "./generated/all-messages.ts";
import { SCHEMAS } from "./generated/schemas.ts";
import { decodeMessage, encodeMessage } from "./message-codec.ts";
import { arbitraryMessage, firstDifference } from "./testing/arbitrary-message.ts";

const RUNS_PER_VERSION = 25;

describe("every generated codec round-trips every version", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const spec = ALL_MESSAGES[name]!;
    it(`${name} v${spec.minVersion}-${spec.maxVersion}`, () => {
      for (let version = spec.minVersion; version <= spec.maxVersion; version++) {
        fc.assert(
          fc.property(arbitraryMessage(schema, version), (value) => {
            const bytes = encodeMessage(spec, value, version);
            const decoded = decodeMessage(spec, bytes, version);
            if (!decoded.ok) throw decoded.error;
            const decodedValue = decoded.value as Record<string, unknown>;
            const difference = firstDifference(schema, schema.root, version, value, decodedValue);
            if (difference !== null) throw new Error(`v${version}: ${difference} changed`);
            // Encoding what was decoded gives the very same bytes.
            expect(encodeMessage(spec, decodedValue, version)).toEqual(bytes);
          }),
          { numRuns: RUNS_PER_VERSION },
        );
      }
    });
  }
});

describe("the generator covers what the playground needs", () => {
  it("generates every API the playground speaks, with Kafka's version ranges", () => {
    const apis = Object.values(SCHEMAS).filter(
      (s) => s.name.endsWith("Request") && s.apiKey !== null,
    );
    expect(apis.map((api) => api.name.replace(/Request$/, "")).sort()).toEqual(
      [...API_NAMES].sort(),
    );
    expect(ALL_MESSAGES.ApiVersionsRequest!.maxVersion).toBe(4);
    expect(ALL_MESSAGES.FetchRequest!.flexibleMinVersion).toBe(12);
    expect(ALL_MESSAGES.ProduceRequest!.apiKey).toBe(0);
  });
});
