/**
 * Kafka's checkpoint files are small text files replaced atomically: write a `.tmp`,
 * flush it, rename it over the old one. A crash leaves either the old or the new file.
 */
import type { FileSystem } from "../fs/file-system.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function writeCheckpointFile(fs: FileSystem, path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp`;
  const file = await fs.open(temporary, { create: true });
  try {
    file.truncate(0);
    file.write(0, encoder.encode(text));
    await file.flush();
  } finally {
    await file.close();
  }
  await fs.rename(temporary, path);
}

/** The file's text, or null when there is no such file. */
export async function readCheckpointFile(fs: FileSystem, path: string): Promise<string | null> {
  if (!(await fs.exists(path))) return null;
  const file = await fs.open(path);
  try {
    return decoder.decode(file.read(0, file.size()));
  } finally {
    await file.close();
  }
}

/**
 * Parse Kafka's checkpoint layout: a version line ("0"), an entry count line, then one
 * line per entry. Returns null when the text is damaged (Kafka then ignores the file).
 */
export function parseCheckpointLines(text: string): string[][] | null {
  const lines = text.split("\n").filter((line, i, all) => line !== "" || i < all.length - 1);
  if (lines[0] !== "0" || lines.length < 2) return null;
  const count = Number(lines[1]);
  const entries = lines.slice(2);
  if (!Number.isInteger(count) || count !== entries.length) return null;
  return entries.map((line) => line.split(" "));
}

export function formatCheckpointLines(entries: readonly string[][]): string {
  return ["0", String(entries.length), ...entries.map((fields) => fields.join(" "))].join("\n") + "\n";
}
