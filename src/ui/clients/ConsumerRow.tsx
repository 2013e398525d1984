/**
 * One of the page's consumers inside its group's card: status, records consumed, the
 * processing delay, its partitions with their lag, and the ways it can end: close (it
 * leaves the group) or crash (it says nothing; the session timeout decides). A crashed or
 * closed consumer stays until removed, so the learner can watch the group react.
 */
import { memo, useMemo } from "react";
import { useAnchor } from "../canvas/anchors.ts";
import { formatInteger } from "../canvas/format.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { closeConsumer, crashConsumer, removeConsumer } from "../playground/actions.ts";
import { usePlayground } from "../store/store.ts";
import { select } from "../store/view-actions.ts";
import { activateHandlers } from "./activate.ts";
import { ErrorLine } from "./ErrorLine.tsx";
import { stillMember } from "./group-logic.ts";
import { PartitionChip } from "./PartitionChip.tsx";
import { runAction } from "./run-action.ts";

export const ConsumerRow = memo(function ConsumerRow({ id }: { id: string }) {
  const t = useTranslate();
  const anchor = useAnchor(`consumer:${id}`);
  const settings = usePlayground((s) => s.consumers[id]?.settings);
  const status = usePlayground((s) => s.consumers[id]?.status);
  const lastError = usePlayground((s) => s.consumers[id]?.lastError ?? null);
  // The runner hands out a new array every frame: compare the partitions as text.
  const assignedText = usePlayground(
    (s) =>
      s.consumers[id]?.assigned
        .map(({ topic, partition }) => `${topic}\t${partition}`)
        .join("\n") ?? "",
  );
  const member = usePlayground((s) => {
    const consumer = s.consumers[id];
    return consumer !== undefined && stillMember(s.groups[consumer.settings.groupId], consumer);
  });
  const selected = usePlayground(
    (s) => s.selection?.kind === "consumer" && s.selection.consumerId === id,
  );
  const assigned = useMemo(
    () =>
      assignedText === ""
        ? []
        : assignedText.split("\n").map((line) => {
            const [topic = "", partition = "0"] = line.split("\t");
            return { topic, partition: Number(partition) };
          }),
    [assignedText],
  );
  if (settings === undefined || status === undefined) return null;
  const ended = status === "crashed" || status === "closed";
  const activate = activateHandlers(() => select({ kind: "consumer", consumerId: id }));

  return (
    <li
      ref={anchor}
      className={`consumer-row status-${status}${selected ? " selected" : ""}`}
      // Page clients are named "consumer-<n>" already: the test id is the name.
      data-testid={id}
      data-status={status}
      tabIndex={0}
      aria-label={t("clients.consumer.label", {
        id,
        group: settings.groupId,
        status: t(`clients.consumer.status.${status}`),
      })}
      aria-current={selected ? "true" : undefined}
      data-activates=""
      {...activate}
    >
      <div className="consumer-head">
        <span className={`consumer-mark status-${status}`} aria-hidden="true" />
        <span className="client-name">{id}</span>
        <span className={`client-status status-${status}`}>
          {t(`clients.consumer.status.${status}`)}
        </span>
      </div>
      <p className="consumer-facts">
        <ConsumedCount id={id} />
        <span title={t("clients.consumer.processingHint")}>
          {t("clients.consumer.processing", { ms: settings.processingDelayMs })}
        </span>
      </p>
      {!ended &&
        (assigned.length === 0 ? (
          <p className="consumer-no-partitions">{t("clients.consumer.noPartitions")}</p>
        ) : (
          <ul className="partition-chips">
            {assigned.map(({ topic, partition }) => (
              <PartitionChip
                key={`${topic}-${partition}`}
                groupId={settings.groupId}
                topic={topic}
                partition={partition}
              />
            ))}
          </ul>
        ))}
      {status === "crashed" && (
        <p className="consumer-note">
          {member
            ? t("clients.consumer.crashedNote", {
                seconds: Math.round(settings.sessionTimeoutMs / 1000),
              })
            : t("clients.consumer.crashedGone")}
        </p>
      )}
      {status === "closed" && <p className="consumer-note">{t("clients.consumer.closedNote")}</p>}
      {lastError !== null && status === "error" && <ErrorLine error={lastError} />}
      <div className="client-actions">
        {ended ? (
          <button type="button" onClick={() => void runAction(removeConsumer(id))}>
            {t("clients.consumer.remove")}
          </button>
        ) : (
          <>
            {/* Short words on the button, the whole name for assistive technology and tests. */}
            <button
              type="button"
              aria-label={t("clients.consumer.close")}
              title={t("clients.consumer.closeHint")}
              onClick={() => void runAction(closeConsumer(id))}
            >
              {t("clients.consumer.closeShort")}
            </button>
            <button
              type="button"
              className="danger"
              aria-label={t("clients.consumer.crash")}
              title={t("clients.consumer.crashHint")}
              onClick={() => void runAction(crashConsumer(id))}
            >
              {t("clients.consumer.crashShort")}
            </button>
          </>
        )}
      </div>
    </li>
  );
});

function ConsumedCount({ id }: { id: string }) {
  const t = useTranslate();
  const consumed = usePlayground((s) => s.consumers[id]?.consumed ?? 0);
  const language = usePlayground((s) => s.language);
  return (
    <span className="consumer-consumed">
      <span className="consumer-consumed-value">{formatInteger(consumed, language)}</span>{" "}
      <span className="muted">{t("clients.consumer.consumed")}</span>
    </span>
  );
}
