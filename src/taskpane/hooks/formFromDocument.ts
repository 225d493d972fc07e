/**
 * A saved scenario document back into the form (the inverse of toScenarioDocument). Pure. Every
 * allocation strategy the form offers (formStrategies.ts: the vocabulary's less optimal) round-trips; what the form cannot hold (own target lists, a
 * horizon with gaps, a numeric seed, year maps of quotas, per-platform requests, class weights, a
 * strategy this version does not know, fields it does not know) is named by its JSON path in `dropped`,
 * so the pane can say what loading leaves out (lib.dropped, zh and en) instead of losing it silently.
 * The policy levers (`ratios`) are read by leverForm.ts; their per-platform rules are kept as given.
 */
import { LEVELS } from "../../../models/platform.js";
import { isFormStrategy } from "./formStrategies.js";
import { leversFromRatios } from "./leverForm.js";
import { fractionToPercent } from "./percentText.js";
import { defaultForm, type ScenarioForm } from "./scenarioForm.js";

export { fractionToPercent };

/** The keys of each part of the document that the form holds; any other non-empty key is dropped. */
const HELD: Record<string, readonly string[]> = {
  "": ["name", "baseYear", "horizon", "targets", "growth", "land", "energy", "exits", "monteCarlo", "ratios"],
  growth: ["distribution", "mean", "sd", "low", "mode", "high", "correlation", "persistence", "byLevel", "fromHistory"],
  land: ["quota", "strategy", "lagYears", "entry"],
  energy: ["intensityDecline", "cap", "strategy"],
  exits: ["relocationShare", "mode", "landReturnShare", "landReturnLag"],
  monteCarlo: ["runs", "seed"],
};

type Doc = Record<string, unknown>;
const obj = (v: unknown): Doc => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Doc) : {});
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
/** {} and [] say nothing, so leaving them out loses nothing. */
const isEmpty = (v: unknown): boolean => v === undefined || (typeof v === "object" && v !== null && Object.keys(v).length === 0);

/**
 * Fields the form does not hold that say nothing at these values, as JSON (a resolved scenario, as a
 * stored run keeps it, carries them): leaving them out loses nothing. Other values of them (real growth
 * on inflation) are named as dropped, as are a shape for PERT and per-platform growth.
 */
const SILENT: Record<string, string> = { "growth.basis": '"nominal"', prices: '{"inflation":0}' };

function unheld(document: Doc): string[] {
  return Object.entries(HELD).flatMap(([section, keys]) => {
    const part = section === "" ? document : obj(document[section]);
    return Object.keys(part)
      .filter((k) => !keys.includes(k) && !isEmpty(part[k]))
      .map((k) => [section === "" ? k : `${section}.${k}`, k] as const)
      .filter(([path, k]) => SILENT[path] !== JSON.stringify(part[k]))
      .map(([path]) => path);
  });
}

/**
 * growth.fromHistory: the form's checkbox writes `true` beside its growth.correlation, so the run uses the
 * form's ρ and shows the fitted one ({ correlation: "scenario" } once parsed). `true` or an object without
 * levels or platforms checks the box; its levels or platforms, and a fitted ρ (correlation "fitted", or no
 * growth.correlation to keep), the form cannot hold: named.
 */
function readFromHistory(growth: Doc, form: ScenarioForm, dropped: string[]): void {
  const from = growth.fromHistory;
  if (from === undefined || from === false) return;
  const o = obj(from);
  const partial = !isEmpty(o.byLevel) || !isEmpty(o.byPlatform);
  const unknown = Object.keys(o).some((k) => !["byLevel", "byPlatform", "correlation"].includes(k));
  if (from !== true && (o !== from || partial || unknown)) {
    dropped.push("growth.fromHistory");
    return;
  }
  form.fromHistory = true;
  const fittedRho = o.correlation === "fitted" || (o.correlation === undefined && !isNum(growth.correlation));
  if (fittedRho) dropped.push("growth.fromHistory.correlation");
}

export function formFromDocument(document: Doc, fallbackBaseYear: number | null): { form: ScenarioForm; dropped: string[] } {
  const dropped = unheld(document);
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
  if (isNum(growth.persistence)) form.persistence = String(growth.persistence);
  if (growth.distribution === "triangular" || growth.distribution === "pert") form.growthDistribution = growth.distribution;
  else if (growth.distribution !== undefined && growth.distribution !== "normal") dropped.push("growth.distribution");
  for (const [key, field] of [
    ["low", "growthLow"],
    ["mode", "growthMode"],
    ["high", "growthHigh"],
  ] as const) {
    if (isNum(growth[key])) form[field] = fractionToPercent(growth[key]);
  }
  const byLevel = obj(growth.byLevel);
  for (const level of LEVELS) {
    const row = obj(byLevel[level]);
    if (isNum(row.mean)) form.byLevel[level] = { mean: fractionToPercent(row.mean), sd: isNum(row.sd) ? fractionToPercent(row.sd) : "" };
    // The form holds μ ± σ per level; a level's own 低/中/高 guess or shape is named, not lost silently.
    const extra = Object.keys(row).filter((k) => k !== "mean" && k !== "sd" && !(k === "distribution" && row.distribution === "normal"));
    if (extra.length > 0) dropped.push(`growth.byLevel.${level}`);
  }
  for (const key of Object.keys(byLevel)) if (!(LEVELS as readonly string[]).includes(key)) dropped.push(`growth.byLevel.${key}`);
  readFromHistory(growth, form, dropped);

  const land = obj(document.land);
  // No quota stays blank, not 0: for the manual strategy "no quota" means the sum of the requests.
  form.landQuota = isNum(land.quota) ? String(land.quota) : "";
  if (land.quota !== undefined && !isNum(land.quota)) dropped.push("land.quota");
  if (isNum(land.lagYears)) form.lagYears = String(land.lagYears);
  const entry = obj(land.entry);
  if (isNum(entry.outputPerMu)) form.entryOutputPerMu = String(entry.outputPerMu);
  if (isNum(entry.taxPerMu)) form.entryTaxPerMu = String(entry.taxPerMu);
  const energy = obj(document.energy);
  if (isNum(energy.intensityDecline)) form.energyDecline = fractionToPercent(energy.intensityDecline);
  if (isNum(energy.cap)) form.energyCap = String(energy.cap);
  else if (energy.cap !== undefined) dropped.push("energy.cap");
  for (const [section, part, field] of [
    ["land", land, "landStrategy"],
    ["energy", energy, "energyStrategy"],
  ] as const) {
    if (isFormStrategy(part.strategy)) form[field] = part.strategy;
    else if (part.strategy !== undefined) dropped.push(`${section}.strategy (${JSON.stringify(part.strategy)})`);
  }
  const exits = obj(document.exits);
  if (isNum(exits.relocationShare)) form.relocation = fractionToPercent(exits.relocationShare);
  if (exits.mode === "phased") form.exitMode = "phased";
  if (isNum(exits.landReturnShare)) form.landReturn = fractionToPercent(exits.landReturnShare);
  if (isNum(exits.landReturnLag)) form.landReturnLag = String(exits.landReturnLag);
  form.ratios = leversFromRatios(document.ratios, dropped);
  const mc = obj(document.monteCarlo);
  if (isNum(mc.runs)) form.runs = String(mc.runs);
  if (typeof mc.seed === "string") form.seed = mc.seed;
  else if (isNum(mc.seed)) {
    form.seed = String(mc.seed);
    dropped.push("monteCarlo.seed");
  }
  return { form, dropped };
}
