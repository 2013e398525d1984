/**
 * A playground document in and out of its two carriers: a JSON file, and a share link whose
 * hash holds the document deflated and base64url-encoded. Reading either never throws and
 * never trusts: the size is bounded before the text is read, the link's alphabet before it
 * is decoded, the inflated size while it inflates (a decompression bomb stops at the bound),
 * and the result is checked by the document's schema.
 */
import { deflateSync, Inflate } from "fflate";
import { formatBytes } from "../dock/format-bytes.ts";
import { checkDocument, type DocumentCheck } from "./document-schema.ts";
import type { Problem } from "./schema.ts";
import { LIMITS, type PlaygroundDocument } from "./share-format.ts";

/** The hash's prefix: `#share=<base64url>`. */
export const SHARE_HASH_PREFIX = "#share=";
/** Deflated input is fed this many bytes at a time: DEFLATE expands at most ~1032 times, so
 * one step yields about 1 MiB at most before the bound is checked again. */
const INFLATE_STEP_BYTES = 1024;

const refused = (problem: Problem): DocumentCheck => ({ ok: false, problems: [problem], more: 0 });

/** The document as an exported file writes it. */
export function documentToJson(document: PlaygroundDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Parses and checks a file's text. */
export function readDocumentText(text: string): DocumentCheck {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return refused({ path: [], key: "share.problem.emptyFile" });
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refused({
      path: [],
      key: "share.problem.notJson",
      values: { detail: detail.slice(0, 200) },
    });
  }
  return checkDocument(value);
}

/** Reads an imported file: refused unread when it is larger than the bound. */
export async function readDocumentFile(file: Blob): Promise<DocumentCheck> {
  if (file.size > LIMITS.fileBytes)
    return refused({
      path: [],
      key: "share.problem.fileTooLarge",
      values: { size: formatBytes(file.size), max: formatBytes(LIMITS.fileBytes) },
    });
  return readDocumentText(await file.text());
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The bytes of base64url text (no padding), or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const padded =
    text.replaceAll("-", "+").replaceAll("_", "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: boolean; detail: string };

/** Inflates raw DEFLATE data, giving up as soon as the output passes `maxBytes`. */
export function inflateBounded(deflated: Uint8Array, maxBytes: number): Inflated {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  let tooLarge = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) {
      tooLarge = true;
      throw new RangeError("inflated past the bound");
    }
    chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let offset = 0; offset < deflated.length; offset += INFLATE_STEP_BYTES) {
      const end = Math.min(deflated.length, offset + INFLATE_STEP_BYTES);
      inflater.push(deflated.subarray(offset, end), end === deflated.length);
    }
    if (deflated.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    return { ok: false, tooLarge, detail: error instanceof Error ? error.message : String(error) };
  }
  if (!finished) return { ok: false, tooLarge: false, detail: "the compressed data ends early" };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}

/** The hash that carries `document` (deflated, base64url). */
export function documentToHash(document: PlaygroundDocument): string {
  const json = new TextEncoder().encode(JSON.stringify(document));
  return SHARE_HASH_PREFIX + toBase64Url(deflateSync(json, { level: 9 }));
}

export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_HASH_PREFIX);
}

/** Reads a share link's hash (`#share=...`). */
export function readShareHash(hash: string): DocumentCheck {
  const encoded = hash.slice(SHARE_HASH_PREFIX.length);
  if (hash.length > LIMITS.linkChars)
    return refused({
      path: [],
      key: "share.problem.linkTooLong",
      values: { length: hash.length, max: LIMITS.linkChars },
    });
  const deflated = fromBase64Url(encoded);
  if (deflated === null || deflated.length === 0)
    return refused({ path: [], key: "share.problem.linkNotBase64" });
  const inflated = inflateBounded(deflated, LIMITS.inflatedBytes);
  if (!inflated.ok)
    return refused(
      inflated.tooLarge
        ? {
            path: [],
            key: "share.problem.linkBomb",
            values: { max: formatBytes(LIMITS.inflatedBytes) },
          }
        : { path: [], key: "share.problem.linkCorrupt", values: { detail: inflated.detail } },
    );
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(inflated.bytes);
  } catch {
    return refused({ path: [], key: "share.problem.linkCorrupt", values: { detail: "not UTF-8" } });
  }
  return readDocumentText(text);
}
