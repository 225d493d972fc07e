/**
 * Monte Carlo statistics (model.md step 5): quantiles per platform and per roll-up from a trial record.
 */
import type { Compiled } from "./compile.js";
import { trialColumn, type TrialRecord } from "./trialRecord.js";
import type { Quantiles, Stats, YearMetric } from "./results.js";
import { SUM_METRICS, SUMS } from "./rollup.js";
import { QuantileSelector } from "./quantileSelector.js";
import { scaleQuantiles } from "./summarize.js";
import { WAN_PER_YI } from "./perMu.js";

/**
 * Monte Carlo statistics per platform and report year, for platforms first … first + count − 1 (all by
 * default; threads sharing a record each take a range). Amounts are output × a fixed ratio, so their
 * quantiles are scaled output quantiles (ratios vary by year, never by trial).
 */
export function platformStats(c: Compiled, trials: TrialRecord, first = 0, count = c.n): Stats[] {
  const { runs, reportSteps } = trials;
  const selector = new QuantileSelector();
  const quantilesOf = (values: Float32Array | Float64Array, mean?: number) => selector.quantiles(values, mean);
  const perMu = new Float64Array(runs);
  const outputs = new Float32Array(runs);
  const lands = new Float32Array(runs);
  return Array.from({ length: count }, (_, slot) => {
    const i = first + slot;
    const stats: Stats = {};
    reportSteps.forEach((k, r) => {
      trialColumn(trials, trials.output, r * c.n + i, outputs);
      trialColumn(trials, trials.land, r * c.n + i, lands);
      for (let m = 0; m < runs; m++) perMu[m] = lands[m] > 0 ? (outputs[m] * WAN_PER_YI) / lands[m] : NaN;
      const y = quantilesOf(outputs, trials.outputMean[r * c.n + i]);
      const pm = quantilesOf(perMu);
      const at = k * c.n + i; // ratios of step k (model.md §2.1)
      const va = c.vaRatio[at];
      const ei = c.energyIntensity0[i] * c.intensityFactor[k];
      const constant = (v: number): Quantiles => ({ mean: v, p10: v, p50: v, p90: v });
      stats[String(c.years[k])] = {
        output: y,
        land: quantilesOf(lands),
        valueAdded: scaleQuantiles(y, va),
        tax: scaleQuantiles(y, c.taxRatio[at]),
        energy: scaleQuantiles(y, ei * va),
        rd: scaleQuantiles(y, c.rdRatio[at]),
        highTechValueAdded: scaleQuantiles(y, c.highTechShare[at] * va),
        strategicEmergingOutput: scaleQuantiles(y, c.seiRatio[at]),
        outputPerMu: pm,
        taxPerMu: scaleQuantiles(pm, c.taxRatio[at]),
        valueAddedPerMu: scaleQuantiles(pm, va),
        energyIntensity: constant(c.exitStep[i] <= k ? NaN : ei),
      };
    });
    return stats;
  });
}

/**
 * Monte Carlo statistics per roll-up (the record's roll-ups from … from + count − 1; all by default): sums
 * per trial, per-mu figures recomputed from each trial's sums.
 */
export function rollupStats(c: Compiled, trials: TrialRecord, from = 0, count = trials.rollupUnits.length): Stats[] {
  const { runs, reportSteps } = trials;
  const R = reportSteps.length;
  const selector = new QuantileSelector();
  const quantilesOf = (values: Float32Array | Float64Array, mean?: number) => selector.quantiles(values, mean);
  const scratch = new Float64Array(runs);
  const columns = SUM_METRICS.map(() => new Float32Array(runs));
  return Array.from({ length: count }, (_, offset) => {
    const j = from + offset;
    const stats: Stats = {};
    reportSteps.forEach((k, r) => {
      const slot = (s: number) => (j * R + r) * SUMS + s;
      const column = (s: number) => columns[s];
      const entry: Partial<Record<YearMetric, Quantiles>> = {};
      SUM_METRICS.forEach(
        (metric, s) =>
          (entry[metric] = quantilesOf(trialColumn(trials, trials.rollupSums, slot(s), columns[s]), trials.rollupMeans[slot(s)])),
      );
      const ratio = (a: number, b: number, f: number) => {
        const num = column(a);
        const den = column(b);
        for (let m = 0; m < runs; m++) scratch[m] = den[m] > 0 ? (num[m] * f) / den[m] : NaN;
        return quantilesOf(scratch);
      };
      entry.outputPerMu = ratio(0, 1, WAN_PER_YI);
      entry.taxPerMu = ratio(3, 1, WAN_PER_YI);
      entry.valueAddedPerMu = ratio(2, 1, WAN_PER_YI);
      entry.energyIntensity = ratio(4, 2, 1);
      stats[String(c.years[k])] = entry;
    });
    return stats;
  });
}
