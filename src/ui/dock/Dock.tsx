/**
 * The dock under the workspace: Timeline · Metrics · Packets · Log (segments) · Terminal, as
 * WAI-ARIA tabs (arrow keys, Home, End; the open tab is the store's `dockTab`). A fixed height, so
 * nothing above it moves while data streams in; it folds down to its tab bar on request.
 * Only the open tab is mounted: a hidden tab costs nothing.
 */
import { lazy, Suspense, useRef, useState } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { showDockTab } from "../store/view-actions.ts";
import "./dock.css";
import { DOCK_TABS, shownTab, tabForKey, type ShownDockTab } from "./dock-tabs.ts";
import { MetricsPanel } from "./MetricsPanel.tsx";
import { PacketsPanel } from "./PacketsPanel.tsx";
import { TimelinePanel } from "./TimelinePanel.tsx";

// The segment inspector brings kafka-dump-log and every message codec: loaded when opened.
const SegmentsPanel = lazy(() =>
  import("./SegmentsPanel.tsx").then((module) => ({ default: module.SegmentsPanel })),
);

// The terminal brings every command-line tool: loaded when opened.
const TerminalPanel = lazy(() =>
  import("../terminal/TerminalPanel.tsx").then((module) => ({ default: module.TerminalPanel })),
);

const PANELS: Record<ShownDockTab, () => React.ReactNode> = {
  timeline: () => <TimelinePanel />,
  metrics: () => <MetricsPanel />,
  packets: () => <PacketsPanel />,
  segments: () => <SegmentsPanel />,
  terminal: () => <TerminalPanel />,
};

export function Dock() {
  const t = useTranslate();
  const tab = shownTab(usePlayground((state) => state.dockTab));
  const [collapsed, setCollapsed] = useState(false);
  const tabs = useRef<Partial<Record<ShownDockTab, HTMLButtonElement | null>>>({});

  const open = (next: ShownDockTab) => {
    showDockTab(next);
    setCollapsed(false);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    // From the tab that has focus (the selected one, unless focus was moved by a script).
    const focused = DOCK_TABS.find((id) => tabs.current[id] === event.target) ?? tab;
    const next = tabForKey(focused, event.key);
    if (next === null) return;
    event.preventDefault();
    open(next);
    tabs.current[next]?.focus();
  };

  return (
    <section
      className={`dock${collapsed ? " dock-collapsed" : ""}`}
      aria-label={t("dock.label")}
      data-testid="dock"
    >
      <div className="dock-bar">
        <div
          role="tablist"
          aria-label={t("dock.label")}
          className="dock-tabs"
          onKeyDown={onKeyDown}
        >
          {DOCK_TABS.map((id) => (
            <button
              key={id}
              ref={(element) => {
                tabs.current[id] = element;
              }}
              type="button"
              role="tab"
              id={`dock-tab-${id}`}
              className="dock-tab"
              aria-selected={id === tab}
              aria-controls={`dock-panel-${id}`}
              tabIndex={id === tab ? 0 : -1}
              onClick={() => open(id)}
            >
              {t(`dock.tab.${id}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="icon-button dock-fold"
          aria-expanded={!collapsed}
          aria-controls={`dock-panel-${tab}`}
          aria-label={t(collapsed ? "dock.expand" : "dock.collapse")}
          title={t(collapsed ? "dock.expand" : "dock.collapse")}
          onClick={() => setCollapsed((value) => !value)}
        >
          <span aria-hidden="true">{collapsed ? "▴" : "▾"}</span>
        </button>
      </div>
      <div
        role="tabpanel"
        id={`dock-panel-${tab}`}
        aria-labelledby={`dock-tab-${tab}`}
        className="dock-panel"
        hidden={collapsed}
      >
        {collapsed ? null : (
          <Suspense fallback={<p className="dock-empty">{t("dock.loading")}</p>}>
            {PANELS[tab]()}
          </Suspense>
        )}
      </div>
    </section>
  );
}
