/**
 * Runs the conformance table: expands every row into one run per version KafkaJS
 * implements, and does the byte plumbing both ways (KafkaJS request → our decoder, our
 * response → KafkaJS decoder) so that the test files only state what must hold.
 */
import { APIS, ApiKey } from "../../generated/api-table.ts";
import { SCHEMAS } from "../../generated/schemas.ts";
import type { MessageSchema } from "../../schema-types.ts";
import { ADMIN_CASES } from "./admin-cases.ts";
import type { KafkaJsConformanceCase } from "./conformance-case.ts";
import { GROUP_CASES } from "./group-cases.ts";
import {
  createKafkaJsRequestFrame,
  kafkaJsRequests,
  splitKafkaJsResponseFrame,
  type KafkaJsExchange,
} from "./kafkajs-internals.ts";
import { TOPIC_DATA_CASES } from "./topic-data-cases.ts";
import { encodeResponseFrame } from "../../frames.ts";

export const KAFKAJS_CASES: KafkaJsConformanceCase[] = [
  ...TOPIC_DATA_CASES,
  ...GROUP_CASES,
  ...ADMIN_CASES,
];

export const CLIENT_ID = "kafkajs-conformance";

export interface ConformanceRun {
  conformanceCase: KafkaJsConformanceCase;
  version: number;
  apiKey: number;
  /** A correlation id that differs per run, so a header misread cannot pass by luck. */
  correlationId: number;
  requestSchema: MessageSchema;
  responseSchema: MessageSchema;
}

/** The versions KafkaJS implements for an API, ascending. */
export function kafkaJsVersions(kafkaJsName: string): number[] {
  const definitions = kafkaJsRequests[kafkaJsName];
  if (definitions === undefined) throw new Error(`KafkaJS has no request named ${kafkaJsName}`);
  return definitions.versions.map(Number).sort((a, b) => a - b);
}

function schemaOf(name: string): MessageSchema {
  const schema = SCHEMAS[name];
  if (schema === undefined) throw new Error(`no generated schema ${name}`);
  return schema;
}

export function conformanceRuns(): ConformanceRun[] {
  return KAFKAJS_CASES.flatMap((conformanceCase) =>
    kafkaJsVersions(conformanceCase.kafkaJsName).map((version) => {
      const apiKey = ApiKey[conformanceCase.api];
      return {
        conformanceCase,
        version,
        apiKey,
        correlationId: 0x4b1d_0000 + apiKey * 0x100 + version,
        requestSchema: schemaOf(`${conformanceCase.api}Request`),
        responseSchema: schemaOf(`${conformanceCase.api}Response`),
      };
    }),
  );
}

function exchangeFor(run: ConformanceRun): KafkaJsExchange {
  const definitions = kafkaJsRequests[run.conformanceCase.kafkaJsName]!;
  return definitions.protocol({ version: run.version })(
    run.conformanceCase.requestArgs(run.version),
  );
}

/** What KafkaJS sends for this run: the whole frame (its own header) and the bare body. */
export async function kafkaJsRequest(run: ConformanceRun): Promise<{
  apiKey: number;
  apiVersion: number;
  frame: Uint8Array;
  body: Uint8Array;
}> {
  const { request } = exchangeFor(run);
  const frame = await createKafkaJsRequestFrame({
    correlationId: run.correlationId,
    clientId: CLIENT_ID,
    request,
  });
  const body = await request.encode();
  return {
    apiKey: request.apiKey,
    apiVersion: request.apiVersion,
    frame: frame.buffer,
    body: body.buffer,
  };
}

/**
 * Encode `response` with our codec as the broker would send it, and hand it to KafkaJS the
 * way its connection does. Returns what KafkaJS decoded and its `parse` step to run.
 */
export async function kafkaJsReadsResponse(
  run: ConformanceRun,
  response: Record<string, unknown>,
): Promise<{ correlationId: number; decoded: unknown; parse: () => Promise<unknown> }> {
  const frame = encodeResponseFrame(run.apiKey, run.version, run.correlationId, response);
  const { correlationId, payload } = splitKafkaJsResponseFrame(frame);
  const { response: reader } = exchangeFor(run);
  const decoded = await reader.decode(payload);
  return { correlationId, decoded, parse: () => reader.parse(decoded) };
}

/** Our codec for the request or response of a run. */
export function codecsOf(run: ConformanceRun) {
  const api = APIS.get(run.apiKey);
  if (api === undefined) throw new Error(`no API ${run.apiKey}`);
  return api;
}
