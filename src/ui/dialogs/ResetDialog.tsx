/** "Reset the playground?": what goes, and the one button that does it (the page reloads). */
import { useTranslate } from "../i18n/use-translate.ts";
import { closeDialog } from "../store/view-actions.ts";
import { ActionError, SubmitButton } from "./Field.tsx";
import { Modal } from "./Modal.tsx";
import { resetPlayground } from "./reset-playground.ts";
import { useAction } from "./use-form.ts";
import { clientErrorOf } from "../playground/client-error.ts";

const WIPED = [
  "reset.wipeBrokers",
  "reset.wipeTopics",
  "reset.wipeClients",
  "reset.wipeStorage",
] as const;

export function ResetDialog() {
  const t = useTranslate();
  const action = useAction();

  const submit = () =>
    void action.run(async () => {
      try {
        await resetPlayground();
        return { ok: true as const, value: undefined };
      } catch (error) {
        const { name, message } = clientErrorOf(error, 0);
        return { ok: false as const, errorName: name, message };
      }
    });

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
        <>
          <button type="button" onClick={closeDialog} disabled={action.busy} data-autofocus>
            {t("dialog.cancel")}
          </button>
          <SubmitButton
            busy={action.busy}
            tone="danger"
            label={t("reset.submit")}
            busyLabel={t("reset.submitting")}
          />
        </>
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
