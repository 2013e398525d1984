/**
 * DescribeConfigs (key 32), answered from the broker's metadata image and its own
 * configs, as kafka-configs --describe shows them:
 *   TOPIC (2): every topic config with its value, source and synonyms (config-entries.ts);
 *     an invalid name is INVALID_TOPIC_EXCEPTION, a topic that does not exist
 *     UNKNOWN_TOPIC_OR_PARTITION.
 *   BROKER (4) "<this broker's id>": every broker config; "" (the cluster-wide default):
 *     the dynamic defaults that are set; any other id is INVALID_REQUEST, as Kafka only
 *     describes the broker that was asked (the admin client sends each broker's own).
 *   Any other resource type (BROKER_LOGGER, CLIENT_METRICS, GROUP, ...) is INVALID_REQUEST:
 *     the playground keeps none of those configs.
 * configurationKeys (null or empty: all) picks configs by name. Documentation (v3+) is not
 * kept, so it is always null.
 */
import { ConfigResourceType } from "../../metadata/metadata-image.ts";
import { topicNameProblem } from "../../metadata/topic-name.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type {
  DescribeConfigsRequest,
  DescribeConfigsRequestDescribeConfigsResource,
} from "../../protocol/generated/messages/describe-configs-request.ts";
import {
  defaultDescribeConfigsResponse,
  type DescribeConfigsResponse,
  type DescribeConfigsResponseDescribeConfigsResourceResult,
  type DescribeConfigsResponseDescribeConfigsResult,
} from "../../protocol/generated/messages/describe-configs-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import {
  brokerConfigEntries,
  clusterDefaultEntries,
  topicConfigEntries,
  type BrokerConfigLayers,
} from "./config-entries.ts";

type Resource = DescribeConfigsRequestDescribeConfigsResource;
type Result = DescribeConfigsResponseDescribeConfigsResult;
type Entry = DescribeConfigsResponseDescribeConfigsResourceResult;

export const describeConfigsHandler = defineHandler<
  DescribeConfigsRequest,
  DescribeConfigsResponse,
  BrokerServices
>({
  apiKey: ApiKey.DescribeConfigs,
  minVersion: 0,
  maxVersion: 4,
  handle(request, { services }) {
    const layers = brokerLayers(services);
    const results = request.resources.map((resource) =>
      describe(services, layers, resource, request.includeSynonyms),
    );
    return { ...defaultDescribeConfigsResponse(), results };
  },
});

function brokerLayers(services: BrokerServices): BrokerConfigLayers {
  const image = services.image();
  return {
    perBroker: image.brokerConfigs(services.nodeId),
    clusterDefaults: image.brokerConfigs(null),
    config: services.config,
  };
}

function describe(
  services: BrokerServices,
  layers: BrokerConfigLayers,
  resource: Resource,
  includeSynonyms: boolean,
): Result {
  const { resourceType, resourceName } = resource;
  const answer = (
    errorCode: number,
    errorMessage: string | null,
    configs: Entry[] = [],
  ): Result => ({
    errorCode,
    errorMessage,
    resourceType,
    resourceName,
    configs: errorCode === ErrorCode.NONE ? selected(configs, resource.configurationKeys) : [],
  });
  switch (resourceType) {
    case ConfigResourceType.TOPIC: {
      const problem = topicNameProblem(resourceName);
      if (problem !== null) return answer(ErrorCode.INVALID_TOPIC_EXCEPTION, problem);
      if (!services.image().topicsByName.has(resourceName))
        return answer(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, null);
      return answer(
        ErrorCode.NONE,
        null,
        topicConfigEntries(services.image().topicConfigs(resourceName), layers, includeSynonyms),
      );
    }
    case ConfigResourceType.BROKER: {
      if (resourceName === "")
        return answer(ErrorCode.NONE, null, clusterDefaultEntries(layers, includeSynonyms));
      if (!/^-?\d+$/.test(resourceName))
        return answer(
          ErrorCode.INVALID_REQUEST,
          `Broker id must be an integer, but it is: ${resourceName}`,
        );
      if (Number(resourceName) !== services.nodeId) {
        return answer(
          ErrorCode.INVALID_REQUEST,
          `Unexpected broker id, expected ${services.nodeId} or empty string, but received ${resourceName}`,
        );
      }
      return answer(ErrorCode.NONE, null, brokerConfigEntries(layers, includeSynonyms));
    }
    default:
      return answer(ErrorCode.INVALID_REQUEST, `Unsupported resource type: ${resourceType}`);
  }
}

/** Kafka's filter: no keys (null or empty) means every config; unknown keys are skipped. */
function selected(configs: Entry[], keys: string[] | null): Entry[] {
  if (keys === null || keys.length === 0) return configs;
  const wanted = new Set(keys);
  return configs.filter((config) => wanted.has(config.name));
}
