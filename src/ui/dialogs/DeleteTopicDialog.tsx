/**
 * Delete a topic, after typing its name: every partition and record goes, on every broker,
 * and clients still using it start failing with UNKNOWN_TOPIC_OR_PARTITION.
 */
import { useState } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { deleteTopic } from "../playground/actions.ts";
import { usePlayground } from "../store/store.ts";
import { closeDialog, pushToast, select } from "../store/view-actions.ts";
import { ActionError, CancelAndSubmit, Field } from "./Field.tsx";
import { Modal } from "./Modal.tsx";
import { useAction } from "./use-form.ts";

export function DeleteTopicDialog({ topic }: { topic: string }) {
  const t = useTranslate();
  const [typed, setTyped] = useState("");
  const [attempted, setAttempted] = useState(false);
  const action = useAction();
  const confirmed = typed === topic;
  const users = usePlayground(
    (state) =>
      Object.values(state.producers).filter((p) => p.settings.topic === topic).length +
      Object.values(state.consumers).filter((c) => c.settings.topic === topic).length,
  );

  const submit = async () => {
    setAttempted(true);
    if (!confirmed) return;
    const result = await action.run(() => deleteTopic(topic));
    if (!result?.ok) return;
    const selection = usePlayground.getState().selection;
    if (selection !== null && "topic" in selection && selection.topic === topic) select(null);
    closeDialog();
    pushToast({ tone: "info", text: t("deleteTopic.done", { topic }), errorName: null });
  };

  return (
    <Modal
      title={t("deleteTopic.title", { topic })}
      description={t("deleteTopic.description")}
      onClose={closeDialog}
      busy={action.busy}
      onSubmit={() => void submit()}
      size="narrow"
      tone="danger"
      testId="dialog-delete-topic"
      footer={
        <CancelAndSubmit
          cancelLabel={t("dialog.cancel")}
          busy={action.busy}
          tone="danger"
          blocked={!confirmed}
          label={t("deleteTopic.submit")}
          busyLabel={t("deleteTopic.submitting")}
        />
      }
    >
      {users > 0 && (
        <p className="callout callout-warning">{t("deleteTopic.clients", { count: users })}</p>
      )}
      <Field
        label={t("deleteTopic.confirm", { topic })}
        issue={
          attempted && !confirmed
            ? {
                field: "confirm",
                severity: "error",
                key: "deleteTopic.confirmMismatch",
                values: { topic },
              }
            : undefined
        }
        hint={t("deleteTopic.confirmHint")}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      {action.failure !== null && <ActionError {...action.failure} />}
    </Modal>
  );
}
