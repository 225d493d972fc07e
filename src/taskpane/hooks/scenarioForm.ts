/**
 * The scenario form as the user edits it (text in inputs, percentages as shown) and its translation
 * into the model's scenario document. Pure: the form checks what it can say next to a field (numbers,
 * ranges, years); the engine's own validation (zod, in the worker) remains the authority.
 */
import { LEVELS, type Level } from "../../../models/platform.js";
import { findPreset } from "../../../models/presets.js";
import type { AllocationStrategy } from "../../../models/scenario.js";
import type { GrowthDistribution } from "../../../models/growthModels.js";
import type { MessageKey } from "../../i18n/index.js";
import { emptyLevers, leversDocument, leversForPreset, type LeverField, type LeversForm } from "./leverForm.js";
import { NUMBER_TEXT, percentToFraction } from "./percentText.js";

export { percentToFraction };

export interface ScenarioForm {
  /** A preset id, or "" for none. */
  preset: string;
  name: string;
  baseYear: string;
  /** Last projected year: the document's horizon is every year from baseYear + 1 to it. */
  endYear: string;
  growthDistribution: GrowthDistribution;
  growthMean: string;
  growthSd: string;
  /** 低/中/高 of a triangular or PERT growth, in percent. */
  growthLow: string;
  growthMode: string;
  growthHigh: string;
  correlation: string;
  persistence: string;
  byLevel: Record<Level, { mean: string; sd: string }>;
  /** growth.fromHistory: true — every platform's growth fitted from the sheet's history (the analyst's byPlatform entries still win). */
  fromHistory: boolean;
  landQuota: string;
  landStrategy: AllocationStrategy;
  lagYears: string;
  energyDecline: string;
  energyCap: string;
  energyStrategy: AllocationStrategy;
  relocation: string;
  exitMode: "immediate" | "phased";
  landReturn: string;
  landReturnLag: string;
  /** 标准地 thresholds, 万元/亩; blank = none. */
  entryOutputPerMu: string;
  entryTaxPerMu: string;
  runs: string;
  seed: string;
  /** Policy levers (the document's `ratios`), hooks/leverForm.ts. */
  ratios: LeversForm;
}

export type FormField =
  Exclude<keyof ScenarioForm, "byLevel" | "ratios" | "fromHistory"> | `byLevel.${Level}.${"mean" | "sd"}` | LeverField;

export interface FormError {
  field: FormField;
  key: MessageKey;
  params: Record<string, string | number>;
}

/** The model's defaults (models/scenario.ts), as the form shows them; 1,000 Monte Carlo runs. */
export function defaultForm(baseYear: number | null): ScenarioForm {
  return {
    preset: "",
    name: "基准方案",
    baseYear: baseYear === null ? "" : String(baseYear),
    endYear: baseYear === null ? "" : String(baseYear + 5),
    growthDistribution: "normal",
    growthMean: "7.7",
    growthSd: "4.5",
    growthLow: "",
    growthMode: "",
    growthHigh: "",
    correlation: "0.5",
    persistence: "0",
    byLevel: Object.fromEntries(LEVELS.map((l) => [l, { mean: "", sd: "" }])) as ScenarioForm["byLevel"],
    fromHistory: false,
    landQuota: "0",
    landStrategy: "proportional",
    lagYears: "1",
    energyDecline: "3.43",
    energyCap: "",
    energyStrategy: "proportional",
    relocation: "50",
    exitMode: "immediate",
    landReturn: "0",
    landReturnLag: "1",
    entryOutputPerMu: "",
    entryTaxPerMu: "",
    runs: "1000",
    seed: "parkplan",
    ratios: emptyLevers(),
  };
}

/**
 * Choosing a preset: its targets and end year, its suggested strategies, its base year if the form has
 * none. Its levers are only proposed (the lever block's note; fillPresetLevers puts them in), so a preset
 * alone gives the same numbers in the pane as on the command line; the old preset's levers the analyst
 * left untouched are cleared.
 */
