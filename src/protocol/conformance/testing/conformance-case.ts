/**
 * One row of the KafkaJS conformance table: an API, what to ask KafkaJS to send, what our
 * decoder must read from it, and a response for KafkaJS to read. The harness runs each row
 * once per version KafkaJS implements, so a row never mentions a version it need not.
 */
import type { ApiName } from "../../generated/api-table.ts";
import type { FieldViews } from "./compare-by-schema.ts";

type MaybePromise<T> = T | Promise<T>;

export interface KafkaJsConformanceCase {
  /** Our name for the API (a key of ApiKey). */
  api: ApiName;
  /** KafkaJS's name for it: its key in requests/index.js. */
  kafkaJsName: string;
  /** The arguments KafkaJS's request builder for `version` is called with. */
  requestArgs(version: number): unknown;
  /**
   * The request our decoder must read from KafkaJS's bytes, in our field names. It must
   * hold every field the version carries (a missing one shows up as a difference); fields
   * a version does not carry are ignored, so one value can serve every version.
   */
  expectedRequest(version: number): MaybePromise<Record<string, unknown>>;
  /** A realistic response (no error codes, so that KafkaJS's `parse` accepts it). */
  response(version: number): MaybePromise<Record<string, unknown>>;
  /** Where KafkaJS's decoded response keeps each of our response fields. */
  responseViews: FieldViews;
}

/** KafkaJS v2+ of most APIs moves the broker's throttle time to `clientSideThrottleTime`. */
export function throttleTimeFrom(firstRenamedVersion: number): (version: number) => string {
  return (version) => (version >= firstRenamedVersion ? "clientSideThrottleTime" : "throttleTime");
}
