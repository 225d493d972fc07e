/**
 * Calibration from history (issue 13; formulas and a worked example in models/README.md, "Calibration
 * from history"): each platform's annual growth of 亩均产出 p = Y × 10⁴ / L from its own years, shrunk
 * toward its level's pooled estimate by the amount of history it has (normal–normal empirical Bayes), and
 * the regional correlation ρ from the panel. Pure: platforms in, numbers out; no scenario, no warnings text.
 */
import { LEVELS, type Level, type Platform } from "../platform.js";
import { perMu } from "../perMu.js";
import { cagr } from "../growth.js";

/** Φ⁻¹(0.9): the fitted 低/中/高 are mean ∓ Z90 · sd, the P10 / P50 / P90 of the fitted normal. */
export const Z90 = 1.2815515655446004;

/** One growth rate between two years that both give output and land; span > 1 bridges missing years. */
export interface GrowthRate {
  /** The later year (the rate's year for ρ). */
  year: number;
  /** Years the rate covers: the geometric annual rate (p_b / p_a)^(1/span) − 1 over a gap of span years. */
  span: number;
  rate: number;
}

/** Why a platform's own history cannot be used: only the base year, or a figure ≤ 0 (growth −100% or below, or undefined). */
export type HistoryProblem = { kind: "noHistory" } | { kind: "nonPositive"; year: number; field: "output" | "land"; cells: string[] };

export interface PlatformRates {
  rates: GrowthRate[];
  problem: HistoryProblem | null;
}

/** The growth rates of a platform's 亩均产出 over its history years and the base year (oldest first). */
export function growthRates(p: Platform, baseYear: number): PlatformRates {
  const points: { year: number; perMu: number }[] = [];
  const years = [...(p.history ?? [])].filter((h) => h.year < baseYear).sort((a, b) => a.year - b.year);
  for (const h of years) {
    const { output, land } = h.figures;
    if (output === undefined || land === undefined) continue; // a missing year: the next rate bridges it
    for (const [field, value] of [
      ["output", output],
      ["land", land],
    ] as const) {
      if (!(value > 0)) {
        const cells = [h.cells?.output, h.cells?.land].filter((c): c is string => c !== undefined);
        return { rates: [], problem: { kind: "nonPositive", year: h.year, field, cells } };
      }
    }
    points.push({ year: h.year, perMu: perMu(output, land) });
  }
  if (!(p.output > 0) || !(p.land > 0)) {
    const cells = p.source ? [`${p.source.sheet}!${p.source.row}:${p.source.row}`] : [];
    return { rates: [], problem: { kind: "nonPositive", year: baseYear, field: p.output > 0 ? "land" : "output", cells } };
  }
  points.push({ year: baseYear, perMu: perMu(p.output, p.land) });
  if (points.length < 2) return { rates: [], problem: { kind: "noHistory" } };
  const rates = points.slice(1).map((b, j) => {
    const a = points[j];
    const span = b.year - a.year;
    return { year: b.year, span, rate: cagr(a.perMu, b.perMu, span) };
  });
  return { rates, problem: null };
}

/** A platform's own figures: m_i (span-weighted mean rate), n_i = Σ span, SS_i = Σ span·(r − m_i)², ν_i = rates − 1. */
interface Own {
  mean: number;
  years: number;
  ss: number;
  df: number;
}

function own(rates: readonly GrowthRate[]): Own | null {
  if (rates.length === 0) return null;
  let years = 0;
  let sum = 0;
  for (const r of rates) {
    years += r.span;
    sum += r.span * r.rate;
  }
  const mean = sum / years;
  let ss = 0;
  for (const r of rates) ss += r.span * (r.rate - mean) ** 2;
  return { mean, years, ss, df: rates.length - 1 };
}

/** A pooled estimate (a level's, or the region's): what the README calls μ, s², τ², K, ν₀. */
export interface Pool {
  /** μ: mean of every annual growth in the pool (Σ n_i m_i / Σ n_i). */
  mean: number;
  /** s²: pooled within-platform variance Σ SS_i / Σ ν_i; null when no platform has two rates. */
  within: number | null;
  /** τ²: between-platform variance of the true means, method of moments, floored at 0 (0 with fewer than 2 platforms). */
  between: number;
  /** K: platforms with usable history; Σ n_i; ν₀ = Σ ν_i / K, the weight (in degrees of freedom) of s² when a platform's sd is shrunk. */
  platforms: number;
  years: number;
  priorDf: number;
}

/** μ, s², τ² over platforms' own figures; s² and ν₀ from `fallback` (the region) when these have no degrees of freedom. */
function pool(members: readonly Own[], fallback: Pick<Pool, "within" | "priorDf"> | null): Pool | null {
  const k = members.length;
  if (k === 0) return null;
  let years = 0;
  let weighted = 0;
  let ss = 0;
  let df = 0;
  let plain = 0;
  let inverseYears = 0;
  for (const m of members) {
    years += m.years;
    weighted += m.years * m.mean;
    ss += m.ss;
    df += m.df;
    plain += m.mean;
    inverseYears += 1 / m.years;
  }
  const mean = weighted / years;
  const ownWithin = df > 0 ? ss / df : null;
  const within = ownWithin ?? fallback?.within ?? null;
  const priorDf = ownWithin !== null ? df / k : (fallback?.priorDf ?? 0);
  let between = 0;
  if (k >= 2) {
    const mBar = plain / k;
    let spread = 0;
    for (const m of members) spread += (m.mean - mBar) ** 2;
    between = Math.max(0, spread / (k - 1) - (within ?? 0) * (inverseYears / k));
  }
  return { mean, within, between, platforms: k, years, priorDf };
}

