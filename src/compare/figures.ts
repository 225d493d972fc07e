/**
 * The key-figure rows of a comparison, per report year: region output and value added, how many main
 * platforms reach 1000亿 and 500 万元/亩, region 亩均产出 and 亩均税收, energy use and intensity, land in use and the
 * new land left unallocated so far. Deterministic values from the paths; quantiles from the Monte Carlo
 * statistics where the model has them (roll-up sums and ratios; counts have none).
 */
import type { Quantiles, RollupResult, SimulationResult, YearMetric } from "../../models/results.js";
import { METRIC_TERMS, type Direction } from "../../models/vocabulary.js";
import type { CellFormat } from "../workbook/sheetSpec.js";
import type { Bilingual, ComparisonCell, ComparisonRow } from "./types.js";

/** Output of a 千亿 platform, 亿元. */
export const THOUSAND_YI = 1000;
/** The 亩均产出 benchmark of the plans, 万元/亩. */
export const OUTPUT_PER_MU_BENCHMARK = 500;

export const emptyCell = (): ComparisonCell => ({
  value: null,
  p10: null,
  p50: null,
  p90: null,
  probability: null,
  of: null,
  diff: null,
  diffProbability: null,
});

const finite = (v: number | undefined | null): number | null => (v === undefined || v === null || !Number.isFinite(v) ? null : v);

export function regionOf(result: SimulationResult): RollupResult {
  const region = result.rollups.find((r) => r.kind === "region");
  if (!region) throw new Error("a simulation result without its region roll-up");
  return region;
}

function metricCell(unit: RollupResult, metric: YearMetric, year: number): ComparisonCell {
  const figures = unit.years.find((y) => y.year === year);
  const q: Quantiles | undefined = unit.stats?.[String(year)]?.[metric];
  return { ...emptyCell(), value: finite(figures?.[metric]), p10: finite(q?.p10), p50: finite(q?.p50), p90: finite(q?.p90) };
}

interface FigureDef {
  key: string;
  label: Bilingual;
  unit: Bilingual;
  fmt: CellFormat;
  better: Direction;
  cell: (result: SimulationResult, year: number) => ComparisonCell;
}

const region = (metric: YearMetric): FigureDef => {
  const m = METRIC_TERMS[metric];
  return {
    key: metric,
    label: { zh: `全市${m.name.zh}`, en: `Region ${m.name.en.toLowerCase()}` },
    unit: m.unit,
    fmt: m.style,
    better: m.better,
    cell: (r, y) => metricCell(regionOf(r), metric, y),
  };
};

/** How many main platforms (with their sub-parks) have `metric` ≥ `threshold` on the deterministic path. */
const mainCount = (key: string, label: Bilingual, metric: YearMetric, threshold: number): FigureDef => ({
  key,
  label,
  unit: METRIC_TERMS.count.unit,
  fmt: METRIC_TERMS.count.style,
  // More platforms over a benchmark is better (a bare count has no direction; this one counts successes).
  better: "higher",
  cell: (r, y) => {
    const present = r.rollups.filter((u) => u.kind === "main").map((u) => u.years.find((f) => f.year === y));
    if (present.some((f) => f === undefined)) return emptyCell();
    return { ...emptyCell(), value: present.filter((f) => (f?.[metric] ?? NaN) >= threshold).length };
  },
});

const unallocated: FigureDef = {
  key: "landUnallocated",
  label: { zh: "累计未分配新增用地", en: "New land left unallocated (cumulative)" },
  unit: METRIC_TERMS.land.unit,
  fmt: METRIC_TERMS.land.style,
  // Land like the land in use: an input; quota left over is neither a gain nor a loss by itself.
  better: METRIC_TERMS.land.better,
  cell: (r, y) =>
    r.years.includes(y)
      ? { ...emptyCell(), value: r.balances.filter((b) => b.year <= y).reduce((s, b) => s + b.landUnallocated, 0) }
      : emptyCell(),
};

export const FIGURES: readonly FigureDef[] = [
  region("output"),
  region("valueAdded"),
  mainCount(
    "platforms1000",
    { zh: "千亿平台数（主平台含分区，产值 ≥ 1000 亿元）", en: "Platforms with output ≥ 1000亿 (main platforms with sub-parks)" },
    "output",
    THOUSAND_YI,
  ),
  mainCount(
    "platformsPerMu500",
    {
      zh: "亩均产出 ≥ 500 万元/亩的平台数（主平台含分区）",
      en: "Platforms with output per mu ≥ 500 万元/亩 (main platforms with sub-parks)",
    },
    "outputPerMu",
    OUTPUT_PER_MU_BENCHMARK,
  ),
  region("outputPerMu"),
  region("taxPerMu"),
  region("energy"),
  region("energyIntensity"),
  region("land"),
  unallocated,
];

/** One row per figure and year (figure by figure, years in order); diffs are filled in by compareResults. */
export function figureRows(results: readonly SimulationResult[], years: readonly number[]): ComparisonRow[] {
  return FIGURES.flatMap((f) =>
    years.map((year) => ({
      key: `${f.key}@${year}`,
      kind: f.fmt === "int" && f.unit.en === "count" ? ("count" as const) : ("figure" as const),
      label: f.label,
      unit: f.unit,
      fmt: f.fmt,
      better: f.better,
      year,
      targetId: null,
      cells: results.map((r) => f.cell(r, year)),
    })),
  );
}
