/**
 * Where things are on screen, for whatever draws between them (record flights, assignment
 * lines, links): each card registers its element under a name ("broker:1", "producer:
 * producer-2", "consumer:consumer-1", "group:g1", "partition:orders:0"), and a drawing
 * layer reads the element's box when it draws. No React state: reading a box never renders.
 */
import { useCallback } from "react";

export type AnchorName =
  | `broker:${number}`
  | `producer:${string}`
  | `consumer:${string}`
  | `group:${string}`
  | `partition:${string}:${number}`
  | `replica:${string}:${number}:${number}`;

const elements = new Map<string, HTMLElement>();

/** A ref callback that keeps `name` pointing at the element while it is mounted. */
export function useAnchor(name: AnchorName): (element: HTMLElement | null) => void {
  return useCallback(
    (element: HTMLElement | null) => {
      if (element === null) elements.delete(name);
      else elements.set(name, element);
    },
    [name],
  );
}

/** The element's box relative to `container`'s, or null when it is not on screen. */
export function anchorBox(name: AnchorName, container: HTMLElement): DOMRect | null {
  const element = elements.get(name);
  if (element === undefined || !element.isConnected) return null;
  const box = element.getBoundingClientRect();
  const origin = container.getBoundingClientRect();
  return new DOMRect(box.x - origin.x, box.y - origin.y, box.width, box.height);
}
