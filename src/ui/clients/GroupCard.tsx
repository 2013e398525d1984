/**
 * One consumer group: Kafka's state and what it means, the generation, the assignor and
 * whether it rebalances eagerly or cooperatively, the rebalance steps, and its members (the
 * page's consumers, and any other member the coordinator lists). Dropping a consumer from
 * the palette on the card adds a member to this group.
 */
import { memo, useMemo } from "react";
import { useAnchor } from "../canvas/anchors.ts";
import { groupGlyph } from "../canvas/group-glyph.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import type { GroupMemberTelemetry } from "../../telemetry/telemetry-event.ts";
import { usePlayground } from "../store/store.ts";
import { select } from "../store/view-actions.ts";
import { activateHandlers } from "./activate.ts";
import { ConsumerRow } from "./ConsumerRow.tsx";
import { DROP_GROUP_ATTRIBUTE, DROP_GROUP_TOPIC_ATTRIBUTE } from "./drop-targets.ts";
import {
  consumerIdsOfGroup,
  groupTopicOf,
  otherMembers,
  rebalanceProtocolOf,
} from "./group-logic.ts";
import { PartitionChip } from "./PartitionChip.tsx";
import { RebalanceSteps } from "./RebalanceSteps.tsx";

export const GroupCard = memo(function GroupCard({ groupId }: { groupId: string }) {
  const t = useTranslate();
  const anchor = useAnchor(`group:${groupId}`);
  const group = usePlayground((s) => s.groups[groupId]);
  const consumerList = usePlayground((s) => consumerIdsOfGroup(groupId, s.consumers).join("\n"));
  const topic = usePlayground((s) => groupTopicOf(groupId, s.groups[groupId], s.consumers));
  // Until the coordinator describes it, a group of page consumers is shown by their settings.
  const pageAssignor = usePlayground(
    (s) =>
      Object.values(s.consumers).find((consumer) => consumer.settings.groupId === groupId)?.settings
        .assignor ?? null,
  );
  const selected = usePlayground(
    (s) => s.selection?.kind === "group" && s.selection.groupId === groupId,
  );
  const consumerIds = useMemo(
    () => (consumerList === "" ? [] : consumerList.split("\n")),
    [consumerList],
  );
  const others = useMemo(() => otherMembers(group, consumerIds), [group, consumerIds]);

  const state = group?.state ?? "Empty";
  const generation = group?.generation ?? 0;
  const assignor = group?.protocol ?? pageAssignor;
  const protocol = rebalanceProtocolOf(assignor);
  const dropAttributes =
    topic === null ? {} : { [DROP_GROUP_ATTRIBUTE]: groupId, [DROP_GROUP_TOPIC_ATTRIBUTE]: topic };
  const activate = activateHandlers(() => select({ kind: "group", groupId }));

  return (
    <article
      ref={anchor}
      className={`client-card group-card state-${state}${selected ? " selected" : ""}`}
      data-testid={`group-${groupId}`}
      data-state={state}
      data-generation={generation}
      {...dropAttributes}
      tabIndex={0}
      aria-label={t("clients.group.label", { group: groupId, state })}
      aria-current={selected ? "true" : undefined}
      data-activates=""
      {...activate}
    >
      <header className="client-card-head">
        <h3 className="client-name">{groupId}</h3>
        <span className="group-glyph" title={t("clients.group.glyphHint")} aria-hidden="true">
          {groupGlyph(groupId)}
        </span>
        {topic !== null && <span className="client-topic">{topic}</span>}
      </header>
      <p className="group-state-line">
        <span className={`group-state state-${state}`}>{state}</span>{" "}
        <span className="group-state-words">{t(`clients.group.state.${state}`)}</span>
      </p>
      <p className="group-facts">
        <span title={t("clients.group.generationHint")}>
          {t("clients.group.generation", { generation })}
        </span>
        <span>
          {t("clients.group.assignor")}:{" "}
          <strong>{assignor ?? t("clients.group.noAssignor")}</strong>
        </span>
        {protocol !== null && (
          <span
            className={`protocol-badge protocol-${protocol}`}
            title={t(
              protocol === "eager" ? "clients.group.eagerHint" : "clients.group.cooperativeHint",
            )}
          >
            {t(protocol === "eager" ? "clients.group.eager" : "clients.group.cooperative")}
          </span>
        )}
      </p>
      <RebalanceSteps phase={group?.phase ?? "stable"} generation={generation} />
      {consumerIds.length === 0 && others.length === 0 ? (
        <p className="clients-empty">{t("clients.group.noMembers")}</p>
      ) : (
        <ul className="group-members">
          {consumerIds.map((id) => (
            <ConsumerRow key={id} id={id} />
          ))}
          {others.map((member) => (
            <OtherMemberRow key={member.memberId} groupId={groupId} member={member} />
          ))}
        </ul>
      )}
    </article>
  );
});

/** A member the coordinator lists that is not one of the page's consumers (a terminal's, say). */
function OtherMemberRow({ groupId, member }: { groupId: string; member: GroupMemberTelemetry }) {
  const t = useTranslate();
  const anchor = useAnchor(`consumer:member:${member.memberId}`);
  return (
    <li ref={anchor} className="consumer-row other-member" title={member.memberId}>
      <div className="consumer-head">
        <span className="consumer-mark" aria-hidden="true" />
        <span className="client-name">
          {t("clients.group.otherMember", { client: member.clientId })}
        </span>
      </div>
      <ul className="partition-chips">
        {member.assignment.flatMap(({ topic, partitions }) =>
          partitions.map((partition) => (
            <PartitionChip
              key={`${topic}-${partition}`}
              groupId={groupId}
              topic={topic}
              partition={partition}
            />
          )),
        )}
      </ul>
    </li>
  );
}