export interface PlatformFit {
  /** Fitted mean and sd of the annual growth of 亩均产出; sd null when no platform anywhere has two rates. */
  mean: number;
  sd: number | null;
  /** n_i: annual growths the own history gave (a rate over a k-year gap counts k); 0 = the pool alone. */
  years: number;
  /** w_i: the weight of the platform's own mean. */
  weight: number;
  /** The pool it shrinks toward: its level's, or the region's when the level has no usable history. */
  pool: "level" | "region";
  problem: HistoryProblem | null;
}

export interface Calibration {
  /** Per platform, in input order; null when no platform in the region has usable history. */
  platforms: (PlatformFit | null)[];
  levels: Partial<Record<Level, Pool>>;
  region: Pool | null;
  /** ρ fitted from the panel, clamped to [0, 1]; null when no year has two platforms with residuals. */
  rho: number | null;
}

/**
 * Fit every platform (all of them feed the pools; the caller decides whose growth the fit replaces).
 * Normal–normal empirical Bayes: w_i = τ² / (τ² + s²/n_i), mean_i = w_i m_i + (1 − w_i) μ;
 * sd_i² = (SS_i + ν₀ s²) / (ν_i + ν₀).
 */
export function calibrate(platforms: readonly Platform[], baseYear: number): Calibration {
  const series = platforms.map((p) => growthRates(p, baseYear));
  const owns = series.map((s) => (s.problem ? null : own(s.rates)));
  const usable = (keep: (i: number) => boolean) => owns.filter((o, i): o is Own => o !== null && keep(i));
  const region = pool(
    usable(() => true),
    null,
  );
  const levels: Partial<Record<Level, Pool>> = {};
  for (const level of LEVELS) {
    const p = pool(
      usable((i) => platforms[i].level === level),
      region,
    );
    if (p) levels[level] = p;
  }
  const fits = platforms.map((p, i): PlatformFit | null => {
    const levelPool = p.level ? levels[p.level] : undefined;
    const target = levelPool ?? region;
    if (!target) return null;
    const from = levelPool ? "level" : "region";
    const o = owns[i];
    const s2 = target.within;
    if (!o) {
      return { mean: target.mean, sd: s2 === null ? null : Math.sqrt(s2), years: 0, weight: 0, pool: from, problem: series[i].problem };
    }
    const noise = s2 === null ? NaN : s2 / o.years;
    const total = target.between + noise;
    // No s² (every platform has one rate): nothing separates a platform's own mean from noise, so pool fully.
    const weight = s2 === null || total === 0 ? 0 : target.between / total;
    const mean = weight * o.mean + (1 - weight) * target.mean;
    const nu0 = target.priorDf;
    const sd = s2 === null ? null : o.df + nu0 > 0 ? Math.sqrt((o.ss + nu0 * s2) / (o.df + nu0)) : Math.sqrt(s2);
    return { mean, sd, years: o.years, weight, pool: from, problem: null };
  });
  return { platforms: fits, levels, region, rho: fitRho(series) };
}

/**
 * ρ: the share of the residual variance that platforms share in the same year. Residuals e_it = r_it − r̄_i
 * over each platform's one-year rates (two or more; gap rates mix years and are left out). With S_t = Σ_i e_it,
 * Q_t = Σ_i e_it², N_t platforms in year t: ρ = [Σ_t (S_t² − Q_t) / Σ_t N_t(N_t − 1)] ÷ [Σ_t Q_t / Σ_t N_t],
 * the average cross-product of two platforms' residuals in a year over the average squared residual, clamped to [0, 1].
 */
export function fitRho(series: readonly PlatformRates[]): number | null {
  const byYear = new Map<number, { s: number; q: number; n: number }>();
  for (const { rates, problem } of series) {
    if (problem) continue;
    const annual = rates.filter((r) => r.span === 1);
    if (annual.length < 2) continue;
    const mean = annual.reduce((a, r) => a + r.rate, 0) / annual.length;
    for (const r of annual) {
      const e = r.rate - mean;
      const cell = byYear.get(r.year) ?? { s: 0, q: 0, n: 0 };
      cell.s += e;
      cell.q += e * e;
      cell.n += 1;
      byYear.set(r.year, cell);
    }
  }
  let cross = 0;
  let pairs = 0;
  let squares = 0;
  let count = 0;
  for (const { s, q, n } of byYear.values()) {
    cross += s * s - q;
    pairs += n * (n - 1);
    squares += q;
    count += n;
  }
  if (pairs === 0 || squares === 0) return null;
  const rho = cross / pairs / (squares / count);
  return Math.min(1, Math.max(0, rho));
}
