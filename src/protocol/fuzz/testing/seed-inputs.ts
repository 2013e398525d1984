/**
 * Valid starting points for the fuzzer: random values of every generated message at every
 * version (from the same arbitraries the codec property tests use), encoded bare and, for
 * API messages, as whole request and response frames.
 */
import fc from "fast-check";
import type { MessageSpec } from "../../codec-runtime.ts";
import { encodeRequestFrame, encodeResponseFrame } from "../../frames.ts";
import { ALL_MESSAGES } from "../../generated/all-messages.ts";
import { APIS } from "../../generated/api-table.ts";
import { SCHEMAS } from "../../generated/schemas.ts";
import { encodeMessage } from "../../message-codec.ts";
import { arbitraryMessage } from "../../testing/arbitrary-message.ts";

/** A bare message encoding, to feed to decodeMessage. */
export interface MessageSeed {
  spec: MessageSpec<unknown>;
  version: number;
  bytes: Uint8Array;
}

/** A frame's body (what follows the 4-byte size), to feed to decodeRequest or decodeResponse. */
export interface FrameSeed {
  apiKey: number;
  version: number;
  body: Uint8Array;
}

export interface SeedInputs {
  messages: MessageSeed[];
  requests: FrameSeed[];
  responses: FrameSeed[];
}

function sampleValues(
  name: string,
  version: number,
  seed: number,
  count: number,
): Record<string, unknown>[] {
  const schema = SCHEMAS[name];
  if (schema === undefined) throw new Error(`no schema for ${name}`);
  return fc.sample(arbitraryMessage(schema, version), { seed: seed + version, numRuns: count });
}

function versionsOf(spec: MessageSpec<unknown>): number[] {
  return Array.from(
    { length: spec.maxVersion - spec.minVersion + 1 },
    (_, i) => spec.minVersion + i,
  );
}

export function buildSeedInputs(seed: number, valuesPerVersion: number): SeedInputs {
  const inputs: SeedInputs = { messages: [], requests: [], responses: [] };
  for (const [name, spec] of Object.entries(ALL_MESSAGES)) {
    for (const version of versionsOf(spec)) {
      for (const value of sampleValues(name, version, seed, valuesPerVersion)) {
        inputs.messages.push({ spec, version, bytes: encodeMessage(spec, value, version) });
      }
    }
  }
  let correlationId = 0;
  for (const api of APIS.values()) {
    for (const version of versionsOf(api.request)) {
      for (const value of sampleValues(api.request.name, version, seed, valuesPerVersion)) {
        const meta = {
          apiKey: api.key,
          apiVersion: version,
          correlationId: correlationId++,
          clientId: "fuzz",
        };
        inputs.requests.push({
          apiKey: api.key,
          version,
          body: encodeRequestFrame(meta, value).subarray(4),
        });
      }
      for (const value of sampleValues(api.response.name, version, seed, valuesPerVersion)) {
        const frame = encodeResponseFrame(api.key, version, correlationId++, value);
        inputs.responses.push({ apiKey: api.key, version, body: frame.subarray(4) });
      }
    }
  }
  return inputs;
}
