/**
 * `npm run gen:protocol`: reads Kafka's JSON specs from kafka-protocol/ (or
 * KAFKA_PROTOCOL_DIR) and writes src/protocol/generated/. The output is committed so the
 * build does not run the generator; a test checks it matches the specs.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { API_NAMES, MESSAGE_STRUCTS } from "./apis.ts";
import { emitMessage } from "./emit-message.ts";
import { emitAllMessages, emitApiTable, emitErrorCodes, emitSchemas } from "./emit-tables.ts";
import { buildMessage, type MessageModel } from "./model.ts";
import { readSpec } from "./spec.ts";

const root = resolve(import.meta.dirname, "../..");
export const DEFAULT_SPEC_DIR = resolve(process.env.KAFKA_PROTOCOL_DIR ?? join(root, "kafka-protocol"));
export const DEFAULT_OUT_DIR = join(root, "src/protocol/generated");

export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

export function generate(specDir = DEFAULT_SPEC_DIR, outDir = DEFAULT_OUT_DIR): number {
  rmSync(outDir, { recursive: true, force: true });
  for (const folder of ["messages", "metadata-records", "coordinator-records"]) {
    mkdirSync(join(outDir, folder), { recursive: true });
  }
  const models: MessageModel[] = [];
  const files: { name: string; path: string }[] = [];
  const write = (folder: string, model: MessageModel) => {
    const path = `${folder}/${kebab(model.name)}.ts`;
    writeFileSync(join(outDir, path), emitMessage(model));
    models.push(model);
    files.push({ name: model.name, path });
  };

  const apis: { key: number; name: string; file: string }[] = [];
  for (const name of API_NAMES) {
    const request = buildMessage(readSpec(join(specDir, "message", `${name}Request.json`)));
    const response = buildMessage(readSpec(join(specDir, "message", `${name}Response.json`)));
    if (request.apiKey === null || request.apiKey !== response.apiKey) {
      throw new Error(`${name}: request and response disagree on the api key`);
    }
    write("messages", request);
    write("messages", response);
    apis.push({ key: request.apiKey, name, file: kebab(name) });
  }
  for (const name of MESSAGE_STRUCTS) {
    write("messages", buildMessage(readSpec(join(specDir, "message", `${name}.json`))));
  }
  for (const [folder, source] of [
    ["metadata-records", "metadata"],
    ["coordinator-records", "group-coordinator"],
  ] as const) {
    const files = readdirSync(join(specDir, source)).filter((f) => f.endsWith(".json")).sort();
    for (const file of files) write(folder, buildMessage(readSpec(join(specDir, source, file))));
  }

  writeFileSync(join(outDir, "error-codes.ts"), emitErrorCodes(readFileSync(join(specDir, "errors.csv"), "utf8")));
  writeFileSync(join(outDir, "api-table.ts"), emitApiTable(apis));
  writeFileSync(join(outDir, "schemas.ts"), emitSchemas(models));
  writeFileSync(join(outDir, "all-messages.ts"), emitAllMessages(files));
  return models.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = generate();
  console.log(`generated ${count} messages into ${DEFAULT_OUT_DIR}`);
}
