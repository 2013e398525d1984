/**
 * 100,000 hostile inputs for the decoders, in CI: mutated valid request frames, response
 * frames and bare messages of every API, message and version, plus pure random bytes. None
 * may throw, hang, or decode into a value that does not survive being encoded again.
 * One seed drives it all; set FUZZ_SEED to explore others, or to replay a reported failure.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { APIS } from "../generated/api-table.ts";
import { ALL_MESSAGES } from "../generated/all-messages.ts";
import { runCampaign, type CampaignResult } from "./testing/campaign.ts";
import {
  checkFrameBody,
  checkMessage,
  checkRequest,
  checkResponse,
} from "./testing/decode-invariants.ts";
import { mutate } from "./testing/mutate.ts";
import { buildSeedInputs, type SeedInputs } from "./testing/seed-inputs.ts";
import type { Xorshift32 } from "./testing/xorshift.ts";

const SEED = seedFromEnvironment();
const VALUES_PER_VERSION = 2;
/** Far above any honest decode (tens of microseconds); only a hang or a blow-up gets here. */
// A hang or a quadratic decode takes seconds; a GC pause on a loaded 2-core machine does not.
const SLOWEST_ALLOWED_MS = 1500;
/**
 * Garbage between collections included, a run stays far below this; one decode that
 * believed a hostile 2^31 length would blow through it (or die trying).
 */
const MOST_MEMORY_GROWTH_BYTES = 512 * 1024 * 1024;
const SMALL_MAX_FRAME_BYTES = 4096;
const HOSTILE_SIZES = [0x7fffffff, -1, -0x80000000, SMALL_MAX_FRAME_BYTES + 1];

const API_LIST = [...APIS.values()];
const MESSAGE_LIST = Object.values(ALL_MESSAGES);

function seedFromEnvironment(): number {
  const given = process.env.FUZZ_SEED;
  const seed = given === undefined ? 0x5eed_2024 : Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got "${given}"`);
  return seed;
}

let seeds: SeedInputs;
beforeAll(() => {
  seeds = buildSeedInputs(SEED, VALUES_PER_VERSION);
});

/** A frame around `body`: mostly with the right size, sometimes a wrong or hostile one. */
function framed(body: Uint8Array, random: Xorshift32): Uint8Array {
  const frame = new Uint8Array(body.length + 4);
  const size = random.chance(0.85)
    ? body.length
    : random.chance(0.5)
      ? random.pick(HOSTILE_SIZES)
      : body.length + random.below(3) - 1;
  new DataView(frame.buffer).setInt32(0, size);
  frame.set(body, 4);
  return frame;
}

function expectClean(result: CampaignResult): void {
  expect(result.failures, `seed ${SEED}`).toEqual([]);
  expect(result.slowestMs, `seed ${SEED}: slowest input`).toBeLessThan(SLOWEST_ALLOWED_MS);
  expect(result.peakGrowthBytes, `seed ${SEED}: memory growth`).toBeLessThan(
    MOST_MEMORY_GROWTH_BYTES,
  );
}

describe(`decoders under fuzzing (seed ${SEED})`, () => {
  it("30,000 mutated request frames", () => {
    const result = runCampaign("requests", SEED, 30_000, (random) => {
      const seed = random.pick(seeds.requests);
      const body = mutate(seed.body, random);
      return {
        describe: `${APIS.get(seed.apiKey)!.name} v${seed.version} request`,
        input: body,
        problems: [checkFrameBody(framed(body, random), SMALL_MAX_FRAME_BYTES), checkRequest(body)],
      };
    });
    expectClean(result);
  });

  it("30,000 mutated response frames, some read as the wrong API or version", () => {
    const result = runCampaign("responses", SEED, 30_000, (random) => {
      const seed = random.pick(seeds.responses);
      const body = mutate(seed.body, random);
      const api = random.chance(0.9) ? APIS.get(seed.apiKey)! : random.pick(API_LIST);
      const version = random.chance(0.9) ? seed.version : random.below(api.response.maxVersion + 3);
      return {
        describe: `${APIS.get(seed.apiKey)!.name} v${seed.version} response read as ${api.name} v${version}`,
        input: body,
        problems: [
          checkFrameBody(framed(body, random), SMALL_MAX_FRAME_BYTES),
          checkResponse(body, api.key, version),
        ],
      };
    });
    expectClean(result);
  });

  it("30,000 mutated bare messages of every message type and version", () => {
    const result = runCampaign("messages", SEED, 30_000, (random) => {
      const seed = random.pick(seeds.messages);
      const bytes = mutate(seed.bytes, random);
      return {
        describe: `${seed.spec.name} v${seed.version}`,
        input: bytes,
        problems: [checkMessage(seed.spec, bytes, seed.version)],
      };
    });
    expectClean(result);
  });

  it("10,000 random byte strings, half with a real API key and version up front", () => {
    const result = runCampaign("random", SEED, 10_000, (random) => {
      const bytes = random.bytes(random.chance(0.9) ? random.below(64) : random.below(1024));
      const api = random.pick(API_LIST);
      const version = random.below(api.request.maxVersion + 1);
      if (random.chance(0.5) && bytes.length >= 4)
        new DataView(bytes.buffer).setUint32(0, (api.key << 16) | version);
      const message = random.pick(MESSAGE_LIST);
      const messageVersion = random.below(message.maxVersion + 1);
      return {
        describe: `random, read as ${api.name} v${version} and ${message.name} v${messageVersion}`,
        input: bytes,
        problems: [
          checkFrameBody(bytes, SMALL_MAX_FRAME_BYTES),
          checkRequest(bytes),
          checkResponse(bytes, api.key, version),
          checkMessage(message, bytes, messageVersion),
        ],
      };
    });
    expectClean(result);
  });
});
