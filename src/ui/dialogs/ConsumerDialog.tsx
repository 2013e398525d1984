/**
 * A consumer for the dialog's topic: the group it joins (typed, or the group it was dropped
 * on), the assignor with what each does in a rebalance, how slow its processing is, how it
 * commits and where it starts, its session timeout within the broker's bounds, and an
 * optional group.instance.id for static membership.
 */
import { useId, useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { addConsumer } from "../playground/actions.ts";
import { defaultConsumerSettings, type AssignorName } from "../store/clients-slice.ts";
import { usePlayground } from "../store/store.ts";
import { closeDialog, pushToast, select } from "../store/view-actions.ts";
import { ChoiceGroup } from "./ChoiceGroup.tsx";
import {
  ASSIGNORS,
  consumerDraftOf,
  GROUP_MAX_SESSION_TIMEOUT_MS,
  GROUP_MIN_SESSION_TIMEOUT_MS,
  validateConsumerDraft,
  type ConsumerDraft,
} from "./consumer-validation.ts";
import { ExtraTopicsField } from "./ExtraTopicsField.tsx";
import { ActionError, CancelAndSubmit, CheckField, Field, type ControlProps } from "./Field.tsx";
import { Modal } from "./Modal.tsx";
import { useAction, useDraft } from "./use-form.ts";
import { groupContextOf, knownGroupIds, suggestedGroupId } from "./consumer-groups.ts";

const ASSIGNOR_KEYS: Record<
  AssignorName,
  | "consumerDialog.assignorRange"
  | "consumerDialog.assignorRoundRobin"
  | "consumerDialog.assignorSticky"
  | "consumerDialog.assignorCooperative"
> = {
  range: "consumerDialog.assignorRange",
  roundrobin: "consumerDialog.assignorRoundRobin",
  sticky: "consumerDialog.assignorSticky",
  "cooperative-sticky": "consumerDialog.assignorCooperative",
};

export function ConsumerDialog({ topic, groupId }: { topic: string; groupId?: string }) {
  const t = useTranslate();
  const groups = usePlayground((state) => state.groups);
  const consumers = usePlayground((state) => state.consumers);
  const form = useDraft<ConsumerDraft>(() => {
    const state = usePlayground.getState();
    const group = groupId ?? suggestedGroupId(topic, state.consumers);
    const settings = defaultConsumerSettings(topic, group);
    // Joining a group that has members: take its assignor, or the coordinator refuses the join.
    const protocol = state.groups[group]?.protocol;
    const assignor = ASSIGNORS.find((name) => name === protocol) ?? settings.assignor;
    return consumerDraftOf({ ...settings, assignor });
  });
  const { draft, update, shown } = form;
  const action = useAction();
  const groupContext = useMemo(
    () => groupContextOf(draft.groupId, groups, consumers),
    [draft.groupId, groups, consumers],
  );
  const checked = validateConsumerDraft(draft, groupContext);
  const groupListId = useId();

  const submit = async () => {
    if (!form.readyToSend(checked.issues) || checked.value === null) return;
    const settings = checked.value;
    const result = await action.run(() => addConsumer(settings));
    if (!result?.ok) return;
    closeDialog();
    select({ kind: "consumer", consumerId: result.value });
    pushToast({
      tone: "info",
      text: t("consumerDialog.added", { group: settings.groupId, topic: settings.topic }),
      errorName: null,
    });
  };

  const numberInput = (field: "processingDelayMs" | "sessionTimeoutMs") =>
    function renderInput(control: ControlProps) {
      return (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          className="number"
          value={draft[field]}
          onChange={(event) => update({ [field]: event.target.value })}
          autoComplete="off"
        />
      );
    };

  return (
    <Modal
      title={t("consumerDialog.title")}
      description={t("consumerDialog.description", { topic })}
      onClose={closeDialog}
      busy={action.busy}
      onSubmit={() => void submit()}
      size="wide"
      testId="dialog-consumer"
      footer={
        <CancelAndSubmit
          cancelLabel={t("dialog.cancel")}
          busy={action.busy}
          label={t("consumerDialog.submit")}
          busyLabel={t("consumerDialog.submitting")}
        />
      }
    >
      <div className="dialog-columns">
        <div className="dialog-column">
          <Field
            label={<code>group.id</code>}
            hint={
              groupContext.memberCount > 0
                ? t("consumerDialog.groupJoinHint", { count: groupContext.memberCount })
                : t("consumerDialog.groupNewHint")
            }
            issue={shown(checked.issues, "groupId")}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                list={groupListId}
                readOnly={groupId !== undefined}
                value={draft.groupId}
                onChange={(event) => update({ groupId: event.target.value })}
                spellCheck={false}
                autoComplete="off"
              />
            )}
          </Field>
          <datalist id={groupListId}>
            {knownGroupIds(groups, consumers).map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
          <ChoiceGroup
            legend={<code>partition.assignment.strategy</code>}
            name="assignor"
            value={draft.assignor}
            onChange={(assignor) => update({ assignor })}
            issue={shown(checked.issues, "assignor")}
            choices={ASSIGNORS.map((name) => ({
              value: name,
              label: name,
              description: t(ASSIGNOR_KEYS[name]),
            }))}
          />
          <ExtraTopicsField
            topic={topic}
            selected={draft.extraTopics}
            onChange={(extraTopics) => update({ extraTopics })}
          />
        </div>
        <div className="dialog-column">
          <Field
            label={t("consumerDialog.processingDelay")}
            hint={t("consumerDialog.processingDelayHint")}
            issue={shown(checked.issues, "processingDelayMs")}
          >
            {numberInput("processingDelayMs")}
          </Field>
          <Field
            label={<code>session.timeout.ms</code>}
            hint={t("consumerDialog.sessionTimeoutHint", {
              min: GROUP_MIN_SESSION_TIMEOUT_MS,
              max: GROUP_MAX_SESSION_TIMEOUT_MS,
            })}
            issue={shown(checked.issues, "sessionTimeoutMs")}
          >
            {numberInput("sessionTimeoutMs")}
          </Field>
          <Field
            label={<code>group.instance.id</code>}
            hint={t("consumerDialog.instanceIdHint")}
            issue={shown(checked.issues, "groupInstanceId")}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                placeholder={t("consumerDialog.instanceIdPlaceholder")}
                value={draft.groupInstanceId}
                onChange={(event) => update({ groupInstanceId: event.target.value })}
                spellCheck={false}
                autoComplete="off"
              />
            )}
          </Field>
          <CheckField
            label={<code>enable.auto.commit</code>}
            hint={t(
              draft.autoCommit ? "consumerDialog.autoCommitOn" : "consumerDialog.autoCommitOff",
            )}
            checked={draft.autoCommit}
            onChange={(autoCommit) => update({ autoCommit })}
          />
          <CheckField
            label={t("consumerDialog.fromBeginning")}
            hint={t(
              draft.fromBeginning
                ? "consumerDialog.fromBeginningOn"
                : "consumerDialog.fromBeginningOff",
            )}
            checked={draft.fromBeginning}
            onChange={(fromBeginning) => update({ fromBeginning })}
          />
        </div>
      </div>
      {action.failure !== null && <ActionError {...action.failure} />}
    </Modal>
  );
}
