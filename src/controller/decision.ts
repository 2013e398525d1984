/**
 * What a controller operation decides: the records to write, in order, and how to answer.
 * `respond` runs once the records are applied to the working image, so an answer can read
 * the state its own records made (AlterPartition answers with the new partition epoch).
 * `afterAppend` learns the offset of the last record (a controlled shutdown waits for the
 * brokers to reach it).
 */
import type { MetadataRecord } from "../metadata/metadata-record.ts";

export interface Decision<Response> {
  records: MetadataRecord[];
  respond(): Response;
  afterAppend?(lastOffset: bigint): void;
}

/** A decision whose answer is already known. */
export function decided<Response>(
  records: MetadataRecord[],
  response: Response,
): Decision<Response> {
  return { records, respond: () => response };
}

/** Kafka's MAX_RECORDS_PER_USER_OP: one request writes at most this many records. */
export const MAX_RECORDS_PER_OPERATION = 10_000;
