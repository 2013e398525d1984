/**
 * A whole text file a tool was given by path (--from-file, --add-config-file,
 * --path-to-json-file), read from the files its shell offers.
 */
import type { FileSystem } from "../../log/fs/file-system.ts";

/** The file's text, or null when it cannot be read (Kafka's tools then name NoSuchFileException). */
export async function readTextFile(files: FileSystem, path: string): Promise<string | null> {
  try {
    const file = await files.open(path);
    try {
      return new TextDecoder().decode(file.read(0, file.size()));
    } finally {
      await file.close();
    }
  } catch {
    return null;
  }
}
