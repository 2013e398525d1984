/**
 * A topic config's one-line meaning, with the typed value read aloud when it is a number
 * ("= 3 days", "= 1 MiB"), so a learner sees what 604800000 means.
 */
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { formatBytes, formatDurationMs } from "./format-units.ts";
import { parseWholeNumber } from "./validation.ts";

const DURATION_CONFIGS = new Set(["retention.ms", "segment.ms"]);
const SIZE_CONFIGS = new Set(["segment.bytes", "retention.bytes", "max.message.bytes"]);

const MEANING = {
  "min.insync.replicas": "configHint.minInsyncReplicas",
  "cleanup.policy.delete": "configHint.cleanupDelete",
  "cleanup.policy.compact": "configHint.cleanupCompact",
  "retention.ms": "configHint.retentionMs",
  "retention.bytes": "configHint.retentionBytes",
  "segment.bytes": "configHint.segmentBytes",
  "segment.ms": "configHint.segmentMs",
  "max.message.bytes": "configHint.maxMessageBytes",
} as const;

export function TopicConfigHint({ name, value }: { name: string; value: string }) {
  const t = useTranslate();
  const language = usePlayground((state) => state.language);
  const lookup =
    name === "cleanup.policy"
      ? `cleanup.policy.${value.includes("compact") ? "compact" : "delete"}`
      : name;
  const meaningKey = (MEANING as Record<string, (typeof MEANING)[keyof typeof MEANING]>)[lookup];
  const number = parseWholeNumber(value);
  let reading: string | null = null;
  if (number !== null && DURATION_CONFIGS.has(name)) {
    reading = number === -1 ? t("configHint.forever") : formatDurationMs(number, language);
  } else if (number !== null && SIZE_CONFIGS.has(name)) {
    reading = number === -1 ? t("configHint.unlimited") : formatBytes(number, language);
  }
  return (
    <>
      {reading !== null && <strong className="config-reading number">= {reading} · </strong>}
      {meaningKey !== undefined ? t(meaningKey) : null}
    </>
  );
}
