/**
 * The menu a palette item opens when pressed: every place the item can be added to (the
 * keyboard alternative to dragging). Arrow keys move, Enter chooses, Escape closes and
 * returns focus to the item.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import type { DropTarget, PaletteKind } from "./drop-targets.ts";
import { choicesFor, choicesSignature } from "./palette-choices.ts";

interface PaletteMenuProps {
  kind: PaletteKind;
  id: string;
  labelledBy: string;
  onChoose(target: DropTarget): void;
  /** `returnFocus`: the menu closed by the keyboard, so focus goes back to the item. */
  onClose(returnFocus: boolean): void;
}

export function PaletteMenu({ kind, id, labelledBy, onChoose, onClose }: PaletteMenuProps) {
  const t = useTranslate();
  const signature = usePlayground(choicesSignature);
  const sections = useMemo(() => choicesFor(kind, signature), [kind, signature]);
  const menu = useRef<HTMLDivElement>(null);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    items()[0]?.focus();
    const outside = (event: PointerEvent) => {
      const root = menu.current?.parentElement;
      if (root !== null && root !== undefined && !root.contains(event.target as Node))
        onClose(false);
    };
    document.addEventListener("pointerdown", outside, true);
    return () => document.removeEventListener("pointerdown", outside, true);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => list[(index + list.length) % list.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        focus(at + 1);
        break;
      case "ArrowUp":
        focus(at - 1);
        break;
      case "Home":
        focus(0);
        break;
      case "End":
        focus(list.length - 1);
        break;
      case "Escape":
        onClose(true);
        break;
      case "Tab":
        onClose(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      className="palette-menu"
      role="menu"
      id={id}
      aria-labelledby={labelledBy}
      ref={menu}
      onKeyDown={onKeyDown}
    >
      {sections.map((section) => (
        <div role="group" key={section.kind} aria-label={sectionTitle(t, kind, section.kind)}>
          <div className="palette-menu-heading" aria-hidden="true">
            {sectionTitle(t, kind, section.kind)}
          </div>
          {section.targets.length === 0 ? (
            <div className="palette-menu-empty" role="menuitem" aria-disabled="true" tabIndex={-1}>
              {t("clients.menu.noTopics")}
            </div>
          ) : (
            section.targets.map((target) => (
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                key={target.kind === "topic" ? `topic:${target.topic}` : `group:${target.groupId}`}
                onClick={() => onChoose(target)}
              >
                {target.kind === "topic"
                  ? target.topic
                  : t("clients.menu.groupItem", { group: target.groupId, topic: target.topic })}
              </button>
            ))
          )}
        </div>
      ))}
    </div>
  );
}

function sectionTitle(
  t: ReturnType<typeof useTranslate>,
  kind: PaletteKind,
  section: "topics" | "groups",
): string {
  if (section === "groups") return t("clients.menu.consumerGroups");
  return kind === "producer" ? t("clients.menu.producerTopics") : t("clients.menu.consumerTopics");
}
