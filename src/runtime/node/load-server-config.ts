/**
 * From broker-main's command line to a ServerConfig: read the properties file (as bytes,
 * ISO-8859-1, as Kafka does), apply the overrides, find the node's meta.properties, and
 * resolve a relative log dir against the working directory, as the JVM would.
 */
import { existsSync, readFileSync } from "node:fs";
import { hostname } from "node:os";
import { resolve } from "node:path";
import { parseMetaProperties } from "../../log/checkpoints/meta-properties.ts";
import type { BrokerCommandLine } from "./broker-command-line.ts";
import { ConfigError } from "./config-error.ts";
import { decodePropertiesFile, parseJavaProperties } from "./java-properties.ts";
import {
  deriveServerConfig,
  metaPropertiesPath,
  type ServerConfig,
  type StoredMeta,
} from "./server-properties.ts";

export function readPropertiesFile(path: string): Map<string, string> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `cannot read the properties file ${path}: ${code === "ENOENT" ? "no such file" : String(error)}`,
    );
  }
  return parseJavaProperties(decodePropertiesFile(bytes), path);
}

export function loadServerConfig(
  commandLine: BrokerCommandLine,
  workingDirectory = process.cwd(),
): ServerConfig {
  if (commandLine.configPath === null && commandLine.overrides.length === 0) {
    throw new ConfigError("no properties given: pass --config server.properties (see --help)");
  }
  const properties =
    commandLine.configPath === null
      ? new Map<string, string>()
      : readPropertiesFile(resolve(workingDirectory, commandLine.configPath));
  for (const [key, value] of commandLine.overrides) properties.set(key, value);
  const config = deriveServerConfig(properties, {
    clusterId: commandLine.clusterId,
    readMeta: (logDir) =>
      readStoredMeta(metaPropertiesPath(resolve(workingDirectory, logDir))),
    hostName: hostname(),
  });
  return { ...config, logDir: resolve(workingDirectory, config.logDir) };
}

function readStoredMeta(path: string): StoredMeta | null {
  if (!existsSync(path)) return null;
  return { path, meta: parseMetaProperties(readFileSync(path, "latin1")) };
}
