/**
 * Add partitions to a topic: a new total above the current count (Kafka never removes
 * partitions), with the warning that matters — a key's partition is its hash modulo the
 * count, so keyed records start landing elsewhere and per-key order breaks at the change.
 */
import { useTranslate } from "../i18n/use-translate.ts";
import { addPartitions } from "../playground/actions.ts";
import { usePlayground } from "../store/store.ts";
import { closeDialog, pushToast } from "../store/view-actions.ts";
import { WarningIcon } from "../chrome/icons.tsx";
import { ActionError, CancelAndSubmit, Field } from "./Field.tsx";
import { Modal } from "./Modal.tsx";
import { validatePartitionCount } from "./topic-validation.ts";
import { useAction, useDraft } from "./use-form.ts";

export function AddPartitionsDialog({ topic }: { topic: string }) {
  const t = useTranslate();
  const current = usePlayground((state) => state.topics[topic]?.partitions.length ?? 0);
  const form = useDraft(() => ({ count: String(current + 1) }));
  const action = useAction();
  const checked = validatePartitionCount(form.draft.count, current);

  const submit = async () => {
    if (!form.readyToSend(checked.issues) || checked.value === null) return;
    const count = checked.value;
    const result = await action.run(() => addPartitions(topic, count));
    if (!result?.ok) return;
    closeDialog();
    pushToast({ tone: "info", text: t("addPartitions.done", { topic, count }), errorName: null });
  };

  return (
    <Modal
      title={t("addPartitions.title", { topic })}
      onClose={closeDialog}
      busy={action.busy}
      onSubmit={() => void submit()}
      size="narrow"
      testId="dialog-add-partitions"
      footer={
        <CancelAndSubmit
          cancelLabel={t("dialog.cancel")}
          busy={action.busy}
          label={t("addPartitions.submit")}
          busyLabel={t("addPartitions.submitting")}
        />
      }
    >
      <div className="callout callout-warning">
        <WarningIcon />
        <div>
          <p className="callout-title">{t("addPartitions.keyWarningTitle")}</p>
          <p>{t("addPartitions.keyWarning")}</p>
        </div>
      </div>
      <Field
        label={t("addPartitions.count")}
        hint={t("addPartitions.countHint", { current })}
        issue={form.shown(checked.issues, "count")}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            className="number"
            value={form.draft.count}
            onChange={(event) => form.update({ count: event.target.value })}
            autoComplete="off"
          />
        )}
      </Field>
      {action.failure !== null && <ActionError {...action.failure} />}
    </Modal>
  );
}
