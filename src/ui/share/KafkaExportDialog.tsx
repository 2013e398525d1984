/**
 * Export to real Kafka: the docker-compose.yml of a KRaft cluster of the same shape and
 * the script that recreates the topics and runs the clients, each shown before it is
 * downloaded, with the three commands that use them.
 */
import { useEffect, useState } from "react";
import { Modal } from "../dialogs/Modal.tsx";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { closeDialog } from "../store/view-actions.ts";
import { collectDocument } from "./collect-document.ts";
import { dockerComposeYaml, hostBootstrap, isKafkaClusterId } from "./docker-compose.ts";
import { FilePreview } from "./FilePreview.tsx";
import { kafkaScript, SCRIPT_FILE } from "./kafka-script.ts";
import { toBase64Url } from "./share-codec.ts";
import { ShareFailureNote } from "./ShareFailureNote.tsx";
import { useBusy } from "./use-busy.ts";
import "./share.css";

const COMPOSE_FILE = "docker-compose.yml";

interface Files {
  compose: string;
  script: string;
  bootstrap: string;
  firstClient: string | null;
}

/** The playground's own cluster id when Kafka would take it, else a new one. */
function clusterIdFor(id: string | null): string {
  if (id !== null && isKafkaClusterId(id)) return id;
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

export function KafkaExportDialog() {
  const t = useTranslate();
  const [files, setFiles] = useState<Files | null>(null);
  const { busy, failure, run, refuse } = useBusy();

  useEffect(() => {
    void run(async () => {
      const check = await collectDocument({ includeData: false });
      if (!check.ok) return refuse(check.problems, check.more);
      const { document } = check;
      const clients = [...document.clients.producers, ...document.clients.consumers];
      setFiles({
        compose: dockerComposeYaml(document, clusterIdFor(usePlayground.getState().clusterId)),
        script: kafkaScript(document),
        bootstrap: hostBootstrap(document).split(",")[0]!,
        firstClient: clients[0]?.id ?? null,
      });
    });
  }, [run, refuse]);

  return (
    <Modal
      title={t("kafka.title")}
      description={t("kafka.description")}
      onClose={closeDialog}
      onSubmit={closeDialog}
      busy={busy}
      size="wide"
      testId="dialog-export-kafka"
      footer={
        <button type="submit" className="button-primary">
          {t("dialog.done")}
        </button>
      }
    >
      {busy && (
        <p className="loading-note" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("kafka.reading")}
        </p>
      )}
      <ShareFailureNote failure={failure} />
      {files !== null && (
        <>
          <ol className="kafka-steps">
            <li>{t("kafka.step1")}</li>
            <li>
              {t("kafka.step2")} <code>docker compose up -d</code>
            </li>
            <li>
              {t("kafka.step3")} <code>bash {SCRIPT_FILE}</code>
            </li>
            {files.firstClient !== null && (
              <li>
                {t("kafka.step4", { bootstrap: files.bootstrap })}{" "}
                <code>
                  bash {SCRIPT_FILE} {files.firstClient}
                </code>
              </li>
            )}
          </ol>
          <FilePreview fileName={COMPOSE_FILE} text={files.compose} type="application/yaml" />
          <FilePreview fileName={SCRIPT_FILE} text={files.script} type="text/x-shellscript" />
          <p className="muted share-note">{t("kafka.notes")}</p>
        </>
      )}
    </Modal>
  );
}
