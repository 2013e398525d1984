/**
 * The dialogs' validation issues (topic names, config values, producer and consumer
 * settings) turned into import problems at a path in the document: the same rules and the
 * same words a learner meets in the forms, pointed at the field of the file that broke them.
 */
import type { Issue } from "../dialogs/validation.ts";
import type { Path, Problems } from "./schema.ts";

/**
 * Adds the errors among `issues` (warnings are Kafka's "allowed, but..." and do not stop an
 * import) at `path`, followed by the issue's field unless `atPath` says the path is the field.
 * Returns whether there was any error.
 */
export function addIssueErrors(
  issues: readonly Issue[],
  path: Path,
  problems: Problems,
  atPath = false,
): boolean {
  let failed = false;
  for (const issue of issues) {
    if (issue.severity !== "error") continue;
    failed = true;
    problems.add({
      path: atPath ? path : [...path, issue.field],
      key: issue.key,
      values: issue.values,
      kafkaName: issue.kafkaName,
    });
  }
  return failed;
}
