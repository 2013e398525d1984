/**
 * An assigned partition ("orders-0") with the group's lag on it: the leader's HW minus the
 * group's committed offset. The lag is read as one number, so the chip re-renders only when
 * that number changes, not with every HW tick of other partitions.
 */
import { memo } from "react";
import { formatInteger } from "../canvas/format.ts";
import { topicColour } from "../canvas/topic-colour.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { committedOffset, partitionLag } from "./group-logic.ts";

interface PartitionChipProps {
  groupId: string;
  topic: string;
  partition: number;
}

export const PartitionChip = memo(function PartitionChip({
  groupId,
  topic,
  partition,
}: PartitionChipProps) {
  const t = useTranslate();
  const language = usePlayground((s) => s.language);
  const lag = usePlayground((s) =>
    partitionLag(
      s.topics[topic]?.partitions[partition],
      committedOffset(s.groups[groupId], topic, partition),
    ),
  );
  const name = `${topic}-${partition}`;
  return (
    <li
      className={`partition-chip${lag !== null && lag > 0 ? " lagging" : ""}`}
      style={{ borderColor: topicColour(topic) }}
      title={t("clients.consumer.lagHint", { partition: name })}
    >
      <span className="partition-chip-name">{name}</span>
      <span className="partition-chip-lag">
        {lag === null
          ? t("clients.consumer.lagUnknown")
          : t("clients.consumer.lag", { lag: formatInteger(lag, language) })}
      </span>
    </li>
  );
});
