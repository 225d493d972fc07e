/**
 * The 亩均 evaluation's inputs from one year's projection: each indicator's numerator and denominator per
 * platform, from the compiled ratios (model.md step 5). Used by the year loop, the base-year report and
 * the worksheet functions (evaluation.ts turns them into scores).
 */
import type { Compiled } from "./compile.js";
import type { IndicatorData } from "./evaluation.js";
import { INDICATORS, type Indicator } from "./evaluationNames.js";

/**
 * Numerator and denominator of one indicator for every platform, from step k's output and land read at
 * output[from + i], land[from + i]; the numerator is NaN where the sheet lacks the data (so the platform
 * has no value). Amounts follow model.md step 5; employees and emissions per unit of energy are held at
 * their base values.
 */
export function indicatorParts(
  c: Compiled,
  indicator: Indicator,
  output: ArrayLike<number>,
  land: ArrayLike<number>,
  from: number,
  k: number,
  num: Float64Array,
  den: Float64Array,
): void {
  const { n, vaRatio: v, taxRatio: tau, rdRatio: rho, energyIntensity0: e0, emissionsPerEnergy: epe, employees } = c;
  const { tax: hasTax, valueAdded: hasVa, energy: hasEnergy, rd: hasRd } = c.has;
  const ef = c.intensityFactor[k];
  // Ratios of step k (model.md §2.1): row k of the step-major arrays.
  const rows = k * n;
  // One loop per indicator (the switch stays out of the per-platform loop: this runs every year of every trial).
  switch (indicator) {
    case "taxPerMu":
      for (let i = 0; i < n; i++) {
        num[i] = hasTax[i] ? tau[rows + i] * output[from + i] : NaN;
        den[i] = land[from + i];
      }
      return;
    case "valueAddedPerMu":
      for (let i = 0; i < n; i++) {
        num[i] = hasVa[i] ? v[rows + i] * output[from + i] : NaN;
        den[i] = land[from + i];
      }
      return;
    case "valueAddedPerEnergy":
      for (let i = 0; i < n; i++) {
        const va = v[rows + i] * output[from + i];
        num[i] = hasEnergy[i] && hasVa[i] ? va : NaN;
        den[i] = e0[i] * ef * va;
      }
      return;
    case "valueAddedPerEmission":
      for (let i = 0; i < n; i++) {
        const va = v[rows + i] * output[from + i];
        num[i] = epe[i] === epe[i] && hasVa[i] ? va : NaN; // like every V indicator: no default-ratio V
        den[i] = e0[i] * ef * va * epe[i];
      }
      return;
    case "laborProductivity":
      for (let i = 0; i < n; i++) {
        num[i] = hasVa[i] ? v[rows + i] * output[from + i] : NaN;
        den[i] = employees[i];
      }
      return;
    case "rdShare":
      for (let i = 0; i < n; i++) {
        num[i] = hasRd[i] ? rho[rows + i] * output[from + i] : NaN;
        den[i] = output[from + i];
      }
      return;
  }
}

/** Every indicator's numerators and denominators from one year's output and land (see evaluation.ts). */
export function indicatorData(
  c: Compiled,
  output: ArrayLike<number>,
  land: ArrayLike<number>,
  k: number,
  target?: IndicatorData,
): IndicatorData {
  const data = target ?? emptyIndicatorData(c.n);
  for (const indicator of INDICATORS)
    indicatorParts(c, indicator, output, land, 0, k, data.numerator[indicator], data.denominator[indicator]);
  return data;
}

export function emptyIndicatorData(n: number): IndicatorData {
  const rec = () => Object.fromEntries(INDICATORS.map((k) => [k, new Float64Array(n)])) as Record<Indicator, Float64Array>;
  return { numerator: rec(), denominator: rec() };
}

export function baseIndicatorData(c: Compiled): IndicatorData {
  return indicatorData(c, c.output0, c.land0, 0);
}
