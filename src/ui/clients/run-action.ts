/** Runs a playground action from a card; a failure becomes an error toast with Kafka's name. */
import { explainError } from "../dialogs/explain-error.ts";
import { translate } from "../i18n/translate.ts";
import type { ActionResult } from "../playground/actions.ts";
import { usePlayground } from "../store/store.ts";
import { pushToast } from "../store/view-actions.ts";

export async function runAction<T>(action: Promise<ActionResult<T>>): Promise<boolean> {
  const result = await action;
  if (result.ok) return true;
  const language = usePlayground.getState().language;
  pushToast({
    tone: "error",
    text: explainError(
      (key, values) => translate(language, key, values),
      result.errorName,
      result.message,
    ),
    errorName: result.errorName,
  });
  return false;
}
