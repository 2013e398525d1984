/**
 * Config administration: describe, replace (AlterConfigs, as KafkaJS's alterConfigs) and
 * change entry by entry (IncrementalAlterConfigs: SET, DELETE, APPEND, SUBTRACT, as
 * kafka-configs --alter does). Routed as Kafka's AdminClient routes them: a resource of
 * one broker (BROKER "<id>", BROKER_LOGGER) to that broker, every other resource to any
 * broker (which forwards changes to the active controller).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { AlterConfigsResponse } from "../../protocol/generated/messages/alter-configs-response.ts";
import type {
  DescribeConfigsResponse,
  DescribeConfigsResponseDescribeConfigsResult,
} from "../../protocol/generated/messages/describe-configs-response.ts";
import type { IncrementalAlterConfigsResponse } from "../../protocol/generated/messages/incremental-alter-configs-response.ts";
import { AdminProtocolError, requireArgument } from "./admin-error.ts";
import {
  deadlineAfter,
  failed,
  settleEach,
  succeeded,
  valuesOrThrow,
  type AdminContext,
  type Outcome,
} from "./admin-retry.ts";
import { sendToAny, sendToNode } from "./admin-routing.ts";
import {
  AlterConfigOpType,
  ConfigResourceType,
  ConfigSource,
  type AlterConfigsResult,
  type AlteredResource,
  type DescribeConfigsResult,
  type DescribedResource,
  type IncrementalResourceConfig,
  type ResourceConfig,
  type ResourceConfigQuery,
} from "./admin-types.ts";

/** Kafka's ConfigResource.Type ids and the words its tools print for them. */
const RESOURCE_TYPE_NAMES = new Map<number, string>([
  [ConfigResourceType.UNKNOWN, "unknown"],
  [ConfigResourceType.TOPIC, "topic"],
  [ConfigResourceType.BROKER, "broker"],
  [ConfigResourceType.BROKER_LOGGER, "broker logger"],
  [16, "client metrics"],
  [32, "group"],
]);

interface ResourceRef {
  type: number;
  name: string;
}

function resourceLabel({ type, name }: ResourceRef): string {
  return `${RESOURCE_TYPE_NAMES.get(type) ?? `resource type ${type}`} "${name}"`;
}

function requireResources(resources: unknown): asserts resources is ResourceRef[] {
  requireArgument(Array.isArray(resources), `Invalid resources array ${String(resources)}`);
  requireArgument(resources.length > 0, "Resources array cannot be empty");
  for (const resource of resources as ResourceRef[]) {
    requireArgument(
      RESOURCE_TYPE_NAMES.has(resource.type),
      `Invalid resource type ${resource.type}: ${JSON.stringify(resource)}`,
    );
    requireArgument(
      typeof resource.name === "string",
      `Invalid resource name ${resource.name}: ${JSON.stringify(resource)}`,
    );
  }
}

/** The broker a resource must be sent to, or null for any broker. */
function targetNode({ type, name }: ResourceRef): number | null {
  const ofOneBroker =
    (type === ConfigResourceType.BROKER && name !== "") ||
    type === ConfigResourceType.BROKER_LOGGER;
  if (!ofOneBroker) return null;
  requireArgument(/^\d+$/.test(name), `Invalid broker id "${name}": a node id is expected`);
  return Number(name);
}

interface ResourceAnswer {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
}

/**
 * Settles every resource: each round sends the pending ones, grouped by target broker,
 * with `ask`, and matches the answers back by type and name.
 */
type Send = <Response>(
  apiKey: number,
  body: unknown,
) => Promise<{ response: Response; version: number }>;

async function settleResources<R extends ResourceRef, A extends ResourceAnswer>(
  context: AdminContext,
  resources: readonly R[],
  ask: (send: Send, batch: R[]) => Promise<A[]>,
): Promise<A[]> {
  const { cluster } = context;
  const deadlineMs = deadlineAfter(context);
  const indexes = resources.map((_, index) => index);
  const outcomes = await settleEach(context, deadlineMs, indexes, async (pending) => {
    const byTarget = new Map<number | null, number[]>();
    for (const index of pending) {
      const target = targetNode(resources[index]!);
      byTarget.set(target, [...(byTarget.get(target) ?? []), index]);
    }
    const outcomes = new Map<number, Outcome<A>>();
    await Promise.all(
      [...byTarget].map(async ([target, batch]) => {
        const fail = (error: Error) => batch.forEach((index) => outcomes.set(index, failed(error)));
        if (target !== null && !cluster.metadata.brokers.has(target)) {
          await cluster.refreshMetadata([]).catch(() => undefined);
          if (!cluster.metadata.brokers.has(target)) {
            const detail = `broker ${target} is not in the cluster`;
            const error = (index: number) =>
              new AdminProtocolError(
                ErrorCode.BROKER_NOT_AVAILABLE,
                { resource: resourceLabel(resources[index]!) },
                detail,
              );
            return batch.forEach((index) => outcomes.set(index, failed(error(index))));
          }
        }
        const send: Send = (apiKey, body) =>
          target === null
            ? sendToAny(context, deadlineMs, apiKey, body)
            : sendToNode(context, deadlineMs, target, apiKey, body);
        let answers: A[];
        try {
          answers = await ask(
            send,
            batch.map((index) => resources[index]!),
          );
        } catch (error) {
          return fail(error as Error);
        }
        for (const index of batch) outcomes.set(index, resourceOutcome(resources[index]!, answers));
      }),
    );
    return outcomes;
  });
  return valuesOrThrow(indexes, outcomes);
}

