/** A generated file: its name, Copy and Download, and its text in a scrolling box. */
import { useId, useState } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { downloadText } from "./download.ts";
import { DownloadIcon } from "./icons.tsx";

interface FilePreviewProps {
  fileName: string;
  text: string;
  type: string;
}

export function FilePreview({ fileName, text, type }: FilePreviewProps) {
  const t = useTranslate();
  const labelId = useId();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <figure className="file-preview">
      <figcaption className="file-preview-bar">
        <code id={labelId}>{fileName}</code>
        <span className="share-status" role="status">
          {copied && t("kafka.copied", { file: fileName })}
        </span>
        <button type="button" onClick={copy}>
          {t("kafka.copy")}
        </button>
        <button
          type="button"
          className="button-primary"
          onClick={() => downloadText(text, fileName, type)}
          data-testid={`download-${fileName}`}
        >
          <DownloadIcon />
          {t("kafka.download", { file: fileName })}
        </button>
      </figcaption>
      <pre
        className="file-preview-text"
        tabIndex={0}
        aria-label={t("kafka.preview", { file: fileName })}
      >
        {text}
      </pre>
    </figure>
  );
}
