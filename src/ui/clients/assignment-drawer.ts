/**
 * Draws the assignment lines into an SVG element without React: one curve per line, in
 * the topic's colour. A new line fades in, a gone one fades out (CSS transitions on
 * opacity, 300 ms), and a line that stays only follows its ends when the layout moves.
 */
import { anchorBox } from "../canvas/anchors.ts";
import { topicColour } from "../canvas/topic-colour.ts";
import { assignmentLinks, linkPath, type AssignmentLink } from "./assignment-lines.ts";
import type { PlaygroundState } from "../store/store.ts";

const SVG = "http://www.w3.org/2000/svg";
/** Matches the CSS transition on `.assignment-line`. */
const FADE_MS = 300;

interface DrawnLine {
  group: SVGGElement;
  path: SVGPathElement;
  end: SVGCircleElement;
  /** The path drawn last: unchanged ones are not written again. */
  d: string;
  leaving: boolean;
}

export class AssignmentDrawer {
  private readonly lines = new Map<string, DrawnLine>();

  /** `origin`: the element whose top-left corner is the SVG's (0, 0). */
  constructor(
    private readonly svg: SVGSVGElement,
    private readonly origin: HTMLElement,
  ) {}

  /** Brings the lines in step with `state` and the current layout. */
  draw(state: Pick<PlaygroundState, "consumers" | "groups" | "topics">): void {
    const wanted = new Set<string>();
    for (const link of assignmentLinks(state)) {
      const path = this.pathOf(link);
      if (path === null) continue;
      wanted.add(link.id);
      const drawn = this.lines.get(link.id) ?? this.add(link);
      if (drawn.d !== path.d) {
        drawn.d = path.d;
        drawn.path.setAttribute("d", path.d);
        drawn.end.setAttribute("cx", String(path.end.x));
        drawn.end.setAttribute("cy", String(path.end.y));
      }
      if (drawn.leaving) {
        drawn.leaving = false;
        drawn.group.classList.add("shown");
      }
    }
    for (const [id, drawn] of this.lines) {
      if (!wanted.has(id) && !drawn.leaving) this.remove(id, drawn);
    }
  }

  /** Takes every line away at once (the layer is going). */
  clear(): void {
    for (const drawn of this.lines.values()) drawn.group.remove();
    this.lines.clear();
  }

  private pathOf(link: AssignmentLink): ReturnType<typeof linkPath> | null {
    const from =
      anchorBox(`replica:${link.topic}:${link.partition}:${link.leader}`, this.origin) ??
      anchorBox(`broker:${link.leader}`, this.origin);
    const to = anchorBox(link.member, this.origin);
    return from === null || to === null ? null : linkPath(from, to);
  }

  private add(link: AssignmentLink): DrawnLine {
    const group = document.createElementNS(SVG, "g");
    group.setAttribute("class", "assignment-line");
    group.dataset.link = link.id;
    const colour = topicColour(link.topic);
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("stroke", colour);
    const end = document.createElementNS(SVG, "circle");
    end.setAttribute("r", "3.5");
    end.setAttribute("fill", colour);
    group.append(path, end);
    this.svg.append(group);
    // The next frame, so the browser has seen opacity 0 and the fade-in runs.
    requestAnimationFrame(() => group.classList.add("shown"));
    const drawn: DrawnLine = { group, path, end, d: "", leaving: false };
    this.lines.set(link.id, drawn);
    return drawn;
  }

  private remove(id: string, drawn: DrawnLine): void {
    drawn.leaving = true;
    drawn.group.classList.remove("shown");
    window.setTimeout(() => {
      if (drawn.leaving && this.lines.get(id) === drawn) {
        drawn.group.remove();
        this.lines.delete(id);
      }
    }, FADE_MS);
  }
}
