/**
 * Reset: stop the session and every broker, forget the cluster's layout and the saved
 * producers and consumers, and reload. The next start finds nothing to restore, so it
 * creates the default cluster afresh, on wiped storage, and shows the welcome again.
 */
import { browserLayoutStore } from "../../runtime/web-worker/cluster-layout.ts";
import type { ActionResult } from "../playground/actions.ts";
import { clientErrorOf } from "../playground/client-error.ts";
import { forgetSavedClients } from "../playground/saved-clients.ts";
import {
  endPlayground,
  hasPlaygroundSession,
  playgroundSession,
  startPlayground,
} from "../playground/session.ts";
import { usePlayground } from "../store/store.ts";

/** How long a reset waits for a start in progress, whose cluster it must then end. */
const START_WAIT_MS = 15_000;

export async function resetPlayground(): Promise<void> {
  if (!hasPlaygroundSession() && usePlayground.getState().boot.status === "starting") {
    // A cluster being created would save its layout after we forgot it: let it finish first.
    await Promise.race([
      startPlayground().catch(() => null),
      new Promise((resolve) => setTimeout(resolve, START_WAIT_MS)),
    ]);
  }
  if (hasPlaygroundSession()) {
    const host = playgroundSession().host;
    await endPlayground();
    host.forget();
  } else {
    // The start failed before there was a session: only the saved layout is left to forget.
    browserLayoutStore().clear();
  }
  // After the session has ended: closing the clients saves them once more.
  forgetSavedClients();
  location.reload();
}

/** The reset as a dialog's action: it reloads the page, or says why it could not. */
export async function resetPlaygroundAction(): Promise<ActionResult> {
  try {
    await resetPlayground();
    return { ok: true, value: undefined };
  } catch (error) {
    const { name, message } = clientErrorOf(error, 0);
    return { ok: false, errorName: name, message };
  }
}
