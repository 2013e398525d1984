/** Every command-line tool, by the name of Kafka's script (without `.sh`). */
import { dumpLogTool } from "./dump-log/dump-log.ts";
import type { Tool } from "./framework/tool.ts";
import { metadataQuorumTool } from "./metadata-quorum/metadata-quorum.ts";

export const TOOLS: ReadonlyMap<string, Tool> = new Map(
  [dumpLogTool, metadataQuorumTool].map((tool) => [tool.name, tool]),
);
