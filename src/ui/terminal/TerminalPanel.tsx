/**
 * The dock's Terminal tab: a status bar (what runs, Stop and End input while it does, the
 * last exit code, Clear), the scrollback and the prompt. The terminal itself lives on in
 * page-terminal.ts while the dock shows other tabs. A click in the scrollback that selects
 * nothing puts the caret back in the prompt.
 */
import { useRef, useSyncExternalStore } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { pageTerminal } from "./page-terminal.ts";
import { TerminalOutput } from "./TerminalOutput.tsx";
import { TerminalPrompt } from "./TerminalPrompt.tsx";
import "./terminal.css";

export function TerminalPanel() {
  const t = useTranslate();
  const terminal = pageTerminal();
  const { lines, widest, running, lastExitCode } = useSyncExternalStore(
    terminal.subscribe,
    terminal.snapshot,
  );
  const input = useRef<HTMLInputElement>(null);

  const onMouseUp = (event: React.MouseEvent) => {
    if ((event.target as HTMLElement).closest("button, input") !== null) return;
    if ((window.getSelection()?.toString() ?? "") === "") input.current?.focus();
  };

  return (
    <div
      className="terminal"
      data-testid="terminal"
      data-running={running !== null}
      data-exit-code={lastExitCode ?? ""}
      onMouseUp={onMouseUp}
    >
      <div className="dock-toolbar terminal-toolbar">
        <span
          className={`terminal-status${running === null ? "" : " terminal-status-running"}`}
          role="status"
        >
          <span className="terminal-status-mark" aria-hidden="true" />
          <span className="terminal-status-text">
            {running === null
              ? t("terminal.ready")
              : t(running.stopping ? "terminal.stopping" : "terminal.running", {
                  command: running.command,
                })}
          </span>
        </span>
        {running === null && lastExitCode !== null && lastExitCode !== 0 ? (
          <span className="terminal-exit">{t("terminal.exitCode", { code: lastExitCode })}</span>
        ) : null}
        <span className="terminal-actions">
          {running?.readingInput === true ? (
            <button type="button" onClick={() => terminal.endInput("")}>
              {t("terminal.endInput")}
            </button>
          ) : null}
          {running !== null ? (
            <button type="button" onClick={() => terminal.interrupt("")}>
              {t("terminal.stop")}
            </button>
          ) : null}
          <button type="button" onClick={() => terminal.clear()}>
            {t("terminal.clear")}
          </button>
        </span>
      </div>
      <TerminalOutput lines={lines} widest={widest} />
      <TerminalPrompt terminal={terminal} running={running} inputRef={input} />
    </div>
  );
}
