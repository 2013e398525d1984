import { beforeEach, describe, expect, it } from "vitest";
import { groupGlyph, GROUP_GLYPHS } from "./group-glyph.ts";
import { KEY_HUES, keyColour, NULL_KEY_COLOUR, resetKeyColours } from "./key-colour.ts";
import { inkOn, TOPIC_HUES, topicColour } from "./topic-colour.ts";

describe("topicColour", () => {
  it("gives a topic the same Okabe–Ito hue every time", () => {
    for (const name of ["orders", "payments", "clicks", "__consumer_offsets"]) {
      expect(TOPIC_HUES).toContain(topicColour(name));
      expect(topicColour(name)).toBe(topicColour(name));
    }
  });

  it("spreads topics over the palette rather than one hue", () => {
    const hues = new Set(Array.from({ length: 40 }, (_, index) => topicColour(`topic-${index}`)));
    expect(hues.size).toBeGreaterThanOrEqual(5);
  });

  it("keeps the default topic on the calm blue", () => {
    expect(topicColour("orders")).toBe("#0072b2");
  });
});

describe("inkOn", () => {
  it("writes white on dark hues and black on light ones", () => {
    expect(inkOn("#0072b2")).toBe("#ffffff");
    expect(inkOn("#f0e442")).toBe("#111418");
  });
});

describe("keyColour", () => {
  beforeEach(() => resetKeyColours());

  it("draws a null key neutral grey", () => {
    expect(keyColour(null)).toBe(NULL_KEY_COLOUR);
    expect(KEY_HUES).not.toContain(NULL_KEY_COLOUR);
  });

  it("gives a handful of keys a hue each, and each key always the same", () => {
    const keys = ["alice", "bob", "carol", "dave", "erin"];
    const first = keys.map((key) => keyColour(key));
    expect(new Set(first).size).toBe(keys.length);
    expect(keys.map((key) => keyColour(key))).toEqual(first);
  });

  it("uses every hue before any two of the first keys share one", () => {
    const keys = Array.from({ length: KEY_HUES.length }, (_, index) => `key-${index}`);
    expect(new Set(keys.map((key) => keyColour(key))).size).toBe(KEY_HUES.length);
    // Beyond the palette, keys still get one of its hues, by their hash.
    expect(KEY_HUES).toContain(keyColour("key-999"));
    expect(keyColour("key-999")).toBe(keyColour("key-999"));
  });

  it("keeps key hues apart from the topics' hues", () => {
    for (const hue of KEY_HUES) expect(TOPIC_HUES as readonly string[]).not.toContain(hue);
  });
});

describe("groupGlyph", () => {
  it("gives a group a stable shape from the set", () => {
    expect(GROUP_GLYPHS).toContain(groupGlyph("billing"));
    expect(groupGlyph("billing")).toBe(groupGlyph("billing"));
    const glyphs = new Set(Array.from({ length: 30 }, (_, index) => groupGlyph(`group-${index}`)));
    expect(glyphs.size).toBeGreaterThanOrEqual(5);
  });
});
