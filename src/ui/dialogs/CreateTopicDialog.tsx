/**
 * Create a topic: name, partitions, replication factor and the configs a learner most
 * often wants (plus any other as name = value), checked with Kafka's rules as they type.
 * What the broker still refuses is shown in words with Kafka's name for it.
 */
import { useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { createTopic } from "../playground/actions.ts";
import { liveBrokerIds } from "../store/cluster-slice.ts";
import { usePlayground } from "../store/store.ts";
import { closeDialog, pushToast, select } from "../store/view-actions.ts";
import { ExtraConfigRows } from "./ExtraConfigRows.tsx";
import { ActionError, CancelAndSubmit, Field, type ControlProps } from "./Field.tsx";
import { Modal } from "./Modal.tsx";
import {
  emptyTopicDraft,
  MAX_PLAYGROUND_PARTITIONS,
  validateTopicDraft,
  type TopicDraft,
} from "./topic-validation.ts";
import { TopicConfigHint } from "./TopicConfigHint.tsx";
import { useAction, useDraft } from "./use-form.ts";

export function CreateTopicDialog() {
  const t = useTranslate();
  const topics = usePlayground((state) => state.topics);
  const brokers = usePlayground((state) => state.brokers);
  const liveBrokers = useMemo(() => liveBrokerIds(brokers).length, [brokers]);
  const existingTopics = useMemo(() => Object.keys(topics), [topics]);
  const form = useDraft<TopicDraft>(() =>
    emptyTopicDraft(liveBrokerIds(usePlayground.getState().brokers).length),
  );
  const { draft, update, shown } = form;
  const action = useAction();
  const checked = validateTopicDraft(draft, { existingTopics, liveBrokers });

  const submit = async () => {
    if (!form.readyToSend(checked.issues) || checked.value === null) return;
    const spec = checked.value;
    const result = await action.run(() => createTopic(spec));
    if (!result?.ok) return;
    closeDialog();
    select({ kind: "topic", topic: spec.topic });
    pushToast({
      tone: "info",
      text: t("createTopic.created", { name: spec.topic }),
      errorName: null,
    });
  };

  const input = (
    field: keyof TopicDraft,
    props: { numeric?: boolean; placeholder?: string } = {},
  ) =>
    function renderInput(control: ControlProps) {
      return (
        <input
          {...control}
          type="text"
          inputMode={props.numeric ? "numeric" : undefined}
          className={props.numeric ? "number" : undefined}
          placeholder={props.placeholder}
          value={draft[field] as string}
          onChange={(event) => update({ [field]: event.target.value })}
          spellCheck={false}
          autoComplete="off"
        />
      );
    };

  return (
    <Modal
      title={t("createTopic.title")}
      description={t("createTopic.description")}
      onClose={closeDialog}
      busy={action.busy}
      onSubmit={() => void submit()}
      testId="dialog-create-topic"
      size="wide"
      footer={
        <CancelAndSubmit
          cancelLabel={t("dialog.cancel")}
          busy={action.busy}
          label={t("createTopic.submit")}
          busyLabel={t("createTopic.submitting")}
        />
      }
    >
      <Field
        label={t("createTopic.name")}
        hint={t("createTopic.nameHint")}
        issue={shown(checked.issues, "name")}
        className="field-wide"
      >
        {(control) => (
          <input
            {...control}
            type="text"
            data-autofocus
            value={draft.name}
            onChange={(event) => update({ name: event.target.value })}
            spellCheck={false}
            autoComplete="off"
            maxLength={300}
          />
        )}
      </Field>
      <div className="field-row">
        <Field
          label={t("createTopic.partitions")}
          hint={t("createTopic.partitionsHint", { max: MAX_PLAYGROUND_PARTITIONS })}
          issue={shown(checked.issues, "partitions")}
        >
          {input("partitions", { numeric: true })}
        </Field>
        <Field
          label={t("createTopic.replicationFactor")}
          hint={t("createTopic.replicationFactorHint", { live: liveBrokers })}
          issue={shown(checked.issues, "replicationFactor")}
        >
          {input("replicationFactor", { numeric: true })}
        </Field>
      </div>
      <fieldset className="field-group">
        <legend>{t("createTopic.configs")}</legend>
        <p className="field-group-hint">{t("createTopic.configsHint")}</p>
        <div className="field-row">
          <Field
            label={<code>min.insync.replicas</code>}
            hint={<TopicConfigHint name="min.insync.replicas" value={draft.minInsyncReplicas} />}
            issue={shown(checked.issues, "minInsyncReplicas")}
          >
            {input("minInsyncReplicas", { numeric: true, placeholder: "1" })}
          </Field>
          <Field
            label={<code>cleanup.policy</code>}
            hint={<TopicConfigHint name="cleanup.policy" value={draft.cleanupPolicy} />}
            issue={shown(checked.issues, "cleanupPolicy")}
          >
            {(control) => (
              <select
                {...control}
                value={draft.cleanupPolicy}
                onChange={(event) =>
                  update({ cleanupPolicy: event.target.value as TopicDraft["cleanupPolicy"] })
                }
              >
                <option value="">{t("createTopic.brokerDefault", { value: "delete" })}</option>
                <option value="delete">delete</option>
                <option value="compact">compact</option>
              </select>
            )}
          </Field>
          <Field
            label={<code>retention.ms</code>}
            hint={<TopicConfigHint name="retention.ms" value={draft.retentionMs} />}
            issue={shown(checked.issues, "retentionMs")}
          >
            {input("retentionMs", { numeric: true, placeholder: "604800000" })}
          </Field>
          <Field
            label={<code>segment.bytes</code>}
            hint={<TopicConfigHint name="segment.bytes" value={draft.segmentBytes} />}
            issue={shown(checked.issues, "segmentBytes")}
          >
            {input("segmentBytes", { numeric: true, placeholder: "1073741824" })}
          </Field>
        </div>
        <ExtraConfigRows
          rows={draft.extraConfigs}
          onChange={(extraConfigs) => update({ extraConfigs })}
          issues={checked.issues}
        />
      </fieldset>
      {action.failure !== null && <ActionError {...action.failure} />}
    </Modal>
  );
}
