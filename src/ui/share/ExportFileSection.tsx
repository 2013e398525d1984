/**
 * "Save as a file": the playground as a JSON document, with the records when the box is
 * ticked (read back by a consumer, within the bounds; the result says when it cut).
 */
import { useState } from "react";
import { formatBytes } from "../dock/format-bytes.ts";
import { CheckField } from "../dialogs/Field.tsx";
import { useTranslate } from "../i18n/use-translate.ts";
import { collectDocument } from "./collect-document.ts";
import { downloadText, fileStamp } from "./download.ts";
import { DownloadIcon, FileIcon } from "./icons.tsx";
import { recordCount } from "./rebuild-topics.ts";
import { documentToJson } from "./share-codec.ts";
import { FORMAT_NAME, LIMITS, type PlaygroundDocument } from "./share-format.ts";
import { ShareFailureNote } from "./ShareFailureNote.tsx";
import { useBusy, useReportBusy, type SectionProps } from "./use-busy.ts";
import { BusyButton, ShareSection } from "./ShareSection.tsx";

interface Saved {
  name: string;
  topics: number;
  records: number;
  truncated: boolean;
  skipped: number;
}

function skippedOf(document: PlaygroundDocument): number {
  return (document.data?.topics ?? [])
    .flatMap((topic) => topic.partitions)
    .reduce((sum, partition) => sum + partition.skipped, 0);
}

export function ExportFileSection({ started, onBusy }: SectionProps) {
  const t = useTranslate();
  const [includeData, setIncludeData] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const { busy, failure, run, refuse } = useBusy();
  useReportBusy(busy, onBusy);

  const exportFile = () => {
    if (busy) return;
    void run(async () => {
      setSaved(null);
      const check = await collectDocument({ includeData });
      if (!check.ok) return refuse(check.problems, check.more);
      const name = `${FORMAT_NAME}-${fileStamp()}.json`;
      downloadText(documentToJson(check.document), name, "application/json");
      setSaved({
        name,
        topics: check.document.topics.length,
        records: recordCount(check.document.data),
        truncated: check.document.data?.truncated === true,
        skipped: skippedOf(check.document),
      });
    });
  };

  return (
    <ShareSection icon={<FileIcon />} heading={t("share.file.heading")} text={t("share.file.text")}>
      <CheckField
        label={t("share.file.includeData")}
        hint={t("share.file.includeDataHint", {
          perPartition: LIMITS.recordsPerPartition.toLocaleString(),
          bytes: formatBytes(LIMITS.dataBytes),
        })}
        checked={includeData}
        onChange={setIncludeData}
        disabled={busy}
      />
      <div className="share-actions">
        <BusyButton
          busy={busy}
          disabled={!started}
          icon={<DownloadIcon />}
          label={t("share.file.export")}
          busyLabel={t("share.file.exporting")}
          onClick={exportFile}
          testId="share-export-file"
        />
        <p className="share-status" role="status">
          {saved !== null &&
            t("share.file.saved", {
              name: saved.name,
              topics: saved.topics,
              records: saved.records,
            })}
        </p>
      </div>
      {saved?.truncated === true && (
        <p className="share-note">
          {saved.skipped > 0
            ? t("share.file.truncated", { skipped: saved.skipped })
            : t("share.file.timedOut")}
        </p>
      )}
      <ShareFailureNote failure={failure} />
    </ShareSection>
  );
}
