/** The ApiVersions exchange: both frames as bytes, and the decoded list of APIs. */
import { HexDump } from "../components/HexDump.tsx";
import { useTranslate } from "../i18n/use-translate.ts";
import type { FrameFacts } from "../store/handshake-slice.ts";
import { usePlayground } from "../store/store.ts";
import { ERRORS } from "../../protocol/generated/error-codes.ts";
import { runHandshake } from "./run-handshake.ts";

function FrameView({ title, frame, testId }: { title: string; frame: FrameFacts; testId: string }) {
  const t = useTranslate();
  return (
    <section className="frame" data-testid={testId} data-correlation-id={frame.correlationId}>
      <h3>{title}</h3>
      <p className="frame-facts" title={t("glossary.correlationId")}>
        {t("handshake.frameFacts", {
          api: "ApiVersions",
          version: frame.apiVersion,
          correlationId: frame.correlationId,
          size: frame.bytes.length,
        })}
      </p>
      <HexDump bytes={frame.bytes} label={title} />
    </section>
  );
}

export function HandshakePanel() {
  const t = useTranslate();
  const handshake = usePlayground((s) => s.handshake);
  const result = handshake.result;
  return (
    <section className="panel handshake" aria-labelledby="handshake-title">
      <header className="panel-header">
        <h2 id="handshake-title" title={t("glossary.apiVersions")}>
          {t("handshake.title")}
        </h2>
        <button type="button" onClick={() => void runHandshake()} disabled={handshake.status === "pending"}>
          {t("handshake.again")}
        </button>
      </header>
      <p className="explain">{t("handshake.explain")}</p>
      <p className={`status status-${handshake.status}`} role="status" data-testid="handshake-status" data-state={handshake.status}>
        {handshake.status === "pending" && t("handshake.status.pending")}
        {handshake.status === "error" && t("handshake.status.error", { message: handshake.errorMessage ?? "" })}
        {handshake.status === "ok" && result !== null && (
          <>
            {t("handshake.status.ok", { count: result.apis.length })}
            <span className="muted"> · {t("handshake.roundTrip", { ms: result.roundTripMs.toFixed(1) })}</span>
            <span className="muted">
              {" "}
              · {t("handshake.errorCode")}: {result.errorCode} ({ERRORS.get(result.errorCode)?.name})
            </span>
          </>
        )}
      </p>
      {result !== null && (
        <div className="handshake-body">
          <div className="frames">
            <FrameView title={t("handshake.request")} frame={result.request} testId="request-frame" />
            <FrameView title={t("handshake.response")} frame={result.response} testId="response-frame" />
          </div>
          <table className="api-table" data-testid="api-versions-table">
            <caption>{t("handshake.table.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("handshake.table.key")}</th>
                <th scope="col">{t("handshake.table.name")}</th>
                <th scope="col">{t("handshake.table.versions")}</th>
              </tr>
            </thead>
            <tbody>
              {result.apis.map((api) => (
                <tr key={api.apiKey} data-testid={`api-version-${api.apiKey}`}>
                  <td className="number">{api.apiKey}</td>
                  <td>{api.name}</td>
                  <td className="number">
                    {api.minVersion}–{api.maxVersion}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
