/** What stopped a share action: the cluster's error, or what the format cannot carry. */
import { ActionError } from "../dialogs/Field.tsx";
import { ProblemList } from "./ProblemList.tsx";
import type { ShareFailure } from "./use-busy.ts";

export function ShareFailureNote({ failure }: { failure: ShareFailure }) {
  if (failure.error !== null) return <ActionError {...failure.error} />;
  if (failure.problems !== null)
    return <ProblemList {...failure.problems} intro="share.cannotExport" />;
  return null;
}