export function applyPreset(form: ScenarioForm, presetId: string): ScenarioForm {
  const preset = findPreset(presetId);
  const ratios = leversForPreset(form.ratios, findPreset(form.preset), undefined);
  if (!preset) return { ...form, preset: "", ratios };
  const next: ScenarioForm = { ...form, preset: preset.id, endYear: String(preset.horizon), name: preset.name.zh, ratios };
  if (next.baseYear.trim() === "") next.baseYear = String(preset.baseYear);
  for (const rule of preset.rules) {
    if (rule.suggests?.land?.strategy) next.landStrategy = rule.suggests.land.strategy;
    if (rule.suggests?.energy?.strategy) next.energyStrategy = rule.suggests.energy.strategy;
  }
  return next;
}

/** The chosen preset's levers put into the lever block as an editable starting point (the note's button). */
export function fillPresetLevers(form: ScenarioForm): ScenarioForm {
  return { ...form, ratios: leversForPreset(form.ratios, undefined, findPreset(form.preset)) };
}

export interface NumberRule {
  field: FormField;
  label: MessageKey;
  min: number;
  max: number;
  integer?: boolean;
  optional?: boolean;
}

function readNumber(text: string, rule: NumberRule, errors: FormError[], label: string): number | undefined {
  const t = text.trim();
  if (t === "") {
    if (!rule.optional) errors.push({ field: rule.field, key: "form.required", params: { field: label } });
    return undefined;
  }
  if (!NUMBER_TEXT.test(t)) {
    errors.push({ field: rule.field, key: "form.number", params: { field: label } });
    return undefined;
  }
  const n = Number(t);
  if (rule.integer && !Number.isInteger(n)) {
    errors.push({ field: rule.field, key: "form.integer", params: { field: label } });
    return undefined;
  }
  if (n < rule.min || n > rule.max) {
    errors.push({ field: rule.field, key: "form.range", params: { field: label, min: rule.min, max: rule.max } });
    return undefined;
  }
  return n;
}

type Pct = (field: FormField, key: MessageKey, text: string, min: number, max: number, optional?: boolean) => number | undefined;
type Num = (field: FormField, key: MessageKey, text: string, min: number, max: number, extra?: Partial<NumberRule>) => number | undefined;

/** The growth part of the document: μ ± σ, or the 低/中/高 guess of a triangular or PERT growth; φ when not 0; fromHistory when checked. */
function growthDocument(
  form: ScenarioForm,
  pct: Pct,
  num: Num,
  errors: FormError[],
  label: (key: MessageKey) => string,
): Record<string, unknown> {
  // Fields in the order the form shows them, so errors are listed in that order too.
  const shape: Record<string, unknown> =
    form.growthDistribution === "normal"
      ? {
          mean: pct("growthMean", "scenario.growthMean", form.growthMean, -90, 500),
          sd: pct("growthSd", "scenario.growthSd", form.growthSd, 0, 500),
        }
      : {
          distribution: form.growthDistribution,
          low: pct("growthLow", "scenario.growthLow", form.growthLow, -90, 500),
          mode: pct("growthMode", "scenario.growthMode", form.growthMode, -90, 500),
          high: pct("growthHigh", "scenario.growthHigh", form.growthHigh, -90, 500),
        };
  const { low, mode, high } = shape as { low?: number; mode?: number; high?: number };
  if (low !== undefined && mode !== undefined && high !== undefined && !(low <= mode && mode <= high)) {
    errors.push({ field: "growthMode", key: "form.lowModeHigh", params: { field: label("scenario.distribution") } });
  }
  const correlation = num("correlation", "scenario.correlation", form.correlation, 0, 1);
  const persistence = num("persistence", "scenario.persistence", form.persistence, 0, 0.99);
  return { ...shape, correlation, ...(persistence ? { persistence } : {}), ...(form.fromHistory ? { fromHistory: true } : {}) };
}

/**
 * The scenario document for the engine, or the form's errors. `label` turns a message key into the
 * field's name in the pane's language, for the error texts.
 */
