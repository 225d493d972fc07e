/**
 * The --json document (stable; documented in src/cli/README.md). Model units; NaN becomes null.
 */
import type { SimulationResult, YearFigures } from "../../models/results.js";
import type { SheetIssue } from "../workbook/sheet/index.js";

const YEAR_FIELDS = [
  "year",
  "output",
  "land",
  "valueAdded",
  "tax",
  "energy",
  "outputPerMu",
  "taxPerMu",
  "valueAddedPerMu",
  "binding",
] as const;

const pickYear = (y: YearFigures) => Object.fromEntries(YEAR_FIELDS.map((k) => [k, y[k]]));

export function jsonDocument(result: SimulationResult, issues: readonly SheetIssue[]): unknown {
  return {
    engine: result.engine,
    scenario: result.scenario,
    warnings: [
      ...issues.map((i) => ({ sheet: i.sheet, cell: i.cell, code: i.code, message: `${i.zh} / ${i.en}` })),
      ...result.warnings.map((w) => ({ sheet: null, cell: null, code: w.code, message: `${w.zh} / ${w.en}` })),
    ],
    platforms: result.platforms.map((p) => ({
      name: p.name,
      county: p.county,
      level: p.level,
      status: p.status,
      mainPlatform: p.mainPlatform,
      years: p.years.map(pickYear),
      ...(p.stats ? { stats: p.stats } : {}),
    })),
    rollups: result.rollups.map((u) => ({
      name: u.name,
      kind: u.kind,
      years: u.years.map(pickYear),
      ...(u.stats ? { stats: u.stats } : {}),
    })),
    targets: result.targets.map((t) => ({
      id: t.id,
      subject: t.subject,
      year: t.year,
      metric: t.metric,
      threshold: t.threshold,
      value: t.value,
      met: t.met,
      probability: t.probability,
      firstYear: t.firstYear,
    })),
  };
}

/** JSON text with NaN and ±Infinity as null (JSON has no such numbers). */
export function toJson(doc: unknown): string {
  return JSON.stringify(doc, (_key, value) => (typeof value === "number" && !Number.isFinite(value) ? null : value), 2);
}
