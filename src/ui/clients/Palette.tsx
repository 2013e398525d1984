/**
 * The left rail (UI.md's layout): a producer and a consumer to drag onto a topic (or, for a
 * consumer, onto a group card). Each item is also a button: pressing it opens a menu of the
 * same places, so everything a drag does works from the keyboard.
 */
import {
  useCallback,
  useId,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
} from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { openDialog } from "../store/view-actions.ts";
import "./palette.css";
import "./shared.css";
import { dialogForDrop, type DropTarget, type PaletteKind } from "./drop-targets.ts";
import { followPaletteDrag } from "./palette-drag.ts";
import { PaletteMenu } from "./PaletteMenu.tsx";

export function Palette() {
  const t = useTranslate();
  return (
    <nav className="palette" aria-label={t("clients.palette.title")}>
      <h2 className="palette-title">{t("clients.palette.title")}</h2>
      <PaletteItem kind="producer" />
      <PaletteItem kind="consumer" />
    </nav>
  );
}

function PaletteItem({ kind }: { kind: PaletteKind }) {
  const t = useTranslate();
  const [menuOpen, setMenuOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const draggedRecently = useRef(false);
  const ids = useId();
  const producer = kind === "producer";
  const name = producer ? t("clients.palette.producer") : t("clients.palette.consumer");
  const hint = producer ? t("clients.palette.producerHint") : t("clients.palette.consumerHint");

  const add = useCallback(
    (target: DropTarget) => {
      setMenuOpen(false);
      openDialog(dialogForDrop(kind, target));
    },
    [kind],
  );

  const closeMenu = useCallback((returnFocus: boolean) => {
    setMenuOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  const onPointerDown = (event: ReactPointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    followPaletteDrag(event.nativeEvent, {
      kind,
      label: (target) => {
        if (target === null)
          return producer ? t("clients.palette.dropProducer") : t("clients.palette.dropConsumer");
        if (target.kind === "group")
          return t("clients.palette.releaseGroup", { group: target.groupId });
        return t(producer ? "clients.palette.releaseProducer" : "clients.palette.releaseConsumer", {
          topic: target.topic,
        });
      },
      onDrop: add,
      onDragStart: () => {
        setMenuOpen(false);
        // The click that ends a drag is not a press of the button.
        draggedRecently.current = true;
        window.addEventListener(
          "pointerup",
          () => window.setTimeout(() => (draggedRecently.current = false), 0),
          {
            once: true,
          },
        );
      },
    });
  };

  const onClick = () => {
    if (draggedRecently.current) return;
    setMenuOpen((open) => !open);
  };

  return (
    <div className={`palette-item-wrap${menuOpen ? " menu-open" : ""}`}>
      <button
        type="button"
        ref={button}
        id={`${ids}-button`}
        className={`palette-item palette-item-${kind}`}
        data-testid={`palette-${kind}`}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        aria-controls={menuOpen ? `${ids}-menu` : undefined}
        aria-describedby={`${ids}-hint`}
        title={hint}
        onPointerDown={onPointerDown}
        onClick={onClick}
      >
        <PaletteIcon kind={kind} />
        <span className="palette-item-name">{name}</span>
      </button>
      <span id={`${ids}-hint`} className="visually-hidden">
        {hint}
      </span>
      {menuOpen && (
        <PaletteMenu
          kind={kind}
          id={`${ids}-menu`}
          labelledBy={`${ids}-button`}
          onChoose={add}
          onClose={closeMenu}
        />
      )}
    </div>
  );
}

/** A producer sends out of its box; a consumer takes into its tray. Shapes, not only colour. */
function PaletteIcon({ kind }: { kind: PaletteKind }) {
  return (
    <svg className="palette-icon" width="28" height="28" viewBox="0 0 28 28" aria-hidden="true">
      {kind === "producer" ? (
        <>
          <rect x="3" y="7" width="12" height="14" rx="3" />
          <path d="M15 14h9m-3.5-3.5L24 14l-3.5 3.5" />
        </>
      ) : (
        <>
          <path d="M3 14h9m-3.5-3.5L12 14l-3.5 3.5" />
          <rect x="13" y="7" width="12" height="14" rx="3" />
        </>
      )}
    </svg>
  );
}
