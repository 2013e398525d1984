import { deflateSync } from "fflate";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { formatPath } from "./schema.ts";
import {
  documentToHash,
  documentToJson,
  fromBase64Url,
  inflateBounded,
  readDocumentFile,
  readDocumentText,
  readShareHash,
  SHARE_HASH_PREFIX,
  toBase64Url,
} from "./share-codec.ts";
import type { DocumentCheck } from "./document-schema.ts";
import { LIMITS } from "./share-format.ts";
import { sampleDocument } from "./testing/sample-document.ts";

const hashOf = (bytes: Uint8Array) => SHARE_HASH_PREFIX + toBase64Url(bytes);
const deflated = (text: string) => deflateSync(new TextEncoder().encode(text));

function refusal(check: DocumentCheck): { path: string; key: string } {
  if (check.ok) throw new Error("expected a refusal");
  return { path: formatPath(check.problems[0]!.path), key: check.problems[0]!.key };
}

describe("base64url", () => {
  it("round-trips every byte value", () => {
    const bytes = Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(text)).toEqual(bytes);
  });

  it("refuses characters outside the alphabet and impossible lengths", () => {
    expect(fromBase64Url("ab+c")).toBeNull();
    expect(fromBase64Url("abc=")).toBeNull();
    expect(fromBase64Url("abcde")).toBeNull();
  });
});

describe("a share link", () => {
  it("round-trips the document, records and all", () => {
    const document = sampleDocument();
    const hash = documentToHash(document);
    expect(hash.startsWith("#share=")).toBe(true);
    expect(readShareHash(hash)).toEqual({ ok: true, document });
  });

  it("is much shorter than the JSON it carries", () => {
    const document = sampleDocument();
    delete document.data;
    expect(documentToHash(document).length).toBeLessThan(JSON.stringify(document).length);
  });

  it("refuses data that is not base64url", () => {
    expect(refusal(readShareHash("#share=@@@"))).toEqual({
      path: "",
      key: "share.problem.linkNotBase64",
    });
    expect(refusal(readShareHash("#share="))).toEqual({
      path: "",
      key: "share.problem.linkNotBase64",
    });
  });

  it("refuses data that does not inflate", () => {
    expect(refusal(readShareHash(hashOf(new Uint8Array([0xff, 0xff, 0xff, 0xff]))))).toEqual({
      path: "",
      key: "share.problem.linkCorrupt",
    });
    const cut = deflated(JSON.stringify(sampleDocument()));
    expect(refusal(readShareHash(hashOf(cut.subarray(0, cut.length >> 1))))).toEqual({
      path: "",
      key: "share.problem.linkCorrupt",
    });
  });

  it("refuses a decompression bomb (30 MiB of zeros in a link)", () => {
    // zlib's raw DEFLATE (the same format) builds the bomb fast: 30 MiB of zeros in ~30 KB.
    const bomb = deflateRawSync(new Uint8Array(30 * 1024 * 1024), { level: 9 });
    const hash = hashOf(bomb);
    expect(hash.length).toBeLessThan(LIMITS.linkChars);
    expect(refusal(readShareHash(hash))).toEqual({ path: "", key: "share.problem.linkBomb" });
  });

  it("stops inflating at the bound, whatever the input", () => {
    const result = inflateBounded(deflateSync(new Uint8Array(100_000)), 10_000);
    expect(result).toMatchObject({ ok: false, tooLarge: true });
    const fits = inflateBounded(deflateSync(new Uint8Array(10_000)), 10_000);
    expect(fits.ok && fits.bytes.length).toBe(10_000);
  });

  it("refuses a link longer than the bound without decoding it", () => {
    const hash = SHARE_HASH_PREFIX + "A".repeat(LIMITS.linkChars);
    expect(refusal(readShareHash(hash))).toEqual({ path: "", key: "share.problem.linkTooLong" });
  });

  it("refuses text that is not UTF-8, not JSON, or not a document", () => {
    expect(refusal(readShareHash(hashOf(deflateSync(new Uint8Array([0xc3, 0x28])))))).toEqual({
      path: "",
      key: "share.problem.linkCorrupt",
    });
    expect(refusal(readShareHash(hashOf(deflated("{ not json"))))).toEqual({
      path: "",
      key: "share.problem.notJson",
    });
    const wrong = {
      ...sampleDocument(),
      cluster: { brokers: 99, controllers: 3, storage: "opfs" },
    };
    expect(refusal(readShareHash(hashOf(deflated(JSON.stringify(wrong)))))).toEqual({
      path: "cluster.brokers",
      key: "share.problem.outOfRange",
    });
  });
});

describe("an imported file", () => {
  it("is read back as exported", async () => {
    const document = sampleDocument();
    const file = new Blob([documentToJson(document)], { type: "application/json" });
    expect(await readDocumentFile(file)).toEqual({ ok: true, document });
  });

  it("is refused unread when larger than the bound", async () => {
    const file = new Blob([new Uint8Array(LIMITS.fileBytes + 1)]);
    expect(refusal(await readDocumentFile(file))).toEqual({
      path: "",
      key: "share.problem.fileTooLarge",
    });
  });

  it("is refused when empty or not JSON", () => {
    expect(refusal(readDocumentText(""))).toEqual({ path: "", key: "share.problem.emptyFile" });
    expect(refusal(readDocumentText("{ orders: 3 }"))).toEqual({
      path: "",
      key: "share.problem.notJson",
    });
    expect(refusal(readDocumentText("\u0000\u0001binary"))).toEqual({
      path: "",
      key: "share.problem.notJson",
    });
  });

  it("is refused, not crashed on, when deeply nested", () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const check = readDocumentText(deep);
    expect(check.ok).toBe(false);
    expect(["share.problem.notJson", "share.problem.notDocument"]).toContain(refusal(check).key);
  });

  it("may start with a byte-order mark", () => {
    expect(readDocumentText(`\uFEFF${documentToJson(sampleDocument())}`).ok).toBe(true);
  });
});
