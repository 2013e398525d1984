/** "Reset the playground?": what goes, and the one button that does it (the page reloads). */
import { useTranslate } from "../i18n/use-translate.ts";
import { closeDialog } from "../store/view-actions.ts";
import { ActionError, CancelAndSubmit } from "./Field.tsx";
import { Modal } from "./Modal.tsx";
import { resetPlaygroundAction } from "./reset-playground.ts";
import { useAction } from "./use-form.ts";

const WIPED = [
  "reset.wipeBrokers",
  "reset.wipeTopics",
  "reset.wipeClients",
  "reset.wipeStorage",
] as const;

export function ResetDialog() {
  const t = useTranslate();
  const action = useAction();

  const submit = () => void action.run(resetPlaygroundAction);

  return (
    <Modal
      title={t("reset.title")}
      onClose={closeDialog}
      busy={action.busy}
      lockedWhileBusy
      onSubmit={submit}
      size="narrow"
      tone="danger"
      testId="dialog-reset"
      footer={
        <CancelAndSubmit
          confirming
          cancelLabel={t("dialog.cancel")}
          busy={action.busy}
          tone="danger"
          label={t("reset.submit")}
          busyLabel={t("reset.submitting")}
        />
      }
    >
      <p>{t("reset.intro")}</p>
      <ul className="wipe-list">
        {WIPED.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p className="muted">{t("reset.after")}</p>
      {action.failure !== null && <ActionError {...action.failure} />}
    </Modal>
  );
}
