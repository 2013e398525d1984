/**
 * Why a file or a link was refused: each problem where it is (a path into the document, as
 * a reader would write it) and what is wrong, in the viewer's language, with Kafka's error
 * name where the rule is Kafka's.
 */
import { ErrorIcon } from "../chrome/icons.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { formatPath, type Problem } from "./schema.ts";

interface ProblemListProps {
  problems: readonly Problem[];
  more: number;
  /** The sentence before the list: an import refused, or an export that cannot be written. */
  intro?: MessageKey;
}

export function ProblemList({ problems, more, intro = "import.nothingChanged" }: ProblemListProps) {
  const t = useTranslate();
  return (
    <div className="problems" role="alert" data-testid="import-problems">
      <p className="problems-intro">
        <ErrorIcon />
        <span>{t(intro)}</span>
      </p>
      <ul className="problem-list">
        {problems.map((problem, index) => {
          const path = formatPath(problem.path);
          return (
            <li key={index} className="problem">
              <code className="problem-path">{path === "" ? t("import.pathRoot") : path}</code>
              <span className="problem-text">
                {t(problem.key, problem.values)}
                {problem.kafkaName !== undefined && (
                  <>
                    {" "}
                    <code className="kafka-name">{problem.kafkaName}</code>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {more > 0 && <p className="muted">{t("import.problemsMore", { count: more })}</p>}
    </div>
  );
}
