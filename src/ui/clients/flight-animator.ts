/**
 * Records in motion on a <canvas>: each sampled flight is a dot in its key's hue gliding
 * from sender to receiver (producer → leader, leader → follower, leader → consumer) over
 * 300 ms, easing out; a busy route also shows a translucent flow whose width grows with its
 * rate. One requestAnimationFrame loop runs while anything moves and stops when nothing
 * does. Time here is the layer's own: wall time that stands still while the cluster is
 * paused, so a paused canvas is frozen mid-flight and carries on from there.
 */
import { anchorBox, type AnchorName } from "../canvas/anchors.ts";
import { keyColour } from "../canvas/key-colour.ts";
import { topicColour } from "../canvas/topic-colour.ts";
import type { Flight, FlightEnd } from "../playground/flight-bus.ts";
import {
  easeOut,
  endPoint,
  FLIGHT_DURATION_MS,
  flowWidth,
  MAX_DOTS_IN_FLIGHT,
  MAX_NEW_DOTS_PER_FRAME,
  RouteRates,
  routeKey,
  sampleFlights,
  type Box,
} from "./flight-sampling.ts";

interface Point {
  x: number;
  y: number;
}

interface Dot {
  from: Point;
  to: Point;
  colour: string;
  startMs: number;
}

interface Route {
  from: Point;
  to: Point;
  colour: string;
  measuredAtMs: number;
}

const DOT_RADIUS = 4;
/** A route's ends are measured again after this long (layer time), in case the layout moved. */
const ROUTE_REMEASURE_MS = 500;

