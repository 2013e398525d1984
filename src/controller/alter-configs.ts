/**
 * AlterConfigs (the legacy API: the request's configs replace all of a resource's dynamic
 * configs) and IncrementalAlterConfigs (SET / DELETE / APPEND / SUBTRACT per key) for topics
 * and brokers, as Kafka's ConfigurationControlManager decides them. A resource's changes
 * are all written or none: the resulting configs are checked as a whole. Broker resource ""
 * holds the cluster-wide defaults; "N" holds broker N's own.
 */
import { brokerConfigDefinition, checkBrokerConfigs } from "../metadata/configs/broker-configs.ts";
import { checkTopicConfigs, topicConfigDefinition } from "../metadata/configs/topic-configs.ts";
import { ConfigResourceType } from "../metadata/metadata-image.ts";
import type { MetadataRecord } from "../metadata/metadata-record.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import { apiError, NO_ERROR, type ApiError } from "./api-error.ts";
import type { ControllerState } from "./controller-state.ts";
import { decided, type Decision } from "./decision.ts";

/** IncrementalAlterConfigs' operation ids. */
export const ConfigOperation = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;
const OPERATION_NAMES = ["SET", "DELETE", "APPEND", "SUBTRACT"];

export interface ConfigResourceChanges<Entry> {
  resourceType: number;
  resourceName: string;
  configs: Entry[];
}

export interface ConfigResourceResult {
  resourceType: number;
  resourceName: string;
  errorCode: number;
  errorMessage: string | null;
}

/** The new value of each changed key (null = removed), or why the resource cannot change. */
type NewValues = Map<string, string | null> | ApiError;

export function decideIncrementalAlterConfigs(
  state: ControllerState,
  resources: ConfigResourceChanges<{
    name: string;
    configOperation: number;
    value: string | null;
  }>[],
  validateOnly: boolean,
): Decision<ConfigResourceResult[]> {
  return decideAlter(state, resources, validateOnly, incrementalValues);
}

export function decideLegacyAlterConfigs(
  state: ControllerState,
  resources: ConfigResourceChanges<{ name: string; value: string | null }>[],
  validateOnly: boolean,
): Decision<ConfigResourceResult[]> {
  return decideAlter(state, resources, validateOnly, legacyValues);
}

function decideAlter<Entry>(
  state: ControllerState,
  resources: ConfigResourceChanges<Entry>[],
  validateOnly: boolean,
  newValues: (
    resource: ConfigResourceChanges<Entry>,
    current: ReadonlyMap<string, string>,
  ) => NewValues,
): Decision<ConfigResourceResult[]> {
  const key = (resource: { resourceType: number; resourceName: string }) =>
    `${resource.resourceType}:${resource.resourceName}`;
  const seen = new Map<string, number>();
  for (const resource of resources) seen.set(key(resource), (seen.get(key(resource)) ?? 0) + 1);
  const results: ConfigResourceResult[] = [];
  const records: MetadataRecord[] = [];
  const answered = new Set<string>();
  for (const resource of resources) {
    const { resourceType, resourceName } = resource;
    if (seen.get(key(resource))! > 1) {
      if (!answered.has(key(resource)))
        results.push(result(resource, apiError(ErrorCode.INVALID_REQUEST, "Duplicate resource.")));
      answered.add(key(resource));
      continue;
    }
    const current = currentConfigs(state, resourceType, resourceName);
    const outcome =
      resourceProblem(state, resourceType, resourceName) ?? newValues(resource, current);
    if (!(outcome instanceof Map)) {
      results.push(result(resource, outcome));
      continue;
    }
    const problem = checkResult(resourceType, current, outcome);
    if (problem !== null) {
      results.push(result(resource, apiError(ErrorCode.INVALID_CONFIG, problem)));
      continue;
    }
    for (const [name, value] of outcome) {
      // Kafka writes broker records even when the value is unchanged, so brokers reload them.
      if (current.get(name) === (value ?? undefined) && resourceType !== ConfigResourceType.BROKER)
        continue;
      records.push({ type: "ConfigRecord", data: { resourceType, resourceName, name, value } });
    }
    results.push(result(resource, NO_ERROR));
  }
  return decided(validateOnly ? [] : records, results);
}

