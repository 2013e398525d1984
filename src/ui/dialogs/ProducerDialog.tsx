/**
 * A producer's settings by Kafka's names — acks, linger.ms, batch.size, enable.idempotence,
 * the partitioner — with what it writes (rate, keys, value template). Adds a producer to
 * the dialog's topic, or, given a producer id, changes that producer. The one conflict
 * Kafka refuses to start with (idempotence without acks=all) comes with both ways out.
 */
import { useTranslate } from "../i18n/use-translate.ts";
import { addProducer, updateProducer } from "../playground/actions.ts";
import {
  defaultProducerSettings,
  type AcksSetting,
  type PartitionerSetting,
} from "../store/clients-slice.ts";
import { usePlayground } from "../store/store.ts";
import { closeDialog, pushToast, select } from "../store/view-actions.ts";
import { ChoiceGroup } from "./ChoiceGroup.tsx";
import { ActionError, CancelAndSubmit, CheckField, Field, type ControlProps } from "./Field.tsx";
import { Modal } from "./Modal.tsx";
import { ProducerKeyFields, RecordPreview } from "./ProducerKeyFields.tsx";
import {
  IDEMPOTENCE_NEEDS_ACKS_ALL,
  MAX_RATE_PER_SEC,
  producerDraftOf,
  validateProducerDraft,
  type ProducerDraft,
} from "./producer-validation.ts";
import { useAction, useDraft } from "./use-form.ts";

const ACKS: readonly AcksSetting[] = ["0", "1", "all"];
const ACKS_KEYS = {
  "0": "producerDialog.acks0",
  "1": "producerDialog.acks1",
  all: "producerDialog.acksAll",
} as const;

export function ProducerDialog({ topic, producerId }: { topic: string; producerId?: string }) {
  const t = useTranslate();
  const form = useDraft<ProducerDraft>(() => {
    const existing =
      producerId === undefined ? undefined : usePlayground.getState().producers[producerId];
    return producerDraftOf(existing?.settings ?? defaultProducerSettings(topic));
  });
  const { draft, update, shown } = form;
  const action = useAction();
  const checked = validateProducerDraft(draft);
  const editing = producerId !== undefined;

  const submit = async () => {
    if (!form.readyToSend(checked.issues) || checked.value === null) return;
    const settings = checked.value;
    if (producerId !== undefined) {
      const result = await action.run(() => updateProducer(producerId, settings));
      if (!result?.ok) return;
      closeDialog();
      pushToast({
        tone: "info",
        text: t("producerDialog.updated", { id: producerId }),
        errorName: null,
      });
      return;
    }
    const result = await action.run(() => addProducer(settings));
    if (!result?.ok) return;
    closeDialog();
    select({ kind: "producer", producerId: result.value });
    pushToast({
      tone: "info",
      text: t("producerDialog.added", { topic: settings.topic }),
      errorName: null,
    });
  };

  const numberInput = (field: "ratePerSec" | "lingerMs" | "batchSize", decimal = false) =>
    function renderInput(control: ControlProps) {
      return (
        <input
          {...control}
          type="text"
          inputMode={decimal ? "decimal" : "numeric"}
          className="number"
          value={draft[field]}
          onChange={(event) => update({ [field]: event.target.value })}
          autoComplete="off"
        />
      );
    };

  const idempotenceIssue = shown(checked.issues, "idempotence");
  return (
    <Modal
      title={
        editing ? t("producerDialog.editTitle", { id: producerId }) : t("producerDialog.title")
      }
      description={t("producerDialog.description", { topic: draft.topic })}
      onClose={closeDialog}
      busy={action.busy}
      onSubmit={() => void submit()}
      size="wide"
      testId="dialog-producer"
      footer={
        <CancelAndSubmit
          cancelLabel={t("dialog.cancel")}
          busy={action.busy}
          label={editing ? t("dialog.save") : t("producerDialog.submit")}
          busyLabel={editing ? t("dialog.saving") : t("producerDialog.submitting")}
        />
      }
    >
      <div className="dialog-columns">
        <div className="dialog-column">
          <Field
            label={t("producerDialog.rate")}
            hint={t("producerDialog.rateHint", { max: MAX_RATE_PER_SEC })}
            issue={shown(checked.issues, "ratePerSec")}
          >
            {numberInput("ratePerSec", true)}
          </Field>
          <ProducerKeyFields draft={draft} update={update} issues={checked.issues} shown={shown} />
          <Field
            label={t("producerDialog.partitioner")}
            hint={t(
              draft.partitioner === "default"
                ? "producerDialog.partitionerDefault"
                : "producerDialog.partitionerRoundRobin",
            )}
            issue={shown(checked.issues, "partitioner")}
          >
            {(control) => (
              <select
                {...control}
                value={draft.partitioner}
                onChange={(event) =>
                  update({ partitioner: event.target.value as PartitionerSetting })
                }
              >
                <option value="default">{t("producerDialog.partitionerDefaultName")}</option>
                <option value="round-robin">RoundRobinPartitioner</option>
              </select>
            )}
          </Field>
          <RecordPreview draft={draft} />
        </div>
        <div className="dialog-column">
          <ChoiceGroup
            legend={<code>acks</code>}
            name="acks"
            value={draft.acks}
            onChange={(acks) => update({ acks })}
            issue={shown(checked.issues, "acks")}
            choices={ACKS.map((acks) => ({
              value: acks,
              label: acks,
              description: t(ACKS_KEYS[acks]),
            }))}
          />
          <div className="field-row">
            <Field
              label={<code>linger.ms</code>}
              hint={t("producerDialog.lingerHint")}
              issue={shown(checked.issues, "lingerMs")}
            >
              {numberInput("lingerMs")}
            </Field>
            <Field
              label={<code>batch.size</code>}
              hint={t("producerDialog.batchHint")}
              issue={shown(checked.issues, "batchSize")}
            >
              {numberInput("batchSize")}
            </Field>
          </div>
          <CheckField
            label={<code>enable.idempotence</code>}
            hint={t("producerDialog.idempotenceHint")}
            issue={idempotenceIssue}
            checked={draft.idempotence}
            onChange={(idempotence) => update({ idempotence })}
          />
          {idempotenceIssue?.severity === "error" && (
            <div className="fix-actions">
              <p className="kafka-quote">{IDEMPOTENCE_NEEDS_ACKS_ALL}</p>
              <button type="button" onClick={() => update({ acks: "all" })}>
                {t("producerDialog.fixAcksAll")}
              </button>
              <button type="button" onClick={() => update({ idempotence: false })}>
                {t("producerDialog.fixIdempotenceOff")}
              </button>
            </div>
          )}
        </div>
      </div>
      {action.failure !== null && <ActionError {...action.failure} />}
    </Modal>
  );
}