function resourceOutcome<A extends ResourceAnswer>(
  resource: ResourceRef,
  answers: A[],
): Outcome<A> {
  const answer = answers.find(
    (each) => each.resourceType === resource.type && each.resourceName === resource.name,
  );
  const subject = { resource: resourceLabel(resource) };
  if (answer === undefined) {
    return failed(new AdminProtocolError(ErrorCode.UNKNOWN_SERVER_ERROR, subject, "no answer"));
  }
  if (answer.errorCode !== ErrorCode.NONE) {
    return failed(new AdminProtocolError(answer.errorCode, subject, answer.errorMessage));
  }
  return succeeded(answer);
}

/** Each resource's configs with their values, sources and (if asked) synonyms. */
export async function describeConfigs(
  context: AdminContext,
  options: { resources: ResourceConfigQuery[]; includeSynonyms?: boolean },
): Promise<DescribeConfigsResult> {
  const { resources, includeSynonyms = false } = options;
  requireResources(resources);
  let throttleTime = 0;
  let version = 0;
  const answers = await settleResources(context, resources, async (send, batch) => {
    const reply = await send<DescribeConfigsResponse>(ApiKey.DescribeConfigs, {
      resources: batch.map(({ type, name, configNames }) => ({
        resourceType: type,
        resourceName: name,
        configurationKeys:
          configNames === undefined || configNames.length === 0 ? null : configNames,
      })),
      includeSynonyms,
      includeDocumentation: false,
    });
    throttleTime = Math.max(throttleTime, reply.response.throttleTimeMs);
    version = reply.version;
    return reply.response.results.map((result) => ({ ...result, version }));
  });
  return { resources: answers.map((answer) => described(answer, answer.version)), throttleTime };
}

function described(
  result: DescribeConfigsResponseDescribeConfigsResult,
  version: number,
): DescribedResource {
  return {
    errorCode: result.errorCode,
    errorMessage: result.errorMessage,
    resourceName: result.resourceName,
    resourceType: result.resourceType,
    configEntries: result.configs.map((config) => ({
      configName: config.name,
      configValue: config.value,
      // v0 says isDefault; later versions say where the value comes from instead.
      isDefault:
        version === 0 ? config.isDefault : config.configSource === ConfigSource.DEFAULT_CONFIG,
      configSource: config.configSource,
      isSensitive: config.isSensitive,
      readOnly: config.readOnly,
      configSynonyms: config.synonyms.map((synonym) => ({
        configName: synonym.name,
        configValue: synonym.value,
        configSource: synonym.source,
      })),
    })),
  };
}

function alteredResult(answers: ResourceAnswer[], throttleTime: number): AlterConfigsResult {
  const resources: AlteredResource[] = answers.map(
    ({ errorCode, errorMessage, resourceName, resourceType }) => ({
      errorCode,
      errorMessage,
      resourceName,
      resourceType,
    }),
  );
  return { resources, throttleTime };
}

/**
 * Replaces each resource's dynamic configs with `configEntries` (configs not named go back
 * to their defaults: AlterConfigs is not incremental). Throws for the first resource that failed.
 */
export async function alterConfigs(
  context: AdminContext,
  options: { resources: ResourceConfig[]; validateOnly?: boolean },
): Promise<AlterConfigsResult> {
  const { resources, validateOnly = false } = options;
  requireResources(resources);
  for (const resource of resources) {
    requireArgument(
      Array.isArray(resource.configEntries) &&
        resource.configEntries.every(
          (e) => typeof e.name === "string" && typeof e.value === "string",
        ),
      `Invalid resource configEntries: ${JSON.stringify(resource)}`,
    );
  }
  let throttleTime = 0;
  const answers = await settleResources(context, resources, async (send, batch) => {
    const { response } = await send<AlterConfigsResponse>(ApiKey.AlterConfigs, {
      resources: batch.map(({ type, name, configEntries }) => ({
        resourceType: type,
        resourceName: name,
        configs: configEntries.map(({ name, value }) => ({ name, value })),
      })),
      validateOnly,
    });
    throttleTime = Math.max(throttleTime, response.throttleTimeMs);
    return response.responses;
  });
  return alteredResult(answers, throttleTime);
}

/** Changes the named config entries only (SET, DELETE, APPEND or SUBTRACT each). */
export async function incrementalAlterConfigs(
  context: AdminContext,
  options: { resources: IncrementalResourceConfig[]; validateOnly?: boolean },
): Promise<AlterConfigsResult> {
  const { resources, validateOnly = false } = options;
  requireResources(resources);
  for (const resource of resources) {
    requireArgument(
      Array.isArray(resource.configEntries) &&
        resource.configEntries.every(
          (e) => typeof e.name === "string" && Object.hasOwn(AlterConfigOpType, e.operation),
        ),
      `Invalid resource configEntries (each needs a name and an operation SET, DELETE, APPEND or SUBTRACT): ${JSON.stringify(resource)}`,
    );
  }
  let throttleTime = 0;
  const answers = await settleResources(context, resources, async (send, batch) => {
    const { response } = await send<IncrementalAlterConfigsResponse>(
      ApiKey.IncrementalAlterConfigs,
      {
        resources: batch.map(({ type, name, configEntries }) => ({
          resourceType: type,
          resourceName: name,
          configs: configEntries.map(({ name, value, operation }) => ({
            name,
            configOperation: AlterConfigOpType[operation],
            value: value ?? null,
          })),
        })),
        validateOnly,
      },
    );
    throttleTime = Math.max(throttleTime, response.throttleTimeMs);
    return response.responses;
  });
  return alteredResult(answers, throttleTime);
}
