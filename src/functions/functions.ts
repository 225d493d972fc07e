/**
 * ParkPlan's worksheet functions (namespace PARKPLAN). The JSDoc below is the metadata: webpack's
 * CustomFunctionsMetadataPlugin turns it into functions.json and appends the CustomFunctions.associate
 * calls; `npx tsx scripts/functions-zh-cn.ts` derives functions-zh-cn.json from it.
 * Each function only checks its arguments and calls the model (through the *Functions.ts modules);
 * results are cached by arguments; nothing writes to the workbook. Examples: src/functions/README.md.
 */
import { cached, cachedAsync } from "./cache.js";
import { asCellError, cellError } from "./errors.js";
import { classMatrix, scoreColumn } from "./evaluationFunctions.js";
import { compoundGrowth, doublingYear, firstYearReached, growthNeeded, projectedRow, reachArguments } from "./growthFunctions.js";
import { routedProbability } from "./probability.js";
import { scenarioValue } from "./scenarioValue.js";
import { convertUnits, perMuFigure } from "./unitFunctions.js";

/** The cached result, with anything unexpected turned into a cell error. */
function compute<T>(id: string, args: readonly unknown[], body: () => T): T {
  try {
    return cached(id, args, body);
  } catch (e) {
    throw asCellError(e);
  }
}

/** The same for a result that waits (for the unit system, loaded on first use): a promise in every case. */
function computeAsync<T>(id: string, args: readonly unknown[], body: () => Promise<T>): Promise<T> {
  return cachedAsync(id, args, body).catch((e: unknown) => {
    throw asCellError(e);
  });
}

/**
 * Per-mu figure in 10k yuan per mu (万元/亩): an amount divided by land, e.g. output per mu.
 * @customfunction PERMU PERMU
 * @param value Amount (output, tax, value added), in 100M yuan (亿元) unless valueUnit says otherwise.
 * @param land Land, in mu (亩) unless landUnit says otherwise.
 * @param [valueUnit] Unit of the amount: 亿元 (default), 万元 or 元.
 * @param [landUnit] Unit of the land: 亩 (default), 公顷, 平方公里 or 平方米.
 * @returns The amount per mu, in 万元/亩.
 */
export function perMuFunction(value: number, land: number, valueUnit?: string, landUnit?: string): Promise<number> {
  return computeAsync("PERMU", [value, land, valueUnit, landUnit], () => perMuFigure(value, land, valueUnit, landUnit));
}

// UNITCONVERT, not CONVERT: CONVERT is Excel's own engineering function (src/functions/README.md).
/**
 * Converts a value between units of money (亿元, 万元, 元), area (亩, 公顷, 平方公里, 平方米) or energy (万吨标煤, 吨标煤).
 * @customfunction UNITCONVERT UNITCONVERT
 * @param value The value to convert.
 * @param from Its unit, e.g. 万元 or 公顷.
 * @param to The unit wanted, of the same kind.
 * @returns The value in the unit wanted.
 */
export function unitConvertFunction(value: number, from: string, to: string): Promise<number> {
  return computeAsync("UNITCONVERT", [value, from, to], () => convertUnits(value, from, to));
}

/**
 * Compound annual growth rate from a start value to an end value.
 * @customfunction CAGR CAGR
 * @param start Value at the start (greater than 0).
 * @param end Value at the end.
 * @param years Number of years between them.
 * @returns The growth rate per year as a fraction (0.0718 = 7.18%).
 */
export function cagrFunction(start: number, end: number, years: number): number {
  return compute("CAGR", [start, end, years], () => compoundGrowth(start, end, years));
}

/**
 * Constant annual growth needed to take a base value to a target in a number of years.
 * @customfunction REQUIREDGROWTH REQUIREDGROWTH
 * @param base Value now (greater than 0).
 * @param target Value to reach.
 * @param years Years available.
 * @returns The growth rate per year needed, as a fraction.
 */
export function requiredGrowthFunction(base: number, target: number, years: number): number {
  return compute("REQUIREDGROWTH", [base, target, years], () => growthNeeded(base, target, years));
}

/**
 * First year a value growing at a constant rate reaches a target (#N/A when it never does).
 * @customfunction YEARREACHED YEARREACHED
 * @param base Value in the base year (greater than 0).
 * @param rate Growth per year as a fraction (0.072 = 7.2%).
 * @param target Value to reach.
 * @param baseYear The base year, e.g. 2017.
 * @returns The first year the value is at or above the target.
 */
export function yearReachedFunction(base: number, rate: number, target: number, baseYear: number): number {
  return compute("YEARREACHED", [base, rate, target, baseYear], () => firstYearReached(base, rate, target, baseYear));
}

