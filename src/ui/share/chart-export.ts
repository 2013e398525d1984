/**
 * A metric chart as a file of its own: its SVG with the colours the theme gave it written
 * in (CSS variables and class rules do not travel with a file), a title above it, and a
 * background; or that SVG drawn onto a canvas at twice the size as a PNG. The hover
 * crosshair and the pointer overlay are left out.
 */

/** Style properties a chart's marks take from the page's CSS. */
const STYLED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-variant-numeric",
  "text-anchor",
  "dominant-baseline",
  "shape-rendering",
] as const;

const TITLE_HEIGHT = 24;
const SVG_NS = "http://www.w3.org/2000/svg";

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLED.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(";");
  target.setAttribute("style", style);
  const sourceChildren = [...source.children];
  const targetChildren = [...target.children];
  sourceChildren.forEach((child, index) => inlineStyles(child, targetChildren[index]!));
}

/** The colour behind an element: its own, or the first ancestor's that is not transparent. */
function backgroundOf(element: Element): string {
  for (let at: Element | null = element; at !== null; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour !== "" && colour !== "transparent" && !/^rgba\(.*,\s*0\)$/.test(colour))
      return colour;
  }
  return "white";
}

/** The chart as a standalone SVG document, titled. */
export function chartSvgText(svg: SVGSVGElement, title: string): string {
  const width = svg.clientWidth;
  const height = svg.clientHeight;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  // Interaction only: not part of the picture.
  clone.querySelectorAll(".metric-overlay, .metric-hover").forEach((element) => element.remove());
  const page = getComputedStyle(svg);
  const root = document.createElementNS(SVG_NS, "svg");
  root.setAttribute("xmlns", SVG_NS);
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height + TITLE_HEIGHT));
  root.setAttribute("viewBox", `0 0 ${width} ${height + TITLE_HEIGHT}`);
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", backgroundOf(svg));
  const heading = document.createElementNS(SVG_NS, "text");
  heading.setAttribute("x", "8");
  heading.setAttribute("y", "16");
  heading.setAttribute("fill", page.color);
  heading.setAttribute("font-family", page.fontFamily);
  heading.setAttribute("font-size", "13");
  heading.setAttribute("font-weight", "600");
  heading.textContent = title;
  const body = document.createElementNS(SVG_NS, "g");
  body.setAttribute("transform", `translate(0 ${TITLE_HEIGHT})`);
  body.append(...clone.childNodes);
  root.append(background, heading, body);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
}

/** The SVG drawn at `scale` times its size, as PNG bytes. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext("2d");
    if (context === null) throw new Error("no 2D canvas");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob === null ? reject(new Error("no PNG")) : resolve(blob)),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
