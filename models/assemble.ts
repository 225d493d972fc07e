/**
 * Postprocess: turn path buffers and trial records into the named results of results.ts.
 */
import type { Compiled } from "./compile.js";
import { baseIndicatorData } from "./indicatorData.js";
import { classify, classLetter, indicatorValue, scorePlatforms, tiedRanks } from "./evaluation.js";
import { BINDING_ENERGY, BINDING_EXITED, type PathBuffers } from "./kernel.js";
import type { TrialRecord } from "./trialRecord.js";
import type { Platform } from "./platform.js";
import type { Binding, EvaluationResult, PlatformResult, RollupResult, TargetCheck, YearBalance } from "./results.js";
import { figuresFromSums, SUMS, sumUnit, type Unit } from "./rollup.js";
import { allowanceNote, checkValue, compare, gap, type Check, type StaticFigures } from "./targets.js";

const bindingName = (b: number): Binding => (b === BINDING_EXITED ? "exited" : b === BINDING_ENERGY ? "energy" : "land");

/** Every unit's sums for every step of one path: [(unit * steps1 + k) * SUMS]. */
export function pathSums(c: Compiled, path: PathBuffers, units: readonly Unit[]): Float64Array {
  const steps1 = c.steps + 1;
  const sums = new Float64Array(units.length * steps1 * SUMS);
  units.forEach((u, j) => {
    for (let k = 0; k < steps1; k++) sumUnit(c, path.output, path.land, k, u.members, sums, (j * steps1 + k) * SUMS);
  });
  return sums;
}

export function platformResults(c: Compiled, platforms: readonly Platform[], path: PathBuffers): PlatformResult[] {
  const scratch = new Float64Array(SUMS);
  return platforms.map((p, i) => ({
    name: p.name,
    county: p.county,
    level: p.level,
    status: p.status,
    mainPlatform: p.mainPlatform,
    years: c.years.map((year, k) => {
      sumUnit(c, path.output, path.land, k, Int32Array.of(i), scratch, 0);
      return figuresFromSums(scratch, 0, year, k === 0 ? null : bindingName(path.binding[k * c.n + i]));
    }),
  }));
}

export function rollupResults(c: Compiled, units: readonly Unit[], sums: Float64Array): RollupResult[] {
  const steps1 = c.steps + 1;
  return units.flatMap((u, j) =>
    u.kind === "platform"
      ? []
      : [
          {
            name: u.name,
            kind: u.kind,
            members: Array.from(u.members, (i) => c.names[i]),
            years: c.years.map((year, k) => figuresFromSums(sums, (j * steps1 + k) * SUMS, year, null)),
          },
        ],
  );
}

export function balances(c: Compiled, path: PathBuffers): YearBalance[] {
  return c.years.slice(1).map((year, index) => {
    const k = index + 1;
    let granted = 0;
    for (let i = 0; i < c.n; i++) granted += path.grants[k * c.n + i];
    const capped = c.energyCap[k] === c.energyCap[k];
    return {
      year,
      landQuota: c.landQuota[k],
      landGranted: granted,
      landUnallocated: path.landUnallocated[k],
      landReturned: path.landReturned[k],
      energyCap: capped ? c.energyCap[k] : null,
      energyAllocated: capped ? path.energyAllocated[k] : null,
      energyUnused: capped ? path.energyUnused[k] : null,
      relocatedOutput: path.relocated[k],
      relocationLost: path.relocationLost[k],
    };
  });
}

/** Fill relative thresholds from base-year values (step 0 of the deterministic path). */
export function settleThresholds(checks: Check[], sums: Float64Array, c: Compiled, statics: StaticFigures): void {
  for (const check of checks) {
    if (!check.evaluable || check.def.aggregate !== "value") continue;
    const base = checkValue(check, 0, sums, c.steps + 1, statics, c.exitStep);
    check.baseValue = base;
    if (check.def.relativeTo === "base") {
      check.threshold = check.def.threshold * base;
      if (check.def.thresholdMax !== undefined) check.thresholdMax = check.def.thresholdMax * base;
    }
  }
}

