/**
 * One tapped frame, decoded by the endpoint that sent it (`ClusterHost.decodeFrame`): its
 * facts, then its header and body as JSON (int64 as strings, bytes summarised). The tap
 * keeps only each endpoint's latest frames, so an old one may be gone; it says so.
 */
import { useEffect, useState } from "react";
import type { DecodedFrame, FrameRecord } from "../../runtime/network/frame-tap.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { playgroundSession } from "../playground/session.ts";
import { JSON_MAX_CHARS, toDisplayJson, type DisplayJson } from "./decoded-json.ts";
import { frameKey, frameRow } from "./frame-rows.ts";

type Decoding =
  | { key: string; status: "loading" }
  | { key: string; status: "gone" }
  | { key: string; status: "error"; message: string }
  | { key: string; status: "ok"; header: DisplayJson; body: DisplayJson };

function decodedView(key: string, decoded: DecodedFrame | null): Decoding {
  if (decoded === null) return { key, status: "gone" };
  if (!decoded.ok) return { key, status: "error", message: decoded.error };
  return {
    key,
    status: "ok",
    header: toDisplayJson(decoded.header, JSON_MAX_CHARS, 0),
    body: toDisplayJson(decoded.body),
  };
}

function JsonBlock({
  title,
  json,
  className,
}: {
  title: string;
  json: DisplayJson;
  className: string;
}) {
  const t = useTranslate();
  return (
    <section className={`frame-json ${className}`}>
      <h4>
        {title}
        {json.cutFrom === null ? null : (
          <span className="muted"> {t("packets.jsonCut", { count: json.text.length })}</span>
        )}
      </h4>
      <pre tabIndex={0} aria-label={title}>
        {json.text}
      </pre>
    </section>
  );
}

export function FrameDetail({ frame }: { frame: FrameRecord | null }) {
  const t = useTranslate();
  const key = frame === null ? null : frameKey(frame);
  const [decoding, setDecoding] = useState<Decoding | null>(null);

  useEffect(() => {
    if (frame === null) return;
    const key = frameKey(frame);
    let current = true;
    playgroundSession()
      .host.decodeFrame(frame.from, frame.id)
      .then(
        (decoded) => current && setDecoding(decodedView(key, decoded)),
        (error: unknown) =>
          current &&
          setDecoding({
            key,
            status: "error",
            message: error instanceof Error ? error.message : String(error),
          }),
      );
    return () => {
      current = false;
    };
    // The frame's identity is its key; a new array holding the same frame decodes nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (frame === null) return <p className="dock-empty frame-detail">{t("packets.pick")}</p>;
  const row = frameRow(frame, t("packets.page"));
  const shown = decoding?.key === key ? decoding : { key, status: "loading" as const };
  return (
    <div className="frame-detail" aria-live="polite" aria-busy={shown.status === "loading"}>
      <p className="frame-facts">
        <strong>{row.api}</strong>{" "}
        {t(row.direction === "request" ? "packets.request" : "packets.response")} · {row.from} →{" "}
        {row.to} · {row.listener} · corr {row.correlationId} · {row.size}
        {row.dropped ? <span className="frame-dropped"> · {t("packets.dropped")}</span> : null}
      </p>
      {shown.status === "loading" ? <p className="muted">{t("packets.decoding")}</p> : null}
      {shown.status === "gone" ? <p className="muted">{t("packets.gone")}</p> : null}
      {shown.status === "error" ? (
        <p className="status-error">{t("packets.decodeError", { message: shown.message })}</p>
      ) : null}
      {shown.status === "ok" ? (
        <div className="frame-json-pair">
          <JsonBlock
            title={t("packets.header")}
            json={shown.header}
            className="frame-json-header"
          />
          <JsonBlock title={t("packets.body")} json={shown.body} className="frame-json-body" />
        </div>
      ) : null}
    </div>
  );
}
