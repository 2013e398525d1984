/**
 * A network link between two endpoints (brokers, or the page where the user's clients
 * run): each direction's conditions (cut, latency, loss), and the controls to cut it, heal
 * it, or make it slow and lossy. Conditions are per direction, as real partitions often are.
 */
import { useState } from "react";
import type { LinkConditions } from "../../runtime/network/link-conditions.ts";
import { MAX_LATENCY_MS } from "../../runtime/network/link-conditions.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { setLink } from "../playground/actions.ts";
import { hasPlaygroundSession, playgroundSession } from "../playground/session.ts";
import { usePlayground } from "../store/store.ts";
import { select } from "../store/view-actions.ts";
import { isHealthy, linkConditionsOf, lossPercent, lossRateOf, type Endpoint } from "./links.ts";
import { ActionButton, Actions, Badge, InspectorHeader, Section } from "./parts.tsx";

function useLinkConditions(from: Endpoint, to: Endpoint): LinkConditions {
  // The store's list changes whenever a link does; the host holds the truth (restored links too).
  const faultyLinks = usePlayground((state) => state.faultyLinks);
  return hasPlaygroundSession()
    ? playgroundSession().host.linkConditions(from, to)
    : linkConditionsOf(faultyLinks, from, to);
}

export function LinkInspector({ from, to }: { from: Endpoint; to: Endpoint }) {
  const t = useTranslate();
  const forward = useLinkConditions(from, to);
  const backward = useLinkConditions(to, from);
  const name = (endpoint: Endpoint) =>
    endpoint === "page" ? t("inspector.link.page") : t("inspector.broker.title", { id: endpoint });
  const title = `${name(from)} ⇄ ${name(to)}`;
  const cut = forward.cut || backward.cut;
  const healthy = isHealthy(forward) && isHealthy(backward);
  return (
    <>
      <InspectorHeader kind={t("inspector.kind.link")} title={title}>
        <p className="inspector-badges">
          {healthy ? (
            <Badge tone="ok" mark="✓">
              {t("inspector.link.healthy")}
            </Badge>
          ) : cut ? (
            <Badge tone="error" mark="✂">
              {t("inspector.link.cut")}
            </Badge>
          ) : (
            <Badge tone="warn" mark="≈">
              {t("inspector.link.degraded")}
            </Badge>
          )}
        </p>
      </InspectorHeader>
      <Section title={t("inspector.link.ends")}>
        <div className="inspector-inline-list">
          {[from, to].map((endpoint) =>
            endpoint === "page" ? (
              <span key="page">{name(endpoint)}</span>
            ) : (
              <button
                key={endpoint}
                type="button"
                className="inspector-chip"
                onClick={() => select({ kind: "broker", brokerId: endpoint })}
              >
                {name(endpoint)}
              </button>
            ),
          )}
        </div>
        <table className="inspector-table">
          <thead>
            <tr>
              <th scope="col">{t("inspector.link.direction")}</th>
              <th scope="col">{t("inspector.link.state")}</th>
              <th scope="col" className="num-col">
                {t("inspector.link.latency")}
              </th>
              <th scope="col" className="num-col">
                {t("inspector.link.loss")}
              </th>
            </tr>
          </thead>
          <tbody>
            <DirectionRow label={`${name(from)} → ${name(to)}`} conditions={forward} />
            <DirectionRow label={`${name(to)} → ${name(from)}`} conditions={backward} />
          </tbody>
        </table>
      </Section>
      <Actions label={t("inspector.link.actions")}>
        <ActionButton
          label={t("inspector.link.cutBoth")}
          tone="danger"
          disabled={forward.cut && backward.cut}
          run={() => setLink(from, to, { cut: true })}
        />
        <ActionButton
          label={t("inspector.link.cutOneWay", { from: name(from), to: name(to) })}
          disabled={forward.cut && !backward.cut}
          run={async () => {
            const first = await setLink(from, to, { cut: true }, false);
            return first.ok ? setLink(to, from, { cut: false }, false) : first;
          }}
        />
        <ActionButton
          label={t("inspector.link.heal")}
          disabled={healthy}
          run={() => setLink(from, to, { cut: false, latencyMs: 0, lossRate: 0 })}
        />
      </Actions>
      <p className="inspector-hint">{t("inspector.link.cutHint")}</p>
      <SlowLinkForm
        key={`${forward.latencyMs}-${forward.lossRate}`}
        from={from}
        to={to}
        conditions={forward}
      />
    </>
  );
}

function DirectionRow({ label, conditions }: { label: string; conditions: LinkConditions }) {
  const t = useTranslate();
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        {conditions.cut ? (
          <Badge tone="error" mark="✂">
            {t("inspector.link.cut")}
          </Badge>
        ) : (
          <Badge tone="ok" mark="✓">
            {t("inspector.link.open")}
          </Badge>
        )}
      </td>
      <td className="num-col num">{conditions.latencyMs} ms</td>
      <td className="num-col num">{lossPercent(conditions.lossRate)} %</td>
    </tr>
  );
}

/** Latency and loss for both directions at once (the common case: a slow, flaky network). */
function SlowLinkForm({
  from,
  to,
  conditions,
}: {
  from: Endpoint;
  to: Endpoint;
  conditions: LinkConditions;
}) {
  const t = useTranslate();
  const [latency, setLatency] = useState(String(conditions.latencyMs));
  const [loss, setLoss] = useState(String(lossPercent(conditions.lossRate)));
  const latencyMs = Math.min(MAX_LATENCY_MS, Math.max(0, Math.round(Number(latency) || 0)));
  return (
    <Section title={t("inspector.link.slow")}>
      <div className="inspector-form">
        <label>
          <span>{t("inspector.link.latencyField")}</span>
          <input
            type="number"
            min={0}
            max={MAX_LATENCY_MS}
            step={10}
            value={latency}
            onChange={(e) => setLatency(e.target.value)}
          />
        </label>
        <label>
          <span>{t("inspector.link.lossField")}</span>
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            value={loss}
            onChange={(e) => setLoss(e.target.value)}
          />
        </label>
        <ActionButton
          label={t("inspector.link.apply")}
          run={() => setLink(from, to, { latencyMs, lossRate: lossRateOf(Number(loss)) })}
        />
      </div>
      <p className="inspector-hint">{t("inspector.link.slowHint")}</p>
    </Section>
  );
}