export class FlightAnimator {
  private dots: Dot[] = [];
  private readonly rates = new RouteRates();
  private readonly routes = new Map<string, Route>();
  /** Wall time spent paused so far, and when the current pause began (null: running). */
  private pausedTotalMs = 0;
  private pausedAt: number | null = null;
  private frameHandle = 0;
  private turn = 0;
  private readonly context: CanvasRenderingContext2D | null;
  private widthCss = 0;
  private heightCss = 0;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.context = canvas.getContext("2d");
  }

  /** The canvas's CSS size changed: match its pixels to the screen's. */
  resize(widthCss: number, heightCss: number): void {
    const ratio = window.devicePixelRatio || 1;
    this.widthCss = widthCss;
    this.heightCss = heightCss;
    this.canvas.width = Math.max(1, Math.round(widthCss * ratio));
    this.canvas.height = Math.max(1, Math.round(heightCss * ratio));
    this.context?.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.routes.clear();
    this.draw();
  }

  /** A frame's flights, as the session emitted them (produce, then replicate, then fetch). */
  receive(flights: readonly Flight[]): void {
    const now = this.nowMs();
    // Anchor boxes read once per frame's batch, whatever number of flights share them.
    const boxes = new Map<string, Box | null>();
    for (const flight of flights) {
      const key = routeKey(flight);
      this.rates.add(key, flight.records, now);
      // Only a route busy enough to draw a flow needs its ends measured.
      if (flowWidth(this.rates.rate(key, now)) > 0) this.measureRoute(key, flight, boxes);
    }
    const budget = Math.min(MAX_NEW_DOTS_PER_FRAME, MAX_DOTS_IN_FLIGHT - this.dots.length);
    for (const flight of sampleFlights(flights, budget, this.turn++)) {
      const ends = this.endsOf(flight, boxes);
      if (ends !== null) this.dots.push({ ...ends, colour: keyColour(flight.key), startMs: now });
    }
    this.wake();
  }

  setPaused(paused: boolean): void {
    if (paused && this.pausedAt === null) {
      this.pausedAt = performance.now();
      this.stop(); // frozen where it is
    } else if (!paused && this.pausedAt !== null) {
      this.pausedTotalMs += performance.now() - this.pausedAt;
      this.pausedAt = null;
      this.wake();
    }
  }

  /** The layer's time: wall time that stands still while paused. */
  private nowMs(): number {
    return (this.pausedAt ?? performance.now()) - this.pausedTotalMs;
  }

  stop(): void {
    cancelAnimationFrame(this.frameHandle);
    this.frameHandle = 0;
  }

  /** How many dots are in the air (for tests and the benchmark's curiosity). */
  get dotsInFlight(): number {
    return this.dots.length;
  }

  private wake(): void {
    if (this.frameHandle !== 0 || this.pausedAt !== null) return;
    this.frameHandle = requestAnimationFrame(() => this.frame());
  }

  private frame(): void {
    this.frameHandle = 0;
    if (this.pausedAt !== null) return;
    this.draw();
    if (this.dots.length > 0 || this.rates.size > 0) {
      this.frameHandle = requestAnimationFrame(() => this.frame());
    }
  }

  private draw(): void {
    const context = this.context;
    if (context === null) return;
    const now = this.nowMs();
    context.clearRect(0, 0, this.widthCss, this.heightCss);
    context.lineCap = "round";
    for (const { key, ratePerSec } of this.rates.active(now)) {
      const route = this.routes.get(key);
      const width = flowWidth(ratePerSec);
      if (route === undefined || width === 0) continue;
      context.globalAlpha = 0.16;
      context.strokeStyle = route.colour;
      context.lineWidth = width;
      context.beginPath();
      context.moveTo(route.from.x, route.from.y);
      context.lineTo(route.to.x, route.to.y);
      context.stroke();
    }
    this.dots = this.dots.filter((dot) => now - dot.startMs < FLIGHT_DURATION_MS);
    for (const dot of this.dots) {
      const progress = (now - dot.startMs) / FLIGHT_DURATION_MS;
      const along = easeOut(progress);
      // Fade in the last stretch, so a dot arrives rather than blinks out.
      context.globalAlpha = progress > 0.85 ? (1 - progress) / 0.15 : 1;
      context.fillStyle = dot.colour;
      context.beginPath();
      context.arc(
        dot.from.x + (dot.to.x - dot.from.x) * along,
        dot.from.y + (dot.to.y - dot.from.y) * along,
        DOT_RADIUS,
        0,
        Math.PI * 2,
      );
      context.fill();
    }
    context.globalAlpha = 1;
  }

  private measureRoute(key: string, flight: Flight, boxes: Map<string, Box | null>): void {
    const known = this.routes.get(key);
    if (known !== undefined && this.nowMs() - known.measuredAtMs < ROUTE_REMEASURE_MS) return;
    const ends = this.endsOf(flight, boxes);
    if (ends === null) this.routes.delete(key);
    else
      this.routes.set(key, {
        ...ends,
        colour: topicColour(flight.topic),
        measuredAtMs: this.nowMs(),
      });
  }

  private endsOf(
    flight: Flight,
    boxes: Map<string, Box | null>,
  ): { from: Point; to: Point } | null {
    const from = this.boxOf(flight.from, flight, boxes);
    const to = this.boxOf(flight.to, flight, boxes);
    if (from === null || to === null) return null;
    return {
      from: endPoint(from, flight.from.kind !== "broker", to),
      to: endPoint(to, flight.to.kind !== "broker", from),
    };
  }

  /** Where a flight's end is on the canvas: a broker end is the partition's replica on it. */
  private boxOf(end: FlightEnd, flight: Flight, boxes: Map<string, Box | null>): Box | null {
    const names: AnchorName[] =
      end.kind === "broker"
        ? [`replica:${flight.topic}:${flight.partition}:${end.id}`, `broker:${end.id}`]
        : [`${end.kind}:${end.id}`];
    for (const name of names) {
      if (!boxes.has(name)) boxes.set(name, anchorBox(name, this.canvas));
      const box = boxes.get(name);
      if (box !== null && box !== undefined) return box;
    }
    return null;
  }
}
