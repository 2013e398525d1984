/**
 * Ask a broker ApiVersions, as kafka-broker-api-versions.sh does: the page opens a
 * connection to the broker's listener and shows every API the broker speaks with its
 * version range, and the round trip in node time (a slow or lossy link shows here).
 */
import { useState } from "react";
import type { ProbeResult } from "../../runtime/web-worker/api-versions-probe.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import type { ActionResult } from "../playground/actions.ts";
import { ErrorNote } from "./ClientErrorNote.tsx";
import { formatMs } from "./format.ts";
import { apiVersionRows, askApiVersions, errorName } from "./inspector-actions.ts";
import { Collapsible } from "./parts.tsx";

export function ApiVersionsSection({ brokerId }: { brokerId: number }) {
  const t = useTranslate();
  const [asking, setAsking] = useState(false);
  const [answer, setAnswer] = useState<ActionResult<ProbeResult> | null>(null);
  const ask = () => {
    setAsking(true);
    void askApiVersions(brokerId).then((result) => {
      setAsking(false);
      setAnswer(result);
    });
  };
  return (
    <Collapsible title="ApiVersions">
      <p className="inspector-hint">{t("inspector.apiVersions.explain")}</p>
      <button
        type="button"
        className="inspector-button"
        onClick={ask}
        disabled={asking}
        aria-busy={asking}
      >
        {t("inspector.apiVersions.ask")}
      </button>
      <div role="status" className="inspector-probe-status">
        {asking ? t("inspector.apiVersions.asking") : null}
        {!asking && answer !== null && !answer.ok ? (
          <ErrorNote name={answer.errorName} message={answer.message} />
        ) : null}
        {!asking && answer?.ok ? (
          <p>
            {t("inspector.apiVersions.answer", {
              count: answer.value.apiKeys.length,
              roundTrip: formatMs(answer.value.roundTripMs),
              error: errorName(answer.value.errorCode),
            })}
          </p>
        ) : null}
      </div>
      {answer?.ok && answer.value.apiKeys.length > 0 ? (
        <div className="inspector-scroll-box">
          <table className="inspector-table">
            <thead>
              <tr>
                <th scope="col" className="num-col">
                  {t("inspector.apiVersions.key")}
                </th>
                <th scope="col">{t("inspector.apiVersions.name")}</th>
                <th scope="col" className="num-col">
                  {t("inspector.apiVersions.versions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {apiVersionRows(answer.value).map((row) => (
                <tr key={row.apiKey}>
                  <td className="num-col num">{row.apiKey}</td>
                  <th scope="row">{row.name}</th>
                  <td className="num-col num">
                    {row.minVersion}–{row.maxVersion}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Collapsible>
  );
}
