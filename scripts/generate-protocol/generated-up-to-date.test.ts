import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_OUT_DIR, DEFAULT_SPEC_DIR, generate } from "./main.ts";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const scratch = mkdtempSync(join(tmpdir(), "generated-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the committed codecs", () => {
  it("are what the generator makes from Kafka's specs today", () => {
    generate(DEFAULT_SPEC_DIR, scratch);
    const fresh = filesUnder(scratch);
    expect(filesUnder(DEFAULT_OUT_DIR)).toEqual(fresh);
    for (const file of fresh) {
      const committed = readFileSync(join(DEFAULT_OUT_DIR, file), "utf8");
      expect(committed, `${file} is stale: run npm run gen:protocol`).toBe(readFileSync(join(scratch, file), "utf8"));
    }
  });
});
