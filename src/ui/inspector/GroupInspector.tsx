/**
 * A consumer group as its coordinator describes it: Kafka's state (explained in a line),
 * generation, protocol type and assignor, eager or cooperative, the leader, each member
 * and its partitions, committed offsets with lag, and why the group last changed state.
 */
import { useCallback, useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import type { GroupState } from "../store/groups-slice.ts";
import { usePlayground, type PlaygroundState } from "../store/store.ts";
import { select } from "../store/view-actions.ts";
import { formatCount, UNKNOWN } from "./format.ts";
import { Badge, Fact, Facts, Gone, InspectorHeader, Num, Section } from "./parts.tsx";
import { seriesKey } from "./series-keys.ts";
import { useSeries } from "./series.ts";
import { OffsetTable } from "./OffsetTable.tsx";
import { Sparkline } from "./Sparkline.tsx";
import {
  consumerOfMember,
  groupPartitionRows,
  rebalanceProtocolOf,
  totalLag,
} from "./summaries.ts";
import { useThrottledSelector } from "./use-throttled-selector.ts";

const STATE_BADGE: Record<GroupState, { tone: "ok" | "warn" | "muted" | "error"; mark: string }> = {
  Empty: { tone: "muted", mark: "○" },
  PreparingRebalance: { tone: "warn", mark: "↻" },
  CompletingRebalance: { tone: "warn", mark: "⇄" },
  Stable: { tone: "ok", mark: "●" },
  Dead: { tone: "error", mark: "✕" },
};

const selectTopics = (state: PlaygroundState) => state.topics;

export function GroupInspector({ groupId }: { groupId: string }) {
  const t = useTranslate();
  const group = useThrottledSelector(
    useCallback((state: PlaygroundState) => state.groups[groupId], [groupId]),
  );
  const topics = useThrottledSelector(selectTopics);
  const consumers = usePlayground((state) => state.consumers);
  const rows = useMemo(
    () => (group === undefined ? [] : groupPartitionRows(group, topics)),
    [group, topics],
  );
  const lagSeries = useSeries(seriesKey.groupLag(groupId));
  const kind = t("inspector.kind.group");
  if (group === undefined) return <Gone kind={kind} title={groupId} />;
  const protocol = rebalanceProtocolOf(group.protocol);
  const lag = totalLag(rows);
  return (
    <>
      <InspectorHeader kind={kind} title={groupId}>
        <p className="inspector-badges">
          <Badge {...STATE_BADGE[group.state]}>{group.state}</Badge>
          {group.phase === "stable" ? null : (
            <Badge tone="accent" mark="→">
              {t(`inspector.group.phase.${group.phase}`)}
            </Badge>
          )}
        </p>
        <p className="inspector-hint">{t(`inspector.groupState.${group.state}`)}</p>
      </InspectorHeader>
      <Section title={t("inspector.group.protocol")}>
        <Facts>
          <Fact term={t("inspector.group.generation")} tip={t("inspector.group.generationHint")}>
            <Num>{group.generation < 0 ? UNKNOWN : group.generation}</Num>
          </Fact>
          <Fact term={t("inspector.group.protocolType")}>
            {group.protocolType === "" ? UNKNOWN : group.protocolType}
          </Fact>
          <Fact term={t("inspector.group.assignor")}>{group.protocol ?? UNKNOWN}</Fact>
          <Fact
            term={t("inspector.group.rebalance")}
            hint={protocol === null ? undefined : t(`inspector.group.${protocol}Hint`)}
          >
            {protocol === null ? UNKNOWN : t(`inspector.group.${protocol}`)}
          </Fact>
          <Fact term={t("inspector.group.leader")}>
            <code className="inspector-id truncate" title={group.leader ?? undefined}>
              {group.leader === null || group.leader === "" ? UNKNOWN : group.leader}
            </code>
          </Fact>
        </Facts>
        <p className="inspector-reason">
          <span className="muted">{t("inspector.group.reason")}</span>{" "}
          <q>{group.reason === "" ? UNKNOWN : group.reason}</q>
        </p>
      </Section>
      <Section title={t("inspector.group.members", { count: group.members.length })}>
        {group.members.length === 0 ? (
          <p className="muted">{t("inspector.group.noMembers")}</p>
        ) : (
          <ul className="inspector-members">
            {group.members.map((member) => {
              const consumerId = consumerOfMember(consumers, member.memberId);
              const owned = member.assignment.flatMap(({ topic, partitions }) =>
                partitions.map((p) => `${topic}-${p}`),
              );
              return (
                <li key={member.memberId}>
                  <div className="inspector-member-head">
                    {consumerId === null ? (
                      <span>{member.clientId}</span>
                    ) : (
                      <button
                        type="button"
                        className="inspector-chip"
                        onClick={() => select({ kind: "consumer", consumerId })}
                      >
                        {consumerId}
                      </button>
                    )}
                    {member.memberId === group.leader ? (
                      <Badge tone="accent" mark="★">
                        {t("inspector.group.leaderMark")}
                      </Badge>
                    ) : null}
                  </div>
                  <code className="inspector-id truncate" title={member.memberId}>
                    {member.memberId}
                  </code>
                  {member.groupInstanceId === null ? null : (
                    <div className="muted">group.instance.id = {member.groupInstanceId}</div>
                  )}
                  <div className="num">
                    {owned.length === 0 ? t("inspector.group.nothingAssigned") : owned.join(", ")}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
      <Section title={t("inspector.group.offsets")}>
        {rows.length === 0 ? (
          <p className="muted">{t("inspector.group.noOffsets")}</p>
        ) : (
          <OffsetTable rows={rows} />
        )}
        <Sparkline
          samples={lagSeries}
          label={t("inspector.group.lagSeries")}
          value={t("inspector.unit.records", { value: formatCount(lag) })}
        />
        <p className="inspector-hint">{t("inspector.lag.hint")}</p>
      </Section>
    </>
  );
}
