/**
 * What is drawn over the canvas: the assignment lines (SVG) and the records in flight (a
 * <canvas>), neither taking the pointer. Flights come from the session's FlightBus once
 * per frame and go straight to the animator: no store, no React render per record.
 */
import { useEffect, useRef, useState } from "react";
import { useCanvasContainer } from "../canvas/canvas-container.ts";
import { hasPlaygroundSession, playgroundSession } from "../playground/session.ts";
import { usePlayground } from "../store/store.ts";
import { AssignmentLines } from "./AssignmentLines.tsx";
import "./flight-layer.css";
import { FlightAnimator } from "./flight-animator.ts";

export function FlightLayer() {
  const container = useCanvasContainer();
  const [layer, setLayer] = useState<HTMLDivElement | null>(null);
  const host = container ?? layer?.parentElement ?? null;
  return (
    <div className="flight-layer" ref={setLayer} aria-hidden="true" data-testid="flight-layer">
      {layer !== null && host !== null && <AssignmentLines layer={layer} container={host} />}
      <FlightCanvas />
    </div>
  );
}

function FlightCanvas() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const animator = useRef<FlightAnimator | null>(null);
  // The session exists once the boot has begun; a reset makes a new one (a new cluster id).
  const bootStatus = usePlayground((s) => s.boot.status);
  const clusterId = usePlayground((s) => s.clusterId);

  useEffect(() => {
    const element = canvas.current;
    if (element === null) return;
    const created = new FlightAnimator(element);
    animator.current = created;
    created.setPaused(usePlayground.getState().paused);
    const resize = new ResizeObserver(([entry]) => {
      if (entry !== undefined) created.resize(entry.contentRect.width, entry.contentRect.height);
    });
    resize.observe(element);
    const unsubscribe = usePlayground.subscribe((state, previous) => {
      if (state.paused !== previous.paused) created.setPaused(state.paused);
    });
    return () => {
      unsubscribe();
      resize.disconnect();
      created.stop();
      animator.current = null;
    };
  }, []);

  useEffect(() => {
    if (!hasPlaygroundSession()) return;
    return playgroundSession().flights.subscribe((flights) => animator.current?.receive(flights));
  }, [bootStatus, clusterId]);

  return <canvas ref={canvas} />;
}
