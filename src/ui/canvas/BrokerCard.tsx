/**
 * One broker as a card (UI.md): its id, state in words and shape (alive; fenced = greyed
 * and hatched; dead = dark with a cross), the active controller's star, its KRaft role,
 * disk used, the replicas it hosts, and what you can do to it. Renders on state changes
 * only: the disk figure and the replicas' offsets are leaves with their own selectors.
 */
import { memo, type KeyboardEvent } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import type { MessageKey } from "../i18n/en.ts";
import type { NodeState } from "../../runtime/web-worker/cluster-host.ts";
import { brokerLiveness, type BrokerLiveness } from "../store/cluster-slice.ts";
import { usePlayground } from "../store/store.ts";
import { select } from "../store/view-actions.ts";
import { useAnchor } from "./anchors.ts";
import { BrokerActions } from "./BrokerActions.tsx";
import { BrokerReplicas } from "./BrokerReplicas.tsx";
import { formatBytes } from "./format.ts";
import { CrossIcon, StarIcon } from "./icons.tsx";

const RAFT_ROLES = new Set([
  "leader",
  "follower",
  "candidate",
  "unattached",
  "voted",
  "resigned",
  "observer",
]);

export const BrokerCard = memo(function BrokerCard({ brokerId }: { brokerId: number }) {
  const t = useTranslate();
  const liveness = usePlayground((s) => {
    const broker = s.brokers[brokerId];
    return broker === undefined ? "dead" : brokerLiveness(broker);
  });
  const process = usePlayground((s) => s.brokers[brokerId]?.process ?? "stopped");
  const isController = usePlayground((s) => s.controllerId === brokerId && liveness !== "dead");
  const selected = usePlayground(
    (s) => s.selection?.kind === "broker" && s.selection.brokerId === brokerId,
  );
  const anchor = useAnchor(`broker:${brokerId}`);

  const stateWords = t(`canvas.broker.state.${liveness}`);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget || (event.key !== "Enter" && event.key !== " "))
      return;
    event.preventDefault();
    select({ kind: "broker", brokerId });
  };
  return (
    <article
      ref={anchor}
      className={`cv-broker cv-broker-${liveness}`}
      data-testid={`broker-${brokerId}`}
      data-state={liveness}
      data-controller={String(isController)}
      data-selected={String(selected)}
      tabIndex={0}
      aria-label={t("canvas.broker.label", {
        id: brokerId,
        state: stateWords,
        controller: isController ? t("canvas.broker.controllerSuffix") : "",
      })}
      onClick={() => select({ kind: "broker", brokerId })}
      onKeyDown={onKeyDown}
    >
      <header className="cv-broker-head">
        <h3 className="cv-broker-title">{t("canvas.broker.title", { id: brokerId })}</h3>
        <StateBadge liveness={liveness} process={process} />
      </header>
      <QuorumRole brokerId={brokerId} isController={isController} />
      <DiskUsed brokerId={brokerId} />
      <BrokerReplicas brokerId={brokerId} />
      <BrokerActions brokerId={brokerId} liveness={liveness} />
      {liveness === "dead" && (
        <span className="cv-broker-cross" aria-hidden="true">
          <CrossIcon size={96} />
        </span>
      )}
    </article>
  );
});

function StateBadge({ liveness, process }: { liveness: BrokerLiveness; process: NodeState }) {
  const t = useTranslate();
  // The worker's own step says more than "fenced" while it starts or stops.
  const words =
    process === "starting" || process === "stopping" || process === "failed"
      ? t(`canvas.broker.process.${process}`)
      : t(`canvas.broker.state.${liveness}`);
  return (
    <span
      className={`cv-state cv-state-${liveness}`}
      title={t(`canvas.broker.stateHint.${liveness}`)}
    >
      <span className="cv-state-mark" aria-hidden="true">
        {liveness === "dead" ? <CrossIcon size={10} /> : null}
      </span>
      {words}
    </span>
  );
}

/**
 * Its KRaft quorum role — "voter · follower", "observer" — or for the active controller (the
 * quorum's leader) "★ controller · leader". The hover says it is KRaft's.
 */
function QuorumRole({ brokerId, isController }: { brokerId: number; isController: boolean }) {
  const t = useTranslate();
  const isVoter = usePlayground((s) => s.brokers[brokerId]?.isVoter ?? false);
  const raftRole = usePlayground((s) => s.brokers[brokerId]?.raftRole ?? null);
  const membership = t(isVoter ? "canvas.broker.voter" : "canvas.broker.observer");
  const role =
    raftRole === null || !RAFT_ROLES.has(raftRole) || (raftRole === "observer" && !isVoter)
      ? null
      : t(`canvas.broker.raft.${raftRole}` as MessageKey);
  if (isController) {
    return (
      <p className="cv-broker-line cv-controller" title={t("canvas.broker.controllerHint")}>
        <StarIcon size={11} /> {t("canvas.broker.controller")}
        {role !== null && <span className="cv-controller-role"> · {role}</span>}
      </p>
    );
  }
  return (
    <p className="cv-broker-line" title={t("canvas.broker.quorumHint")}>
      {membership}
      {role !== null && ` · ${role}`}
    </p>
  );
}

function DiskUsed({ brokerId }: { brokerId: number }) {
  const t = useTranslate();
  const bytes = usePlayground((s) => formatBytes(s.brokers[brokerId]?.bytesAppended ?? 0));
  return (
    <p className="cv-broker-line" title={t("canvas.broker.diskHint")}>
      <span className="cv-muted">{t("canvas.broker.disk")}</span>{" "}
      <span className="cv-figure">{bytes}</span>
    </p>
  );
}
