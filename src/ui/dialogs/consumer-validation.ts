/**
 * The consumer form checked before the consumer joins: a group id (the coordinator refuses
 * an empty one, INVALID_GROUP_ID), session.timeout.ms inside the broker's bounds (Kafka's
 * group.min.session.timeout.ms and group.max.session.timeout.ms; outside them JoinGroup
 * fails with INVALID_SESSION_TIMEOUT), and a group.instance.id Kafka's consumer accepts
 * (JoinGroupRequest.validateGroupInstanceId: a topic name's rules, else
 * InvalidConfigurationException). Warnings for what the coordinator would do to a member
 * that does not fit the group: no assignor in common, or a static id already in use.
 */
import type { AssignorName, ConsumerSettings } from "../store/clients-slice.ts";
import type { Checked } from "./topic-validation.ts";
import {
  checkNumber,
  hasErrors,
  illegalNameCharacters,
  MAX_NAME_LENGTH,
  type Issue,
} from "./validation.ts";

/** Kafka's broker defaults for group.min.session.timeout.ms and group.max.session.timeout.ms. */
export const GROUP_MIN_SESSION_TIMEOUT_MS = 6_000;
export const GROUP_MAX_SESSION_TIMEOUT_MS = 1_800_000;
/** The playground's bound on simulated processing time per record. */
export const MAX_PROCESSING_DELAY_MS = 60_000;

export const ASSIGNORS: readonly AssignorName[] = [
  "range",
  "roundrobin",
  "sticky",
  "cooperative-sticky",
];

export interface ConsumerDraft {
  topic: string;
  groupId: string;
  assignor: AssignorName;
  processingDelayMs: string;
  autoCommit: boolean;
  fromBeginning: boolean;
  sessionTimeoutMs: string;
  groupInstanceId: string;
  /** Topics subscribed to besides `topic`. */
  extraTopics: string[];
}

/** What the page knows of the group the consumer would join. */
export interface GroupContext {
  /** The assignor the group's members chose; null for a new or empty group. */
  protocol: string | null;
  memberCount: number;
  /** group.instance.id values already used by the page's consumers in this group. */
  instanceIdsInUse: readonly string[];
}

export function consumerDraftOf(settings: ConsumerSettings): ConsumerDraft {
  return {
    ...settings,
    processingDelayMs: String(settings.processingDelayMs),
    sessionTimeoutMs: String(settings.sessionTimeoutMs),
    extraTopics: [...(settings.extraTopics ?? [])],
  };
}

function checkSessionTimeout(issues: Issue[], text: string): number | null {
  const sessionTimeoutMs = checkNumber(issues, "sessionTimeoutMs", text, {
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
  });
  if (sessionTimeoutMs === null) return null;
  if (
    sessionTimeoutMs >= GROUP_MIN_SESSION_TIMEOUT_MS &&
    sessionTimeoutMs <= GROUP_MAX_SESSION_TIMEOUT_MS
  ) {
    return sessionTimeoutMs;
  }
  issues.push({
    field: "sessionTimeoutMs",
    severity: "error",
    key: "consumerDialog.sessionTimeoutBounds",
    values: { min: GROUP_MIN_SESSION_TIMEOUT_MS, max: GROUP_MAX_SESSION_TIMEOUT_MS },
    kafkaName: "INVALID_SESSION_TIMEOUT",
  });
  return null;
}

function checkInstanceId(issues: Issue[], instanceId: string, group: GroupContext): void {
  if (instanceId === "") return;
  const field = "groupInstanceId";
  const illegal = illegalNameCharacters(instanceId);
  if (
    illegal.length > 0 ||
    instanceId.length > MAX_NAME_LENGTH ||
    instanceId === "." ||
    instanceId === ".."
  ) {
    issues.push({
      field,
      severity: "error",
      key: "consumerDialog.instanceIdIllegal",
      values: { max: MAX_NAME_LENGTH },
      kafkaName: "InvalidConfigurationException",
    });
  } else if (group.instanceIdsInUse.includes(instanceId)) {
    issues.push({
      field,
      severity: "warning",
      key: "consumerDialog.instanceIdInUse",
      kafkaName: "FENCED_INSTANCE_ID",
    });
  }
}

export function validateConsumerDraft(
  draft: ConsumerDraft,
  group: GroupContext,
): Checked<ConsumerSettings> {
  const issues: Issue[] = [];
  if (draft.groupId.trim() === "") {
    issues.push({
      field: "groupId",
      severity: "error",
      key: "consumerDialog.groupIdEmpty",
      kafkaName: "INVALID_GROUP_ID",
    });
  }
  if (group.protocol !== null && group.memberCount > 0 && group.protocol !== draft.assignor) {
    issues.push({
      field: "assignor",
      severity: "warning",
      key: "consumerDialog.assignorMismatch",
      values: { protocol: group.protocol },
      kafkaName: "INCONSISTENT_GROUP_PROTOCOL",
    });
  }
  const processingDelayMs = checkNumber(issues, "processingDelayMs", draft.processingDelayMs, {
    min: 0,
    max: MAX_PROCESSING_DELAY_MS,
  });
  const sessionTimeoutMs = checkSessionTimeout(issues, draft.sessionTimeoutMs);
  checkInstanceId(issues, draft.groupInstanceId, group);
  if (hasErrors(issues) || processingDelayMs === null || sessionTimeoutMs === null) {
    return { issues, value: null };
  }
  return {
    issues,
    value: {
      topic: draft.topic,
      groupId: draft.groupId,
      assignor: draft.assignor,
      processingDelayMs,
      autoCommit: draft.autoCommit,
      fromBeginning: draft.fromBeginning,
      sessionTimeoutMs,
      groupInstanceId: draft.groupInstanceId,
      // Only a consumer of several topics says so, as the saved settings of older visits do.
      ...(draft.extraTopics.length > 0 ? { extraTopics: [...draft.extraTopics] } : {}),
    },
  };
}