export function toScenarioDocument(
  form: ScenarioForm,
  label: (key: MessageKey) => string,
): { document: Record<string, unknown> | null; errors: FormError[] } {
  const errors: FormError[] = [];
  const num = (field: FormField, key: MessageKey, text: string, min: number, max: number, extra: Partial<NumberRule> = {}) =>
    readNumber(text, { field, label: key, min, max, ...extra }, errors, label(key));
  const pct = (field: FormField, key: MessageKey, text: string, min: number, max: number, optional = false) => {
    const n = num(field, key, text, min, max, { optional });
    return n === undefined ? undefined : percentToFraction(text);
  };

  const baseYear = num("baseYear", "scenario.baseYear", form.baseYear, 1990, 2099, { integer: true });
  const endYear = num("endYear", "scenario.endYear", form.endYear, 1991, 2100, { integer: true });
  if (baseYear !== undefined && endYear !== undefined && endYear <= baseYear) {
    errors.push({ field: "endYear", key: "form.endYear", params: { field: label("scenario.endYear"), base: baseYear } });
  }
  const growth = growthDocument(form, pct, num, errors, label);
  const byLevel: Record<string, { distribution?: "normal"; mean: number; sd?: number }> = {};
  for (const level of LEVELS) {
    const row = form.byLevel[level];
    const mean = pct(`byLevel.${level}.mean`, "scenario.growthMean", row.mean, -90, 500, true);
    const sd = pct(`byLevel.${level}.sd`, "scenario.growthSd", row.sd, 0, 500, true);
    // Levels keep μ ± σ even when the region gives a 低/中/高 guess.
    const normal = form.growthDistribution === "normal" ? {} : { distribution: "normal" as const };
    if (mean !== undefined) byLevel[level] = sd === undefined ? { ...normal, mean } : { ...normal, mean, sd };
  }
  if (Object.keys(byLevel).length > 0) growth.byLevel = byLevel;
  const quota = num("landQuota", "scenario.landQuota", form.landQuota, 0, 1e9, { optional: true });
  const lagYears = num("lagYears", "scenario.lag", form.lagYears, 0, 10, { integer: true });
  const intensityDecline = pct("energyDecline", "scenario.energyDecline", form.energyDecline, -50, 50);
  const cap = num("energyCap", "scenario.energyCap", form.energyCap, 0, 1e9, { optional: true });
  const relocationShare = pct("relocation", "scenario.exits", form.relocation, 0, 100);
  const landReturnShare = pct("landReturn", "scenario.landReturn", form.landReturn, 0, 100);
  const landReturnLag = num("landReturnLag", "scenario.landReturnLag", form.landReturnLag, 0, 10, { integer: true });
  const outputPerMu = num("entryOutputPerMu", "scenario.entryOutputPerMu", form.entryOutputPerMu, 0, 1e6, { optional: true });
  const taxPerMu = num("entryTaxPerMu", "scenario.entryTaxPerMu", form.entryTaxPerMu, 0, 1e6, { optional: true });
  const ratios = leversDocument(form.ratios, { pct, num, errors, label, baseYear });
  const runs = num("runs", "scenario.runs", form.runs, 0, 1_000_000, { integer: true });
  if (form.name.trim() === "") errors.push({ field: "name", key: "form.required", params: { field: label("scenario.name") } });
  if (form.seed.trim() === "") errors.push({ field: "seed", key: "form.required", params: { field: label("scenario.seed") } });
  if (errors.length > 0 || baseYear === undefined || endYear === undefined) return { document: null, errors };

  const horizon = Array.from({ length: endYear - baseYear }, (_, k) => baseYear + 1 + k);
  return {
    errors,
    document: {
      name: form.name.trim(),
      baseYear,
      horizon,
      targets: form.preset === "" ? [] : form.preset,
      growth,
      land: {
        ...(quota === undefined ? {} : { quota }),
        strategy: form.landStrategy,
        lagYears,
        ...(outputPerMu === undefined && taxPerMu === undefined
          ? {}
          : { entry: { ...(outputPerMu === undefined ? {} : { outputPerMu }), ...(taxPerMu === undefined ? {} : { taxPerMu }) } }),
      },
      energy: { intensityDecline, ...(cap === undefined ? {} : { cap }), strategy: form.energyStrategy },
      // Version 2's exit fields only when they differ from version 1 (a version 1 form gives a version 1 document).
      exits: {
        relocationShare,
        ...(form.exitMode === "phased" ? { mode: "phased" } : {}),
        ...(landReturnShare ? { landReturnShare, landReturnLag } : {}),
      },
      monteCarlo: { runs, seed: form.seed.trim() },
      ...(ratios === undefined ? {} : { ratios }),
    },
  };
}
