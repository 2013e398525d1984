/**
 * The inspector's own questions to the cluster, shaped like playground/actions.ts (never
 * throw; Kafka's name for an error): a broker's configs, and ApiVersions asked of a broker.
 */
import { ConfigResourceType, type DescribedConfigEntry } from "../../client/admin/admin-types.ts";
import { APIS } from "../../protocol/generated/api-table.ts";
import { ERRORS } from "../../protocol/generated/error-codes.ts";
import type { ProbeResult } from "../../runtime/web-worker/api-versions-probe.ts";
import { attempt } from "../playground/actions.ts";

/** A broker's configs: DescribeConfigs for resource type BROKER (4), named by the broker id. */
export const describeBrokerConfigs = (brokerId: number) =>
  attempt(async (session): Promise<DescribedConfigEntry[]> => {
    const answer = await session.admin.describeConfigs({
      resources: [{ type: ConfigResourceType.BROKER, name: String(brokerId) }],
      includeSynonyms: false,
    });
    const resource = answer.resources[0];
    if (resource !== undefined && resource.errorCode !== 0) {
      throw Object.assign(new Error(resource.errorMessage ?? errorName(resource.errorCode)), {
        type: errorName(resource.errorCode),
      });
    }
    return resource?.configEntries ?? [];
  });

/** What kafka-broker-api-versions.sh asks: the page dials the broker and sends ApiVersions. */
export const askApiVersions = (brokerId: number) =>
  attempt((session): Promise<ProbeResult> => session.host.probe("page", brokerId));

export interface ApiVersionRow {
  apiKey: number;
  /** Kafka's name for the API; "Unknown" for a key this page has no codec for. */
  name: string;
  minVersion: number;
  maxVersion: number;
}

export function apiVersionRows(result: ProbeResult): ApiVersionRow[] {
  return [...result.apiKeys]
    .sort((a, b) => a.apiKey - b.apiKey)
    .map((api) => ({ ...api, name: APIS.get(api.apiKey)?.name ?? "Unknown" }));
}

/** Kafka's name for an error code (NONE for 0). */
export function errorName(errorCode: number): string {
  return ERRORS.get(errorCode)?.name ?? `error ${errorCode}`;
}
