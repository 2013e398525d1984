/**
 * "Share a link": the document deflated into the URL's hash, copied to the clipboard and
 * shown (so it can be copied by hand where the browser refuses). The records go along only
 * while the link stays short; the section says when they were left out.
 */
import { useId, useState } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { collectDocument, withoutData } from "./collect-document.ts";
import { LinkIcon } from "./icons.tsx";
import { recordCount } from "./rebuild-topics.ts";
import { documentToHash } from "./share-codec.ts";
import { LIMITS } from "./share-format.ts";
import { ShareFailureNote } from "./ShareFailureNote.tsx";
import { useBusy, useReportBusy, type SectionProps } from "./use-busy.ts";
import { BusyButton, ShareSection } from "./ShareSection.tsx";

interface Made {
  url: string;
  copied: boolean;
  /** Records the playground had that the link leaves out. */
  recordsDropped: boolean;
  recordsIncluded: boolean;
}

export function ShareLinkSection({ started, onBusy }: SectionProps) {
  const t = useTranslate();
  const linkId = useId();
  const [made, setMade] = useState<Made | null>(null);
  const { busy, failure, run, refuse } = useBusy();
  useReportBusy(busy, onBusy);

  const copyLink = () => {
    if (busy) return;
    void run(async () => {
      setMade(null);
      const check = await collectDocument({ includeData: true });
      if (!check.ok) return refuse(check.problems, check.more);
      const records = recordCount(check.document.data);
      let hash = documentToHash(records > 0 ? check.document : withoutData(check.document));
      const tooLong = records > 0 && hash.length > LIMITS.linkWithDataChars;
      if (tooLong) hash = documentToHash(withoutData(check.document));
      const url = `${location.origin}${location.pathname}${hash}`;
      let copied = true;
      try {
        await navigator.clipboard.writeText(url);
      } catch {
        copied = false; // no permission (or no focus): the link is shown to copy by hand
      }
      setMade({ url, copied, recordsDropped: tooLong, recordsIncluded: records > 0 && !tooLong });
    });
  };

  return (
    <ShareSection icon={<LinkIcon />} heading={t("share.link.heading")} text={t("share.link.text")}>
      <div className="share-actions">
        <BusyButton
          busy={busy}
          disabled={!started}
          icon={<LinkIcon />}
          label={t("share.link.copy")}
          busyLabel={t("share.link.making")}
          onClick={copyLink}
          testId="share-copy-link"
        />
        <p className="share-status" role="status">
          {made !== null &&
            (made.copied
              ? t("share.link.copied", { length: made.url.length.toLocaleString() })
              : t("share.link.copyFailed"))}
        </p>
      </div>
      {made !== null && (
        <>
          <label htmlFor={linkId} className="visually-hidden">
            {t("share.link.label")}
          </label>
          <input
            id={linkId}
            className="share-link"
            readOnly
            value={made.url}
            onFocus={(event) => event.currentTarget.select()}
            data-testid="share-link"
          />
          {made.recordsIncluded && <p className="share-note">{t("share.link.withData")}</p>}
          {made.recordsDropped && (
            <p className="share-note">
              {t("share.link.withoutData", { max: LIMITS.linkWithDataChars.toLocaleString() })}
            </p>
          )}
        </>
      )}
      <ShareFailureNote failure={failure} />
    </ShareSection>
  );
}
