import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { JavaException } from "../framework/java-exception.ts";
import {
  parseAddConfig,
  parseDeleteConfig,
  parseProperties,
  readPropertiesFile,
} from "./add-config.ts";

describe("kafka-configs' --add-config and --delete-config", () => {
  it("splits pairs at commas outside square brackets, and drops the brackets", () => {
    expect(parseAddConfig("k1=v1,k2=[v1,v2,v2],k3=v3")).toEqual(
      new Map([
        ["k1", "v1"],
        ["k2", "v1,v2,v2"],
        ["k3", "v3"],
      ]),
    );
    expect(
      parseAddConfig("cleanup.policy = [compact,delete] , ssl.endpoint.identification.algorithm="),
    ).toEqual(
      new Map([
        ["cleanup.policy", "compact,delete"],
        ["ssl.endpoint.identification.algorithm", ""],
      ]),
    );
    // A trailing comma is nothing (Java's split drops the empty last part).
    expect(parseAddConfig("a=1,")).toEqual(new Map([["a", "1"]]));
  });

  it("refuses what Kafka refuses, with its messages", () => {
    const failure = (text: string) => {
      try {
        parseAddConfig(text);
      } catch (error) {
        return (error as JavaException).message;
      }
      return null;
    };
    expect(failure("a")).toBe(
      'Invalid entity config: all configs to be added must be in the format "key=val" or  "key=[val1,val2]" to group values which contain commas.',
    );
    expect(failure("a=b=c")).toMatch(/^Invalid entity config/);
    expect(failure("bad key=1")).toBe("Invalid character found for config key: bad key");
  });

  it("reads a properties file and a comma-separated --delete-config", async () => {
    expect(
      parseProperties("# comment\n! too\nretention.ms=100\ncleanup.policy: compact\n\nx y\n"),
    ).toEqual(
      new Map([
        ["retention.ms", "100"],
        ["cleanup.policy", "compact"],
        ["x", "y"],
      ]),
    );
    const files = new MemoryFileSystem();
    const file = await files.open("configs.properties", { create: true });
    file.append(new TextEncoder().encode("segment.ms=1000\n"));
    await file.close();
    expect(await readPropertiesFile(files, "configs.properties")).toEqual(
      new Map([["segment.ms", "1000"]]),
    );
    await expect(readPropertiesFile(files, "missing.properties")).rejects.toThrow(
      "missing.properties",
    );
    expect(parseDeleteConfig(["a, b", "c"])).toEqual(["a", "b", "c"]);
  });
});
