/**
 * Share and export: save the playground as a file, share it as a link, open a file (the
 * review asks before anything is replaced), or take it to real Kafka with Docker.
 */
import { useCallback, useRef, useState } from "react";
import { Modal } from "../dialogs/Modal.tsx";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { closeDialog, openDialog } from "../store/view-actions.ts";
import { ExportFileSection } from "./ExportFileSection.tsx";
import { ContainerIcon, FileIcon } from "./icons.tsx";
import { readDocumentFile } from "./share-codec.ts";
import { reviewImport } from "./share-store.ts";
import { ShareLinkSection } from "./ShareLinkSection.tsx";
import { ShareSection } from "./ShareSection.tsx";
import "./share.css";

function OpenFileSection() {
  const t = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const opened = async (file: File | undefined) => {
    if (file === undefined) return;
    const check = await readDocumentFile(file);
    reviewImport({ source: "file", fileName: file.name, check });
  };
  return (
    <ShareSection icon={<FileIcon />} heading={t("share.open.heading")} text={t("share.open.text")}>
      <div className="share-actions">
        <button type="button" onClick={() => input.current?.click()} data-testid="share-open-file">
          {t("share.open.choose")}
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          data-testid="share-file-input"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = ""; // the same file can be chosen again
            void opened(file);
          }}
        />
      </div>
    </ShareSection>
  );
}

export function ShareDialog() {
  const t = useTranslate();
  // Reading the cluster needs the session, which exists once the cluster has an id.
  const started = usePlayground((state) => state.clusterId !== null);
  // While a section reads the cluster, the dialog says so if time stands still (paused).
  const [busy, setBusy] = useState({ file: false, link: false });
  const fileBusy = useCallback((file: boolean) => setBusy((was) => ({ ...was, file })), []);
  const linkBusy = useCallback((link: boolean) => setBusy((was) => ({ ...was, link })), []);
  return (
    <Modal
      title={t("share.title")}
      description={t("share.description")}
      onClose={closeDialog}
      onSubmit={closeDialog}
      busy={busy.file || busy.link}
      size="wide"
      testId="dialog-share"
      footer={
        <button type="submit" className="button-primary">
          {t("dialog.done")}
        </button>
      }
    >
      <div className="share-grid">
        <ExportFileSection started={started} onBusy={fileBusy} />
        <ShareLinkSection started={started} onBusy={linkBusy} />
        <OpenFileSection />
        <ShareSection
          icon={<ContainerIcon />}
          heading={t("share.kafka.heading")}
          text={t("share.kafka.text")}
        >
          <div className="share-actions">
            <button
              type="button"
              disabled={!started}
              onClick={() => openDialog({ kind: "export-kafka" })}
              data-testid="share-export-kafka"
            >
              {t("share.kafka.open")}
            </button>
          </div>
        </ShareSection>
      </div>
    </Modal>
  );
}
