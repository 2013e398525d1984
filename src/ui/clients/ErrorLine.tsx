/** A client's last error: Kafka's name in red, and one plain line saying what it means. */
import { memo } from "react";
import { explainError } from "../dialogs/explain-error.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import type { ClientError } from "../store/clients-slice.ts";
import "./shared.css";

export const ErrorLine = memo(function ErrorLine({ error }: { error: ClientError }) {
  const t = useTranslate();
  return (
    <p className="client-error" role="status" title={error.message}>
      <span className="visually-hidden">{t("clients.producer.lastError")}: </span>
      <span className="client-error-mark" aria-hidden="true">
        !
      </span>
      <code className="client-error-name">{error.name}</code>
      <span className="client-error-text">{explainError(t, error.name, error.message)}</span>
    </p>
  );
});
