/**
 * Runs one of playground/actions.ts for a control: the control is busy while it runs, and
 * a failure becomes a toast with Kafka's error name and the words of the action that failed.
 */
import { useCallback, useState } from "react";
import type { ActionResult } from "../playground/actions.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { pushToast } from "../store/view-actions.ts";

export function useAction(): {
  busy: boolean;
  run: (label: string, action: () => Promise<ActionResult<unknown>>) => Promise<boolean>;
} {
  const t = useTranslate();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (label: string, action: () => Promise<ActionResult<unknown>>) => {
      setBusy(true);
      const result = await action();
      setBusy(false);
      if (!result.ok) {
        pushToast({
          tone: "error",
          text: t("canvas.actionFailed", { action: label, message: result.message }),
          errorName: result.errorName,
        });
      }
      return result.ok;
    },
    [t],
  );
  return { busy, run };
}
