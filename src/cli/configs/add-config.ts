/**
 * What kafka-configs --alter sets and deletes, read as ConfigCommand reads it:
 *   --add-config 'k1=v1,k2=[v1,v2,v2],k3=v3': pairs split at commas outside square brackets,
 *     each at its first '=' outside brackets (blanks around '=' allowed); the brackets are
 *     then dropped from the value ("[a,b]" is "a,b"), and a value may be empty ("k=").
 *   --add-config-file: a properties file (Java's Properties format) with the configs to add.
 *   --delete-config k1,k2 (or repeated): names, trimmed.
 * Keys may hold only letters, digits and "$._-".
 */
import type { FileSystem } from "../../log/fs/file-system.ts";
import { javaSplit } from "../topics/topic-arguments.ts";
import { JavaException, illegalArgument } from "../framework/java-exception.ts";
import { readTextFile } from "../framework/tool-files.ts";

/** Kafka's lookahead: the separator is followed by no ']' before the next '[' or the end. */
const OUTSIDE_BRACKETS = "(?=[^\\]]*(?:\\[|$))";

function validateKeys(keys: Iterable<string>): void {
  for (const key of keys) {
    if (!/^[$a-zA-Z0-9._-]*$/.test(key))
      throw illegalArgument(`Invalid character found for config key: ${key}`);
  }
}

/** --add-config's value as an ordered map (a key given twice keeps its last value). */
export function parseAddConfig(text: string): Map<string, string> {
  const pairs = javaSplit(text, new RegExp(`,${OUTSIDE_BRACKETS}`)).map((pair) =>
    pair.split(new RegExp(`\\s*=\\s*${OUTSIDE_BRACKETS}`)),
  );
  if (pairs.some((pair) => pair.length !== 2)) {
    throw illegalArgument(
      'Invalid entity config: all configs to be added must be in the format "key=val" or  "key=[val1,val2]" to group values which contain commas.',
    );
  }
  const configs = new Map<string, string>();
  for (const [key, value] of pairs) configs.set(key!.trim(), value!.replace(/[[\]]/g, "").trim());
  validateKeys(configs.keys());
  return configs;
}

/** Java's Properties.load for the simple cases: key=value, key:value or "key value" lines, # and ! comments. */
export function parseProperties(text: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    const match = /^([^=:\s]*)\s*[=:\s]?\s*(.*)$/.exec(line)!;
    properties.set(match[1]!, match[2]!);
  }
  return properties;
}

export async function readPropertiesFile(
  files: FileSystem,
  path: string,
): Promise<Map<string, string>> {
  const text = await readTextFile(files, path);
  if (text === null) throw new JavaException("NoSuchFileException", path);
  const properties = parseProperties(text);
  validateKeys(properties.keys());
  return properties;
}

/** --delete-config's values: each split at commas (joptsimple's withValuesSeparatedBy(',')), trimmed. */
export function parseDeleteConfig(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(",")).map((name) => name.trim());
}
