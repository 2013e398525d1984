/**
 * Assignment lines, partition → member, as an SVG under the record dots: drawn again when
 * an assignment or a leader changes, and when the layout moves (resize, scroll, cards
 * added or removed), never per frame or per record.
 */
import { useEffect, useRef } from "react";
import { usePlayground } from "../store/store.ts";
import { AssignmentDrawer } from "./assignment-drawer.ts";
import { linksSignature } from "./assignment-lines.ts";
import { watchLayout } from "./layout-watch.ts";

export function AssignmentLines({
  layer,
  container,
}: {
  layer: HTMLElement;
  container: HTMLElement;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const drawer = useRef<AssignmentDrawer | null>(null);
  const signature = usePlayground(linksSignature);

  useEffect(() => {
    if (svg.current === null) return;
    const created = new AssignmentDrawer(svg.current, layer);
    drawer.current = created;
    const redraw = () => created.draw(usePlayground.getState());
    redraw();
    const stop = watchLayout(container, layer, redraw);
    return () => {
      stop();
      created.clear();
      drawer.current = null;
    };
  }, [layer, container]);

  useEffect(() => {
    drawer.current?.draw(usePlayground.getState());
  }, [signature]);

  return <svg ref={svg} className="assignment-lines" />;
}
