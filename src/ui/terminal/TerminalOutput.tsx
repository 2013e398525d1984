/**
 * The terminal's scrollback, virtualised (only the rows in view are in the DOM), following
 * the newest line until the viewer scrolls up. Tool output is shown as printed, in a
 * monospace font with its spaces and tabs; standard error in the error colour; the
 * terminal's own notes in the viewer's language, with the cluster's broker addresses as
 * they are now.
 */
import { useCallback, useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground, type PlaygroundState } from "../store/store.ts";
import { VirtualList } from "../dock/VirtualList.tsx";
import type { TerminalLine } from "./output-buffer.ts";
import { BROKER_PORT } from "./storage-paths.ts";

const LINE_HEIGHT = 18;
const lineKey = (line: TerminalLine) => line.id;

/** "1,2,3": the broker ids, so the notes re-render when brokers come and go, not on every update. */
const selectBrokerIds = (state: PlaygroundState) =>
  Object.keys(state.brokers)
    .map(Number)
    .sort((a, b) => a - b)
    .join(",");

export function TerminalOutput({ lines, widest }: { lines: TerminalLine[]; widest: number }) {
  const t = useTranslate();
  const brokerIds = usePlayground(selectBrokerIds);
  const live = useMemo(() => {
    const addresses =
      brokerIds === "" ? [] : brokerIds.split(",").map((id) => `broker-${id}:${BROKER_PORT}`);
    // Before the cluster has said which brokers it has (still starting): an ellipsis.
    return {
      brokers: addresses.length === 0 ? "…" : addresses.join(", "),
      broker: addresses[0] ?? `broker-1:${BROKER_PORT}`,
    };
  }, [brokerIds]);

  const renderRow = useCallback(
    (line: TerminalLine) => {
      switch (line.kind) {
        case "command":
          return (
            <span className="term-line term-command">
              <span className="term-prompt" aria-hidden="true">
                ${" "}
              </span>
              {line.text}
            </span>
          );
        case "note":
          return (
            <span
              className={`term-line term-note${line.tone === "error" ? " term-note-error" : ""}`}
            >
              {t(line.key, { ...live, ...line.values })}
            </span>
          );
        default:
          return <span className={`term-line term-${line.kind}`}>{line.text}</span>;
      }
    },
    [t, live],
  );

  return (
    <VirtualList
      className="terminal-output"
      items={lines}
      rowHeight={LINE_HEIGHT}
      keyOf={lineKey}
      renderRow={renderRow}
      label={t("terminal.output")}
      role="log"
      follow
      followLabel={t("terminal.latest")}
      contentWidth={`calc(${widest}ch + 24px)`}
      idPrefix="terminal-line"
    />
  );
}
