/**
 * The other topics a consumer subscribes to besides the one it was dropped on (its
 * subscription is the list of all of them, as KafkaConsumer.subscribe takes). A member
 * whose subscription differs from the rest of its group's gets its own share of those
 * topics in every rebalance, which the assignors lesson compares. Shown only when the
 * cluster has another topic; internal topics are not offered.
 */
import { useId } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { INTERNAL_TOPIC_PREFIX } from "../playground/telemetry-reducer.ts";
import { usePlayground } from "../store/store.ts";

interface Props {
  topic: string;
  selected: readonly string[];
  onChange: (topics: string[]) => void;
}

export function ExtraTopicsField({ topic, selected, onChange }: Props) {
  const t = useTranslate();
  const noteId = `${useId()}-note`;
  const others = usePlayground((state) =>
    Object.keys(state.topics)
      .filter((name) => name !== topic && !name.startsWith(INTERNAL_TOPIC_PREFIX))
      .sort()
      .join("\n"),
  );
  if (others === "") return null;
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...selected, name].sort() : selected.filter((other) => other !== name));
  return (
    <fieldset className="choice-group choice-group-inline" aria-describedby={noteId}>
      <legend className="field-label">{t("consumerDialog.extraTopics")}</legend>
      <div className="choice-options">
        {others.split("\n").map((name) => (
          <label key={name} className="choice" data-checked={selected.includes(name) || undefined}>
            <input
              type="checkbox"
              checked={selected.includes(name)}
              onChange={(event) => toggle(name, event.target.checked)}
            />
            <code className="choice-label">{name}</code>
          </label>
        ))}
      </div>
      <p id={noteId} className="field-note">
        {t("consumerDialog.extraTopicsHint", { topic })}
      </p>
    </fieldset>
  );
}