export function targetChecks(
  c: Compiled,
  checks: readonly Check[],
  sums: Float64Array,
  statics: StaticFigures,
  trials: TrialRecord | null,
): TargetCheck[] {
  const steps1 = c.steps + 1;
  return checks.map((check, index) => {
    const def = check.def;
    const result: TargetCheck = {
      id: def.id,
      label: def.label ?? { zh: def.id, en: def.id },
      level: def.level,
      subject: check.subject,
      year: check.year,
      metric: def.aggregate === "value" ? (def.metric ?? null) : def.aggregate,
      comparison: def.comparison,
      threshold: check.evaluable ? check.threshold : null,
      thresholdMax: def.comparison === "between" && check.evaluable ? check.thresholdMax : null,
      strictMax: def.comparison === "between" && check.evaluable && check.strictMax === check.strictMax ? check.strictMax : null,
      value: null,
      baseValue: check.baseValue,
      met: null,
      gap: null,
      firstYear: null,
      probability: null,
      metBy: null,
      medianFirstYear: null,
      evaluable: check.evaluable,
      reason: check.reason,
      notes: check.notes,
    };
    if (!check.evaluable) return result;
    const value = checkValue(check, check.step, sums, steps1, statics, c.exitStep);
    result.value = value;
    result.met = compare(value, def.comparison, check.threshold, check.thresholdMax);
    const allowance = allowanceNote(check, value);
    if (allowance) result.notes = [...check.notes, allowance];
    result.gap = value === value ? gap(value, def.comparison, check.threshold, check.thresholdMax) : null;
    for (let k = 0; k < steps1; k++) {
      if (compare(checkValue(check, k, sums, steps1, statics, c.exitStep), def.comparison, check.threshold, check.thresholdMax)) {
        result.firstYear = c.years[k];
        break;
      }
    }
    if (trials) {
      result.probability = trials.metAtYear[index] / trials.runs;
      let cumulative = 0;
      result.metBy = c.years.map((year, k) => {
        cumulative += trials.firstMet[index][k];
        return { year, probability: cumulative / trials.runs };
      });
      result.medianFirstYear = result.metBy.find((m) => m.probability >= 0.5)?.year ?? null;
    }
    return result;
  });
}

export function baseEvaluation(c: Compiled): EvaluationResult {
  const n = c.n;
  const active = Uint8Array.from(c.land0, (l) => (l > 0 ? 1 : 0));
  const data = baseIndicatorData(c);
  const scores = new Float64Array(n);
  const items = new Float64Array(c.evaluation.indicators.length * n);
  scorePlatforms(data, active, c.evaluation, scores, items);
  const classes = new Uint8Array(n);
  const ranking = new Int32Array(n);
  const m = classify(scores, active, c.nameRank, c.evaluation.cumulativeCuts, ranking, classes);
  const order = Array.from(ranking.subarray(0, m));
  const ranks = tiedRanks(scores, order, m); // equal scores share a rank, as they share a class
  return {
    year: c.baseYear,
    indicators: c.evaluation.indicators,
    omitted: c.evaluation.omitted,
    weights: Object.fromEntries(c.evaluation.indicators.map((k, j) => [k, c.evaluation.weights[j]])),
    benchmarks: Object.fromEntries(c.evaluation.indicators.map((k, j) => [k, c.evaluation.benchmarks[j]])),
    platforms: order.map((i, r) => ({
      name: c.names[i],
      score: scores[i],
      class: classLetter(classes[i]),
      rank: ranks[r],
      items: Object.fromEntries(
        c.evaluation.indicators.map((k, j) => {
          const value = indicatorValue(data, k, i);
          return [k, { value: value === value ? value : null, score: items[j * n + i] }];
        }),
      ),
    })),
  };
}
