/**
 * A comparison cell's difference from the baseline judged by its row's direction: what every front end
 * colours (the 情景对比 sheet, the pane, the HTML report). The baseline's own column is always "same".
 * The rule itself is models/direction.ts; this only picks the row's direction and shown precision.
 */
import { improvement, resolutionOf } from "../../models/direction.js";
import type { Improvement } from "../../models/vocabulary.js";
import type { ComparisonCell, ComparisonRow } from "./types.js";

/** The value's difference: a figure at its format's precision, a target's count of subjects met by whole subjects. */
export function cellImprovement(row: Pick<ComparisonRow, "better" | "fmt" | "kind">, cell: Pick<ComparisonCell, "diff">): Improvement {
  const style = row.kind === "target-count" || row.fmt === "text" ? "int" : row.fmt;
  return improvement(row.better, cell.diff, resolutionOf(style));
}

/** A target's probability difference: a higher chance of meeting it is better, at the shown 0.1 %. */
export function probabilityImprovement(cell: Pick<ComparisonCell, "diffProbability">): Improvement {
  return improvement("higher", cell.diffProbability, resolutionOf("pct"));
}
