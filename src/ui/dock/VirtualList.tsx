/**
 * A list that renders only the rows in view (rows of one fixed height), for the timeline,
 * the packet table and kafka-dump-log's output. With `follow`, it stays on the newest row
 * as rows arrive until the viewer scrolls up (a button brings it back); rows dropped from
 * the front (bounded lists) do not move what the viewer is reading. With `onSelect` it is
 * a listbox: arrow keys, Home/End and PageUp/PageDown move the selection.
 */
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { isAtBottom, scrollToShow, visibleRows } from "./virtual-window.ts";

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  keyOf: (item: T) => string | number;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
  className?: string;
  /** Keep the newest (last) row in view as rows arrive. */
  follow?: boolean;
  /** The words of the "back to the newest" button. */
  followLabel?: string;
  /** Told when the list stops or starts following the newest row. */
  onFollowChange?: (following: boolean) => void;
  /** A CSS width the rows need (long lines scroll sideways). */
  contentWidth?: string;
  /** Listbox mode: the selected row's index, and what choosing a row does. */
  selected?: number | null;
  onSelect?: (index: number) => void;
  /** Rows that can be chosen (default: all). */
  selectable?: (item: T) => boolean;
  /** An accessible name for a row, when its text alone is not one. */
  rowLabel?: (item: T) => string;
  idPrefix?: string;
  /** Without `onSelect`: "log" for a list that grows (the timeline), else a plain region. */
  role?: "log" | "region";
}

/** The row at the top of the viewport, by key and index. */
function anchorAt<T>(
  items: readonly T[],
  keyOf: (item: T) => string | number,
  scrollTop: number,
  rowHeight: number,
): { key: string | number; index: number } | null {
  const index = Math.min(items.length - 1, Math.floor(scrollTop / rowHeight));
  return index >= 0 ? { key: keyOf(items[index]!), index } : null;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, keyOf, follow = false, onSelect, selected = null } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [following, setFollowingState] = useState(follow);
  const { onFollowChange } = props;
  const followingNow = useRef(follow);
  const setFollowing = useCallback(
    (next: boolean) => {
      if (followingNow.current === next) return;
      followingNow.current = next;
      setFollowingState(next);
      onFollowChange?.(next);
    },
    [onFollowChange],
  );
  /** The key and index of the top row in view, to hold it still when rows leave the front. */
  const anchor = useRef<{ key: string | number; index: number } | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    if (following) {
      element.scrollTop = element.scrollHeight;
    } else if (anchor.current !== null) {
      const { key, index } = anchor.current;
      for (let at = Math.min(index, items.length - 1); at >= 0; at--) {
        if (keyOf(items[at]!) !== key) continue;
        if (at !== index) element.scrollTop -= (index - at) * rowHeight;
        break;
      }
    }
    anchor.current = anchorAt(items, keyOf, element.scrollTop, rowHeight);
    setView({ top: element.scrollTop, height: element.clientHeight });
  }, [items, following, keyOf, rowHeight]);

  const { start, end } = visibleRows(view.top, view.height, rowHeight, items.length);

  const onScroll = () => {
    // A scroll event can arrive after the list left the page (its dock tab closed).
    const element = scroller.current;
    if (element === null) return;
    anchor.current = anchorAt(items, keyOf, element.scrollTop, rowHeight);
    setView({ top: element.scrollTop, height: element.clientHeight });
    if (follow)
      setFollowing(isAtBottom(element.scrollTop, element.clientHeight, element.scrollHeight));
  };

  const choose = (index: number) => {
    const element = scroller.current;
    if (onSelect === undefined || element === null) return;
    if (follow && index !== items.length - 1) setFollowing(false);
    onSelect(index);
    const top = scrollToShow(index, element.scrollTop, element.clientHeight, rowHeight);
    if (top !== null) element.scrollTop = top;
  };

  const canChoose = (index: number) => props.selectable?.(items[index]!) ?? true;
  const step = (from: number, direction: 1 | -1, count = 1): number | null => {
    let found: number | null = null;
    let moved = 0;
    for (let at = from + direction; at >= 0 && at < items.length; at += direction) {
      if (!canChoose(at)) continue;
      found = at;
      if (++moved >= count) break;
    }
    return found;
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (onSelect === undefined || items.length === 0) return;
    const page = Math.max(1, Math.floor(view.height / rowHeight) - 1);
    const from = selected ?? -1;
    const target =
      event.key === "ArrowDown"
        ? step(from, 1)
        : event.key === "ArrowUp"
          ? step(selected ?? items.length, -1)
          : event.key === "Home"
            ? step(-1, 1)
            : event.key === "End"
              ? step(items.length, -1)
              : event.key === "PageDown"
                ? step(from, 1, page)
                : event.key === "PageUp"
                  ? step(selected ?? items.length, -1, page)
                  : undefined;
    if (target === undefined) return;
    event.preventDefault();
    if (target !== null) choose(target);
  };

  const listbox = onSelect !== undefined;
  const idPrefix = props.idPrefix ?? "row";
  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    const item = items[index]!;
    const chosen = listbox && index === selected;
    rows.push(
      <div
        key={keyOf(item)}
        id={`${idPrefix}-${index}`}
        className={`vlist-row${chosen ? " vlist-row-selected" : ""}${listbox && canChoose(index) ? " vlist-row-choosable" : ""}`}
        style={{ top: index * rowHeight, height: rowHeight }}
        role={listbox ? "option" : undefined}
        aria-selected={listbox ? chosen : undefined}
        aria-label={props.rowLabel?.(item)}
        onClick={listbox && canChoose(index) ? () => choose(index) : undefined}
      >
        {props.renderRow(item, index)}
      </div>,
    );
  }

  return (
    <div className={`vlist ${props.className ?? ""}`}>
      <div
        ref={scroller}
        className="vlist-scroller"
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        tabIndex={0}
        role={listbox ? "listbox" : (props.role ?? "region")}
        aria-live={props.role === "log" ? "off" : undefined}
        aria-label={props.label}
        aria-activedescendant={listbox && selected !== null ? `${idPrefix}-${selected}` : undefined}
      >
        <div
          className="vlist-space"
          style={{ height: items.length * rowHeight, minWidth: props.contentWidth }}
        >
          {rows}
        </div>
      </div>
      {follow && !following && items.length > 0 ? (
        <button type="button" className="vlist-follow" onClick={() => setFollowing(true)}>
          ↓ {props.followLabel}
        </button>
      ) : null}
    </div>
  );
}
