/**
 * A chart as an image for a slide: the on-screen SVG serialized standalone (every colour and font the
 * page's stylesheet gave it written onto the elements, a white background, the title on top), and a PNG
 * drawn from that SVG on a canvas at 2× its size. Downloads go through download.ts as every file does.
 */
import { downloadBlob } from "../../download.js";

/** Presentation properties copied from the computed style (CSS variables of the theme resolved). */
const STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-size",
  "font-weight",
  "text-anchor",
] as const;

/** Fonts a slide's machine is likely to have for Chinese text, in order. */
export const EXPORT_FONTS = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", sans-serif';
/** The exported SVG is this many times its viewBox (a chart 320 units wide pastes 640 px wide); the PNG twice that. */
export const SVG_SCALE = 2;
export const PNG_SCALE = 2;
const TITLE_SIZE = 10;
const TITLE_LINE = 13;

/** An export failure in both languages. */
export class ExportError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "ExportError";
  }
}

/** Lines of at most `width` units at `size` (a CJK character about 1 em, others about 0.55 em). */
export function wrapTitle(title: string, width: number, size = TITLE_SIZE): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const ch of title) {
    const w = (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.55) * size;
    if (used + w > width && line !== "") {
      lines.push(line);
      line = "";
      used = 0;
    }
    line += ch;
    used += w;
  }
  if (line) lines.push(line);
  return lines;
}

/** The viewBox of an SVG element (width, height). */
function viewBoxOf(svg: SVGSVGElement): { w: number; h: number } {
  const vb = svg.viewBox.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) return { w: vb.width, h: vb.height };
  const box = svg.getBoundingClientRect();
  return { w: box.width || 320, h: box.height || 200 };
}

/**
 * The chart as a standalone SVG document: elements marked data-export="skip" (hit areas, focus marks)
 * left out, computed styles written as attributes, a white background and the title above the plot.
 */
export function serializeChart(svg: SVGSVGElement, title: string): { text: string; width: number; height: number } {
  const { w, h } = viewBoxOf(svg);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll("*"))];
  const copies = [clone, ...Array.from(clone.querySelectorAll("*"))];
  originals.forEach((el, i) => {
    const copy = copies[i];
    if (el.getAttribute("data-export") === "skip") return;
    const style = getComputedStyle(el);
    for (const prop of STYLE_PROPS) {
      // Unitless lengths ("4 3", not "4px, 3px"): what every SVG reader (slides included) takes.
      const value = style.getPropertyValue(prop).replace(/(\d)px/g, "$1");
      if (value) copy.setAttribute(prop, value);
    }
    copy.removeAttribute("class");
    copy.removeAttribute("style");
    copy.removeAttribute("tabindex");
  });
  for (const skip of Array.from(clone.querySelectorAll('[data-export="skip"]'))) skip.remove();
  const ns = "http://www.w3.org/2000/svg";
  const lines = wrapTitle(title, w - 8);
  const top = lines.length * TITLE_LINE + 6;
  clone.setAttribute("xmlns", ns);
  clone.setAttribute("viewBox", `0 ${-top} ${w} ${h + top}`);
  clone.setAttribute("width", String(w * SVG_SCALE));
  clone.setAttribute("height", String((h + top) * SVG_SCALE));
  clone.setAttribute("font-family", EXPORT_FONTS);
  const background = document.createElementNS(ns, "rect");
  Object.entries({ x: 0, y: -top, width: w, height: h + top, fill: "#ffffff" }).forEach(([k, v]) => background.setAttribute(k, String(v)));
  const heading = document.createElementNS(ns, "text");
  Object.entries({ x: 4, y: -top + TITLE_LINE, "font-size": TITLE_SIZE, "font-weight": 600, fill: "#242424" }).forEach(([k, v]) =>
    heading.setAttribute(k, String(v)),
  );
  lines.forEach((line, i) => {
    const span = document.createElementNS(ns, "tspan");
    span.setAttribute("x", "4");
    if (i > 0) span.setAttribute("dy", String(TITLE_LINE));
    span.textContent = line;
    heading.appendChild(span);
  });
  clone.insertBefore(heading, clone.firstChild);
  clone.insertBefore(background, clone.firstChild);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
  return { text, width: w * SVG_SCALE, height: (h + top) * SVG_SCALE };
}

/** The SVG drawn on a canvas at PNG_SCALE × its size, as a PNG. */
export async function svgToPng(svg: { text: string; width: number; height: number }): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode().catch(() => {
      throw new ExportError("浏览器无法绘制图表的 SVG", "the browser could not draw the chart's SVG");
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(svg.width * PNG_SCALE);
    canvas.height = Math.round(svg.height * PNG_SCALE);
    const context = canvas.getContext("2d");
    if (!context) throw new ExportError("浏览器不提供画布（canvas）", "the browser offers no canvas");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) =>
          blob
            ? resolve(blob)
            : reject(new ExportError("浏览器无法生成 PNG（可能内存不足）", "the browser could not make the PNG (out of memory?)")),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export type ImageFormat = "png" | "svg";

/** "嘉兴 2020 · 产值/全市" → "嘉兴 2020 · 产值-全市": a name every file system takes. */
export const safeFileName = (name: string): string => name.replace(/[\\/:*?"<>|\s]+/g, "-").replace(/^-+|-+$/g, "") || "chart";

/** Serialize the chart and hand it to the browser's download as <fileBase>.png or .svg. */
export async function exportChart(svg: SVGSVGElement, title: string, fileBase: string, format: ImageFormat): Promise<void> {
  const serialized = serializeChart(svg, title);
  const blob = format === "svg" ? new Blob([serialized.text], { type: "image/svg+xml;charset=utf-8" }) : await svgToPng(serialized);
  downloadBlob(`${safeFileName(fileBase)}.${format}`, blob);
}
