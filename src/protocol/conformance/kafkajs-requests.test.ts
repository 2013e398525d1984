/**
 * KafkaJS 2.2.4 → our decoders: for every API and version KafkaJS implements among ours,
 * KafkaJS builds the request (its own header and framing), and our frame decoder must read
 * back exactly the values KafkaJS was given.
 */
import { describe, expect, it } from "vitest";
import { decodeRequest, frameBody } from "../frames.ts";
import { decodeMessage } from "../message-codec.ts";
import { differencesBySchema } from "./testing/compare-by-schema.ts";
import { CLIENT_ID, codecsOf, conformanceRuns, kafkaJsRequest } from "./testing/kafkajs-harness.ts";

describe("our decoders read KafkaJS's requests", () => {
  for (const run of conformanceRuns()) {
    it(`${run.conformanceCase.api} v${run.version}`, async () => {
      const sent = await kafkaJsRequest(run);
      expect({ apiKey: sent.apiKey, apiVersion: sent.apiVersion }).toEqual({
        apiKey: run.apiKey,
        apiVersion: run.version,
      });

      const body = frameBody(sent.frame);
      if (!body.ok) throw body.error;
      const decoded = decodeRequest(body.value);
      if (!decoded.ok) throw decoded.failure.error;
      expect(decoded.value.meta).toEqual({
        apiKey: run.apiKey,
        apiVersion: run.version,
        correlationId: run.correlationId,
        clientId: CLIENT_ID,
      });

      const expected = await run.conformanceCase.expectedRequest(run.version);
      expect(
        differencesBySchema(run.requestSchema, run.version, expected, decoded.value.body),
      ).toEqual([]);

      // The bare body (no header) decodes on its own to the same request.
      const bare = decodeMessage(codecsOf(run).request, sent.body, run.version);
      expect(bare).toEqual({ ok: true, value: decoded.value.body });
    });
  }
});