/**
 * First year a value growing at a constant rate doubles (翻番).
 * @customfunction DOUBLINGYEAR DOUBLINGYEAR
 * @param base Value in the base year (greater than 0).
 * @param rate Growth per year as a fraction.
 * @param baseYear The base year, e.g. 2017.
 * @returns The first year the value is at least twice the base.
 */
export function doublingYearFunction(base: number, rate: number, baseYear: number): number {
  return compute("DOUBLINGYEAR", [base, rate, baseYear], () => doublingYear(base, rate, baseYear));
}

/**
 * Yearly path of a value growing at a constant rate, spilled as one row from the base year to the end year.
 * @customfunction PROJECT PROJECT
 * @param base Value in the base year.
 * @param rate Growth per year as a fraction.
 * @param baseYear The base year, e.g. 2017.
 * @param endYear The last year, at most 200 years later.
 * @returns One row: the value in the base year, the year after, … the end year.
 */
export function projectFunction(base: number, rate: number, baseYear: number, endYear: number): number[][] {
  return compute("PROJECT", [base, rate, baseYear, endYear], () => projectedRow(base, rate, baseYear, endYear));
}

/**
 * Per-mu (亩均) evaluation score of each platform: the sum over indicators of weight × value ÷ benchmark, each item optionally capped.
 * @customfunction SCORE SCORE
 * @param values Indicator values, one row per platform and one column per indicator; a blank cell takes the indicator's average item score.
 * @param benchmarks One benchmark per indicator column.
 * @param weights One weight per indicator column.
 * @param [caps] Item cap as a multiple of its weight: one number, or one per indicator column.
 * @returns A column with each platform's score.
 */
export function scoreFunction(values: unknown[][], benchmarks: unknown[][], weights: unknown[][], caps?: unknown[][]): unknown[][] {
  return compute("SCORE", [values, benchmarks, weights, caps], () => scoreColumn(values, benchmarks, weights, caps));
}

/**
 * Evaluation class A, B, C or D of each score, by rank within the scores given.
 * @customfunction CLASS CLASS
 * @param scores The scores (a range), ranked among themselves.
 * @param [cuts] Shares of classes A, B, C and D, adding up to 100%; default 20%, 60%, 15%, 5%.
 * @returns The class of each score, in the shape of the scores.
 */
export function classFunction(scores: unknown[][], cuts?: unknown[][]): string[][] {
  return compute("CLASS", [scores, cuts], () => classMatrix(scores, cuts));
}

/**
 * Monte Carlo probability that a value reaches a target after some years of normally distributed growth (same seed, same answer).
 * @customfunction PROBABILITY PROBABILITY
 * @param base Value now.
 * @param mean Mean growth per year as a fraction.
 * @param sd Standard deviation of the yearly growth.
 * @param years Years of growth.
 * @param target Value to reach.
 * @param [runs] Number of trials (default 10000).
 * @param [seed] Random seed, a number or text (default "parkplan").
 * @returns The share of trials at or above the target, from 0 to 1.
 */
export function probabilityFunction(
  base: number,
  mean: number,
  sd: number,
  years: number,
  target: number,
  runs?: number,
  seed?: unknown,
): Promise<number> {
  // A promise in every case (Excel treats the function as asynchronous); small cases are computed at once.
  return cachedAsync("PROBABILITY", [base, mean, sd, years, target, runs, seed], () =>
    routedProbability(reachArguments(base, mean, sd, years, target, runs, seed)),
  ).catch((e: unknown) => {
    throw asCellError(e, "notAvailable");
  });
}

/** How long SCENARIO waits for the workbook store before giving up. */
export const SCENARIO_TIMEOUT_MS = 30_000;

/**
 * A figure of a scenario run stored in this workbook by the ParkPlan pane (#N/A when there is none).
 * @customfunction SCENARIO SCENARIO
 * @param scenario Name of the scenario.
 * @param platform Name of the platform, main platform, county or region.
 * @param metric Metric, e.g. 产值, 亩均产出, outputPerMu.
 * @param year Year.
 * @param [statistic] value (default), mean, p10, p50 or p90.
 * @returns The stored figure.
 */
export function scenarioFunction(scenario: string, platform: string, metric: string, year: number, statistic?: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(cellError("notAvailable", "读取保存的运行结果超时", "reading the stored run timed out")),
      SCENARIO_TIMEOUT_MS,
    );
    scenarioValue(scenario, platform, metric, year, statistic)
      .then(resolve, (e: unknown) => reject(asCellError(e, "notAvailable")))
      .finally(() => clearTimeout(timer));
  });
}
