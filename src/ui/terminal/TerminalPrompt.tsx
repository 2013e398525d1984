/**
 * The terminal's input line and its keys: Enter runs (or sends the line to the running
 * tool), ↑/↓ walk the history, Tab completes (only when something is typed, so Tab still
 * moves focus out of an empty prompt), Ctrl-C interrupts (it copies instead when text is
 * selected), Ctrl-D ends the tool's input, Ctrl-L clears. A paste of several lines runs
 * them in order, as a shell does; a last line without its newline stays to be edited.
 */
import { useState, type RefObject } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { pastedLines } from "./shell-words.ts";
import type { RunningCommand, TerminalSession } from "./terminal-session.ts";

/** Whether the viewer has text selected (Ctrl-C then copies it, as terminals do). */
function hasSelection(input: HTMLInputElement): boolean {
  if (input.selectionStart !== input.selectionEnd) return true;
  return (window.getSelection()?.toString() ?? "") !== "";
}

export function TerminalPrompt({
  terminal,
  running,
  inputRef: input,
}: {
  terminal: TerminalSession;
  running: RunningCommand | null;
  /** The input element, for the panel to give focus to. */
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const t = useTranslate();
  const [value, setValue] = useState("");

  const show = (next: string, cursor = next.length) => {
    setValue(next);
    // After React has written the value, put the caret where the edit ended.
    requestAnimationFrame(() => input.current?.setSelectionRange(cursor, cursor));
  };

  const completeAtCursor = async (element: HTMLInputElement) => {
    const typed = element.value;
    const result = await terminal.complete(typed, element.selectionStart ?? typed.length);
    // Typing went on while the names were looked up: keep what was typed.
    if (result !== null && input.current?.value === typed) show(result.line, result.cursor);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const element = event.currentTarget;
    const control = event.ctrlKey && !event.altKey && !event.metaKey;
    const key = event.key.toLowerCase();
    let handled = true;
    if (event.key === "Enter" && !event.shiftKey) {
      terminal.submit(value);
      setValue("");
    } else if (event.key === "ArrowUp" && running === null) {
      const previous = terminal.history.previous(value);
      if (previous !== null) show(previous);
    } else if (event.key === "ArrowDown" && running === null) {
      const next = terminal.history.next();
      if (next !== null) show(next);
    } else if (event.key === "Tab" && !event.shiftKey && running === null && value !== "") {
      void completeAtCursor(element);
    } else if (control && key === "c" && !hasSelection(element)) {
      terminal.interrupt(value);
      terminal.history.resetWalk();
      setValue("");
    } else if (control && key === "d") {
      terminal.endInput(value);
      if (running !== null) setValue("");
    } else if (control && key === "l") {
      terminal.clear();
    } else handled = false;
    if (handled) event.preventDefault();
  };

  const onPaste = (event: React.ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData("text/plain");
    if (!/[\r\n]/.test(text)) return;
    event.preventDefault();
    const element = event.currentTarget;
    const start = element.selectionStart ?? value.length;
    const end = element.selectionEnd ?? value.length;
    const whole = value.slice(0, start) + text + value.slice(end);
    const lines = pastedLines(whole);
    const last = /[\r\n]$/.test(whole) ? "" : (lines.pop() ?? "");
    for (const line of lines) terminal.submit(line);
    show(last);
  };

  const symbol = running === null ? "$" : running.readingInput ? ">" : "";
  return (
    <div className="terminal-prompt-row">
      <span className="term-prompt terminal-prompt-symbol" aria-hidden="true">
        {symbol}
      </span>
      <input
        ref={input}
        className="terminal-input"
        data-testid="terminal-input"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        aria-label={
          running === null
            ? t("terminal.input")
            : t("terminal.inputForTool", { command: running.command })
        }
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="send"
      />
    </div>
  );
}