function result(
  resource: { resourceType: number; resourceName: string },
  error: ApiError,
): ConfigResourceResult {
  return {
    resourceType: resource.resourceType,
    resourceName: resource.resourceName,
    errorCode: error.code,
    errorMessage: error.message,
  };
}

function currentConfigs(
  state: ControllerState,
  resourceType: number,
  resourceName: string,
): ReadonlyMap<string, string> {
  if (resourceType === ConfigResourceType.TOPIC) return state.image.topicConfigs(resourceName);
  return state.image.brokerConfigs(resourceName === "" ? null : Number(resourceName));
}

/** Kafka's existence checks: the topic must exist; a broker name is "" or a known node's id. */
function resourceProblem(
  state: ControllerState,
  resourceType: number,
  resourceName: string,
): ApiError | null {
  if (resourceType === ConfigResourceType.TOPIC) {
    if (state.image.topicsByName.has(resourceName)) return null;
    return apiError(
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      `The topic '${resourceName}' does not exist.`,
    );
  }
  if (resourceType === ConfigResourceType.BROKER) {
    if (resourceName === "") return null;
    if (!/^-?\d+$/.test(resourceName))
      return apiError(ErrorCode.INVALID_REQUEST, `Invalid broker name ${resourceName}`);
    const id = Number(resourceName);
    if (state.image.brokers.has(id) || id === state.identity.nodeId) return null;
    return apiError(ErrorCode.BROKER_ID_NOT_REGISTERED, `No node with id ${id} found.`);
  }
  return apiError(ErrorCode.INVALID_REQUEST, `Unexpected resource type ${resourceType}.`);
}

/** The resource's configs after the change must all be valid. */
function checkResult(
  resourceType: number,
  current: ReadonlyMap<string, string>,
  changes: ReadonlyMap<string, string | null>,
): string | null {
  const after = new Map(current);
  for (const [name, value] of changes) {
    if (value === null) after.delete(name);
    else after.set(name, value);
  }
  return resourceType === ConfigResourceType.TOPIC
    ? checkTopicConfigs(after)
    : checkBrokerConfigs(after);
}

function incrementalValues(
  resource: ConfigResourceChanges<{ name: string; configOperation: number; value: string | null }>,
  current: ReadonlyMap<string, string>,
): NewValues {
  const values = new Map<string, string | null>();
  for (const { name, configOperation, value } of resource.configs) {
    if (values.has(name))
      return apiError(ErrorCode.INVALID_REQUEST, "Error due to duplicate config keys");
    const operation = OPERATION_NAMES[configOperation];
    if (operation === undefined)
      return apiError(
        ErrorCode.INVALID_REQUEST,
        `Unknown alter config operation type ${configOperation}`,
      );
    if (configOperation === ConfigOperation.DELETE) {
      values.set(name, null);
      continue;
    }
    if (value === null)
      return apiError(ErrorCode.INVALID_REQUEST, `Null value not supported for : ${name}`);
    if (configOperation === ConfigOperation.SET) {
      values.set(name, value);
      continue;
    }
    const definition =
      resource.resourceType === ConfigResourceType.TOPIC
        ? topicConfigDefinition(name)
        : brokerConfigDefinition(name);
    if (definition?.type !== "list") {
      return apiError(
        ErrorCode.INVALID_CONFIG,
        `Can't ${operation} to key ${name} because its type is not LIST.`,
      );
    }
    const items = splitList(current.get(name) ?? definition.defaultValue);
    for (const item of value.split(",")) {
      if (configOperation === ConfigOperation.APPEND && !items.includes(item)) items.push(item);
      if (configOperation === ConfigOperation.SUBTRACT && items.includes(item))
        items.splice(items.indexOf(item), 1);
    }
    values.set(name, items.join(","));
  }
  return values;
}

function splitList(value: string): string[] {
  return value.trim() === "" ? [] : value.split(",").map((item) => item.trim());
}

/** The legacy API sets what it lists and removes every other dynamic config of the resource. */
function legacyValues(
  resource: ConfigResourceChanges<{ name: string; value: string | null }>,
  current: ReadonlyMap<string, string>,
): NewValues {
  const values = new Map<string, string | null>();
  for (const { name, value } of resource.configs) values.set(name, value);
  for (const name of current.keys()) if (!values.has(name)) values.set(name, null);
  return values;
}
