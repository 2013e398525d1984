/**
 * The canvas's content element, for layers drawn over it (record flights, assignment
 * lines): `anchorBox(name, container)` gives boxes relative to it, and an overlay placed
 * `position: absolute; inset: 0` inside it covers the whole canvas and scrolls with it.
 * Null until the canvas has mounted.
 */
import { createContext, useContext } from "react";

export const CanvasContainerContext = createContext<HTMLElement | null>(null);

export function useCanvasContainer(): HTMLElement | null {
  return useContext(CanvasContainerContext);
}
