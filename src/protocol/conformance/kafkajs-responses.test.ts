/**
 * Our encoders → KafkaJS 2.2.4: for every API and version KafkaJS implements among ours, a
 * realistic response encoded by our codec is read by KafkaJS's own decoder, which must see
 * every field we sent, and KafkaJS's `parse` must accept it.
 */
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage } from "../message-codec.ts";
import { differencesBySchema } from "./testing/compare-by-schema.ts";
import { codecsOf, conformanceRuns, kafkaJsReadsResponse } from "./testing/kafkajs-harness.ts";

describe("KafkaJS reads our responses", () => {
  for (const run of conformanceRuns()) {
    it(`${run.conformanceCase.api} v${run.version}`, async () => {
      const response = await run.conformanceCase.response(run.version);

      // First our own codec: the table gives every field the version carries, correctly
      // named (a misspelt field would otherwise be encoded as a default and go unnoticed).
      const spec = codecsOf(run).response;
      const ours = decodeMessage(spec, encodeMessage(spec, response, run.version), run.version);
      if (!ours.ok) throw ours.error;
      expect(differencesBySchema(run.responseSchema, run.version, response, ours.value)).toEqual(
        [],
      );

      const read = await kafkaJsReadsResponse(run, response);
      expect(read.correlationId).toBe(run.correlationId);
      const differences = differencesBySchema(
        run.responseSchema,
        run.version,
        response,
        read.decoded,
        run.conformanceCase.responseViews,
        {
          nullArrayReadsAsEmpty: true,
        },
      );
      expect(differences).toEqual([]);
      await expect(read.parse()).resolves.toBe(read.decoded);
    });
  }
});
