/**
 * A palette drag with pointer events: past a few pixels of movement a label follows the
 * pointer, every target that takes the dragged kind is highlighted (CSS keyed on
 * `html[data-palette-drag]`), the one under the pointer more strongly, and releasing over
 * it calls `onDrop`. Pointer events rather than HTML5 drag and drop so mouse, pen and touch
 * behave alike (and Playwright's dragTo, which moves the mouse, drives it as a person would).
 */
import { dropTargetAt, type DropTarget, type PaletteKind } from "./drop-targets.ts";

/** Movement before a press becomes a drag: a click that wobbles stays a click. */
const DRAG_THRESHOLD_PX = 4;
const HOVER_ATTRIBUTE = "data-drop-hover";
const DRAG_ATTRIBUTE = "paletteDrag";

export interface PaletteDragOptions {
  kind: PaletteKind;
  /** The words that follow the pointer: where to drop, or what releasing here does. */
  label(target: DropTarget | null): string;
  onDrop(target: DropTarget): void;
  /** Called once the press became a drag (the button's click that follows is not a click). */
  onDragStart(): void;
}

/** Follows one press of the pointer from `down` until it is released or cancelled. */
export function followPaletteDrag(down: PointerEvent, options: PaletteDragOptions): void {
  const pointerId = down.pointerId;
  let ghost: HTMLElement | null = null;
  let hovered: Element | null = null;

  const targetAt = (x: number, y: number) =>
    dropTargetAt(document.elementFromPoint(x, y), options.kind);

  const setHovered = (found: { target: DropTarget; element: Element } | null) => {
    const element = found?.element ?? null;
    if (element === hovered) return;
    hovered?.removeAttribute(HOVER_ATTRIBUTE);
    element?.setAttribute(HOVER_ATTRIBUTE, "");
    hovered = element;
    if (ghost !== null) ghost.textContent = options.label(found?.target ?? null);
  };

  const begin = () => {
    options.onDragStart();
    document.documentElement.dataset[DRAG_ATTRIBUTE] = options.kind;
    ghost = document.createElement("div");
    ghost.className = `palette-ghost palette-ghost-${options.kind}`;
    ghost.textContent = options.label(null);
    ghost.setAttribute("aria-hidden", "true");
    document.body.append(ghost);
  };

  const move = (event: PointerEvent) => {
    if (event.pointerId !== pointerId) return;
    if (ghost === null) {
      const distance = Math.hypot(event.clientX - down.clientX, event.clientY - down.clientY);
      if (distance < DRAG_THRESHOLD_PX) return;
      begin();
    }
    ghost!.style.transform = `translate(${event.clientX + 14}px, ${event.clientY + 14}px)`;
    setHovered(targetAt(event.clientX, event.clientY));
  };

  const finish = (event: PointerEvent | null) => {
    window.removeEventListener("pointermove", move);
    window.removeEventListener("pointerup", up);
    window.removeEventListener("pointercancel", cancel);
    window.removeEventListener("keydown", escape, true);
    const dragged = ghost !== null;
    setHovered(null);
    ghost?.remove();
    ghost = null;
    delete document.documentElement.dataset[DRAG_ATTRIBUTE];
    if (!dragged || event === null) return;
    const found = targetAt(event.clientX, event.clientY);
    if (found !== null) options.onDrop(found.target);
  };

  const up = (event: PointerEvent) => {
    if (event.pointerId === pointerId) finish(event);
  };
  const cancel = (event: PointerEvent) => {
    if (event.pointerId === pointerId) finish(null);
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    finish(null);
  };

  window.addEventListener("pointermove", move);
  window.addEventListener("pointerup", up);
  window.addEventListener("pointercancel", cancel);
  window.addEventListener("keydown", escape, true);
}
