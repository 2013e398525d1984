/** A link's name and condition in the viewer's language, for its segment and popover. */
import { useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { lossPercent, PAGE_ENDPOINT, type LinkEnd, type PairCondition } from "./link-state.ts";

export function useLinkWords() {
  const t = useTranslate();
  return useMemo(() => {
    const endName = (end: LinkEnd) =>
      end === PAGE_ENDPOINT ? t("canvas.links.clients") : String(end);
    return {
      name: (a: LinkEnd, b: LinkEnd) =>
        a === PAGE_ENDPOINT
          ? t("canvas.links.pageLabel", { b })
          : t("canvas.links.label", { a, b }),
      status: (condition: PairCondition, a: LinkEnd, b: LinkEnd) => {
        const parts: string[] = [];
        if (condition.cut === "both") parts.push(t("canvas.links.cut"));
        if (condition.cut === "forward")
          parts.push(t("canvas.links.cutOneWay", { from: endName(a), to: endName(b) }));
        if (condition.cut === "backward")
          parts.push(t("canvas.links.cutOneWay", { from: endName(b), to: endName(a) }));
        if (condition.latencyMs > 0)
          parts.push(t("canvas.links.latency", { ms: condition.latencyMs }));
        if (condition.lossRate > 0)
          parts.push(t("canvas.links.loss", { percent: lossPercent(condition.lossRate) }));
        return parts.length === 0 ? t("canvas.links.healthy") : parts.join(" · ");
      },
    };
  }, [t]);
}
