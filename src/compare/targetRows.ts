/**
 * The target rows of a comparison, one target id at a time (in the order the scenarios list them):
 * how many subjects meet it out of those the sheet can evaluate, with the mean probability over those
 * subjects; for a region target, also its value and probability.
 */
import type { SimulationResult, TargetCheck } from "../../models/results.js";
import { COMPARISON_DIRECTION } from "../../models/direction.js";
import { METRIC_TERMS } from "../../models/vocabulary.js";
import { emptyCell } from "./figures.js";
import type { ComparisonCell, ComparisonRow } from "./types.js";

function countCell(checks: TargetCheck[]): ComparisonCell {
  const evaluable = checks.filter((c) => c.evaluable);
  if (evaluable.length === 0) return { ...emptyCell(), of: checks.length > 0 ? 0 : null };
  const probabilities = evaluable.map((c) => c.probability);
  const known = probabilities.every((p): p is number => p !== null);
  return {
    ...emptyCell(),
    value: evaluable.filter((c) => c.met === true).length,
    of: evaluable.length,
    probability: known ? probabilities.reduce((s, p) => s + p, 0) / probabilities.length : null,
  };
}

function valueCell(check: TargetCheck | undefined): ComparisonCell {
  if (!check?.evaluable) return emptyCell();
  return { ...emptyCell(), value: check.value, probability: check.probability };
}

export function targetRows(results: readonly SimulationResult[]): ComparisonRow[] {
  const ids = [...new Set(results.flatMap((r) => r.targets.map((t) => t.id)))];
  return ids.flatMap((id) => {
    const checks = results.map((r) => r.targets.filter((t) => t.id === id));
    const first = checks.flat()[0];
    const label = { zh: `${id} ${first.label.zh}`, en: `${id} ${first.label.en}` };
    const rows: ComparisonRow[] = [
      {
        key: `target:${id}`,
        kind: "target-count",
        label,
        unit: { zh: "达标/可评估", en: "met / evaluable" },
        fmt: "int",
        better: "higher",
        year: first.year,
        targetId: id,
        cells: checks.map(countCell),
      },
    ];
    const regionChecks = checks.map((cs) => (cs.length === 1 && cs[0].level === "region" ? cs[0] : undefined));
    const shown = regionChecks.find((c) => c?.evaluable);
    if (shown) {
      const measure = METRIC_TERMS[shown.metric ?? "count"];
      rows.push({
        key: `target:${id}:value`,
        kind: "target-value",
        label: { zh: `${id} 数值`, en: `${id} value` },
        unit: measure.unit,
        fmt: measure.style,
        better: COMPARISON_DIRECTION[shown.comparison],
        year: shown.year,
        targetId: id,
        cells: regionChecks.map(valueCell),
      });
    }
    return rows;
  });
}
