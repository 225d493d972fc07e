/**
 * A saved scenario document back into the form (the inverse of toScenarioDocument). Pure. Fields the
 * form cannot hold (own target lists, a horizon with gaps, a numeric seed, fields it does not know) are
 * named in `dropped`, so the pane can say what loading leaves out instead of losing it silently.
 */
import { LEVELS } from "../../../models/platform.js";
import type { AllocationStrategy } from "../../../models/scenario.js";
import { defaultForm, type ScenarioForm } from "./scenarioForm.js";

const KNOWN = new Set(["name", "baseYear", "horizon", "targets", "growth", "land", "energy", "exits", "monteCarlo"]);
const STRATEGIES: readonly string[] = ["proportional", "main-only", "merit"];

type Doc = Record<string, unknown>;
const obj = (v: unknown): Doc => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Doc) : {});
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** 0.077 → "7.7": the form's percentage text, which percentToFraction turns back into the same number. */
export function fractionToPercent(x: number): string {
  return String(Number((x * 100).toPrecision(12)));
}

export function formFromDocument(document: Doc, fallbackBaseYear: number | null): { form: ScenarioForm; dropped: string[] } {
  const dropped = Object.keys(document).filter((k) => !KNOWN.has(k));
  const baseYear = isNum(document.baseYear) ? document.baseYear : fallbackBaseYear;
  const form = defaultForm(baseYear);
  if (typeof document.name === "string") form.name = document.name;
  const horizon = Array.isArray(document.horizon) ? document.horizon.filter(isNum) : [];
  if (horizon.length > 0) {
    const end = Math.max(...horizon);
    form.endYear = String(end);
    if (baseYear !== null && horizon.length !== end - baseYear) dropped.push("horizon");
  }
  if (typeof document.targets === "string") form.preset = document.targets;
  else if (Array.isArray(document.targets) && document.targets.length > 0) dropped.push("targets");

  const growth = obj(document.growth);
  if (isNum(growth.mean)) form.growthMean = fractionToPercent(growth.mean);
  if (isNum(growth.sd)) form.growthSd = fractionToPercent(growth.sd);
  if (isNum(growth.correlation)) form.correlation = String(growth.correlation);
  const byLevel = obj(growth.byLevel);
  for (const level of LEVELS) {
    const row = obj(byLevel[level]);
    if (isNum(row.mean)) form.byLevel[level] = { mean: fractionToPercent(row.mean), sd: isNum(row.sd) ? fractionToPercent(row.sd) : "" };
  }

  const land = obj(document.land);
  if (isNum(land.quota)) form.landQuota = String(land.quota);
  if (typeof land.strategy === "string" && STRATEGIES.includes(land.strategy)) form.landStrategy = land.strategy as AllocationStrategy;
  if (isNum(land.lagYears)) form.lagYears = String(land.lagYears);
  const energy = obj(document.energy);
  if (isNum(energy.intensityDecline)) form.energyDecline = fractionToPercent(energy.intensityDecline);
  if (isNum(energy.cap)) form.energyCap = String(energy.cap);
  if (typeof energy.strategy === "string" && STRATEGIES.includes(energy.strategy)) form.energyStrategy = energy.strategy as AllocationStrategy;
  const exits = obj(document.exits);
  if (isNum(exits.relocationShare)) form.relocation = fractionToPercent(exits.relocationShare);
  const mc = obj(document.monteCarlo);
  if (isNum(mc.runs)) form.runs = String(mc.runs);
  if (typeof mc.seed === "string") form.seed = mc.seed;
  else if (isNum(mc.seed)) {
    form.seed = String(mc.seed);
    dropped.push("monteCarlo.seed");
  }
  return { form, dropped };
}
