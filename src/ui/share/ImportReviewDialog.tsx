/**
 * Before an import replaces anything: a valid document is summed up and the viewer asked
 * (the reset and rebuild follow only a yes); a refused one says what is wrong and where,
 * and that nothing was changed.
 */
import { WarningIcon } from "../chrome/icons.tsx";
import { resetPlaygroundAction } from "../dialogs/reset-playground.ts";
import { ActionError, CancelAndSubmit } from "../dialogs/Field.tsx";
import { Modal } from "../dialogs/Modal.tsx";
import { useAction } from "../dialogs/use-form.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { closeDialog } from "../store/view-actions.ts";
import { ImportSummary } from "./ImportSummary.tsx";
import { PENDING_IMPORT_KEY, savePendingImport } from "./pending-import.ts";
import { ProblemList } from "./ProblemList.tsx";
import type { PlaygroundDocument } from "./share-format.ts";
import { useShare, type ImportReview } from "./share-store.ts";
import "./share.css";

function close() {
  useShare.setState({ review: null });
  closeDialog();
}

function Refused({ review }: { review: ImportReview }) {
  const t = useTranslate();
  if (review.check.ok) return null;
  return (
    <Modal
      title={t(review.source === "file" ? "import.titleInvalidFile" : "import.titleInvalidLink")}
      onClose={close}
      onSubmit={close}
      tone="danger"
      testId="dialog-import-review"
      footer={
        <button type="submit" className="button-primary" data-autofocus>
          {t("dialog.close")}
        </button>
      }
    >
      {review.fileName !== null && <p className="muted import-source">{review.fileName}</p>}
      <ProblemList problems={review.check.problems} more={review.check.more} />
    </Modal>
  );
}

function Confirm({ review, document }: { review: ImportReview; document: PlaygroundDocument }) {
  const t = useTranslate();
  const action = useAction();
  const submit = () =>
    void action.run(async () => {
      savePendingImport(document);
      // Reloads the page; the next start builds the import.
      const reset = await resetPlaygroundAction();
      if (!reset.ok) sessionStorage.removeItem(PENDING_IMPORT_KEY);
      return reset;
    });
  return (
    <Modal
      title={t("import.titleValid")}
      onClose={close}
      busy={action.busy}
      lockedWhileBusy
      onSubmit={submit}
      tone="danger"
      testId="dialog-import-review"
      footer={
        <CancelAndSubmit
          confirming
          onCancel={close}
          cancelLabel={t("dialog.cancel")}
          busy={action.busy}
          tone="danger"
          label={t("import.submit")}
          busyLabel={t("import.submitting")}
        />
      }
    >
      <ImportSummary document={document} review={review} />
      <div className="callout callout-warning">
        <WarningIcon />
        <p>{t("import.warning")}</p>
      </div>
      {action.failure !== null && <ActionError {...action.failure} />}
    </Modal>
  );
}

export function ImportReviewDialog() {
  const review = useShare((state) => state.review);
  if (review === null) return null;
  return review.check.ok ? (
    <Confirm review={review} document={review.check.document} />
  ) : (
    <Refused review={review} />
  );
}
