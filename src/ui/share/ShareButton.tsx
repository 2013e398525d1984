/**
 * The top bar's way into sharing and export, and the page's ear for share links: a URL
 * whose hash is `#share=...` (on load, or pasted into the address bar later) is read,
 * checked and shown for review — nothing changes until the viewer confirms. The hash is
 * taken out of the address at once, so a reload does not ask again.
 */
import { useEffect } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { openDialog } from "../store/view-actions.ts";
import { ShareIcon } from "./icons.tsx";
import { isShareHash, readShareHash } from "./share-codec.ts";
import { reviewImport } from "./share-store.ts";
import "./share.css";

function takeShareLink(): void {
  const hash = location.hash;
  if (!isShareHash(hash)) return;
  history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  reviewImport({ source: "link", fileName: null, check: readShareHash(hash) });
}

export function ShareButton() {
  const t = useTranslate();
  useEffect(() => {
    takeShareLink();
    window.addEventListener("hashchange", takeShareLink);
    return () => window.removeEventListener("hashchange", takeShareLink);
  }, []);
  return (
    <button
      type="button"
      title={t("share.buttonTitle")}
      onClick={() => openDialog({ kind: "share" })}
      data-testid="share-button"
    >
      <ShareIcon />
      <span className="share-button-label">{t("share.button")}</span>
    </button>
  );
}
