/**
 * An error as UI.md wants it: Kafka's name, a plain line a learner understands (the
 * dialogs' explanation table), and the error's own detail when it adds something.
 */
import { errorDetail, explainError } from "../dialogs/explain-error.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import type { ClientError } from "../store/clients-slice.ts";

export function ErrorNote({ name, message }: { name: string; message: string }) {
  const t = useTranslate();
  const explanation = explainError(t, name, message);
  const detail = errorDetail(name, message);
  return (
    <div className="inspector-error">
      <strong className="inspector-error-name">{name}</strong>
      <span>{explanation}</span>
      {detail !== "" && detail !== explanation ? (
        <span className="inspector-error-detail">{detail}</span>
      ) : null}
    </div>
  );
}

/** A client's last error, or a calm "no errors". */
export function ClientErrorNote({ error }: { error: ClientError | null }) {
  const t = useTranslate();
  if (error === null) return <p className="muted">{t("inspector.client.noError")}</p>;
  return <ErrorNote name={error.name} message={error.message} />;
}
