/**
 * The native charts of one written sheet as package parts: a drawing part (the anchors) related from the
 * sheet, and one chart part per ChartSpec related from the drawing, each with its content-type override.
 * A replaced sheet's own drawing and charts are rewritten under their part names (like its tables), so a
 * re-run replaces them instead of adding more; a part another relationship also reaches is never reused.
 * Whatever the old drawing reached and the new one does not is left to removeOrphans.
 */
import type { OoxmlNamespaces } from "../package/conformance.js";
import { contentTypeOf, ensureOverride } from "../package/contentTypes.js";
import { targetsOf } from "../package/graph.js";
import type { OpcPackage } from "../package/opcPackage.js";
import { addRel, EMPTY_RELS, freeRelId, relativeTarget, relsPartOf } from "../package/rels.js";
import type { SheetSpec } from "../sheetSpec.js";
import { chartXml } from "./chartXml.js";
import { drawingXml } from "./drawingXml.js";
import { CONTENT_TYPES, relType } from "./partTypes.js";

/** The drawing and chart parts a replaced sheet owns alone, to be written again under the same names. */
export interface ReusableCharts {
  drawing: string | null;
  charts: string[];
}

/**
 * The old sheet part's drawing and its charts, when nothing but this chain reaches them (`references`:
 * referenceCounts of the package before the patch).
 */
export function reusableCharts(pkg: OpcPackage, types: string, sheetPart: string, references: Map<string, number>): ReusableCharts {
  const own = (part: string, type: string) => pkg.has(part) && contentTypeOf(types, part) === type && references.get(part) === 1;
  const drawing = targetsOf(pkg, sheetPart).find((t) => own(t, CONTENT_TYPES.drawing)) ?? null;
  return { drawing, charts: drawing ? targetsOf(pkg, drawing).filter((t) => own(t, CONTENT_TYPES.chart)) : [] };
}

export interface ChartPartsResult {
  /** The drawing part to relate from the sheet, or null when the sheet has no chart. */
  drawing: string | null;
  types: string;
  /** Parts set (drawing, its rels, charts). */
  written: string[];
  /** Rels parts of reused charts that were removed (what they reached is orphaned). */
  removed: string[];
}

/**
 * Write the sheet's charts; `freePart(kind)` names a new part. Returns the drawing to relate from the
 * sheet and the updated content types.
 */
export function writeChartParts(
  pkg: OpcPackage,
  spec: SheetSpec,
  reuse: ReusableCharts,
  ns: OoxmlNamespaces,
  types: string,
  freePart: (kind: "drawing" | "chart") => string,
): ChartPartsResult {
  const charts = spec.charts ?? [];
  if (charts.length === 0) return { drawing: null, types, written: [], removed: [] };
  const written: string[] = [];
  const removed: string[] = [];
  const drawing = reuse.drawing ?? freePart("drawing");
  const spare = [...reuse.charts];
  let drawingRels = EMPTY_RELS;
  const relIds: string[] = [];
  for (const chart of charts) {
    const part = spare.shift() ?? freePart("chart");
    // A reused chart's own rels (Excel's style and colour parts) belong to the old chart.
    if (pkg.has(relsPartOf(part))) {
      pkg.remove(relsPartOf(part));
      removed.push(relsPartOf(part));
    }
    const id = freeRelId(drawingRels);
    drawingRels = addRel(drawingRels, { id, type: relType(ns, "chart"), target: relativeTarget(drawing, part), external: false });
    relIds.push(id);
    pkg.set(part, chartXml(spec, chart, ns));
    types = ensureOverride(types, part, CONTENT_TYPES.chart);
    written.push(part);
  }
  pkg.set(drawing, drawingXml(spec, relIds, ns));
  pkg.set(relsPartOf(drawing), drawingRels);
  types = ensureOverride(types, drawing, CONTENT_TYPES.drawing);
  written.push(drawing, relsPartOf(drawing));
  return { drawing, types, written, removed };
}
