/**
 * The form's policy levers (model.md §2.1, the scenario's `ratios`): per ratio a rule for the region,
 * rules by level (levels that share one rule form one group, as presets give them: 国家级、省级) and
 * per-platform rules, which the form keeps as given without editing them. Changes are shown in
 * percentage points a year and path values in percent; the document stores ratios (0.5 → 0.005).
 * Pure and light: no zod, no mathjs (an expression is parsed by the engine in the worker).
 */
import { LEVEL_LABELS, LEVELS, type Level } from "../../../models/platform.js";
import { describeRatioRule } from "../../../models/levers/describe.js";
import { RATIO_LEVERS, RATIO_RULE_KINDS, type RatioLever, type RatioRule, type RatioRuleKind } from "../../../models/levers/ratioNames.js";
import { presetLevers, type Preset } from "../../../models/presets.js";
import { pick, type Lang, type MessageKey, type Translate } from "../../i18n/index.js";
import { fractionToPercent, NUMBER_TEXT, percentToFraction } from "./percentText.js";
import type { FormError, FormField, NumberRule } from "./scenarioForm.js";

export interface PathRow {
  year: string;
  /** Percent. */
  value: string;
}

/** One rule as edited: its kind ("" = none) and the text of each kind, kept when the kind changes. */
export interface RuleForm {
  kind: RatioRuleKind | "";
  /** Percentage points a year. */
  change: string;
  path: PathRow[];
  expr: string;
}

export interface LevelRuleForm {
  levels: Level[];
  rule: RuleForm;
}

export interface LeverForm {
  region: RuleForm;
  byLevel: LevelRuleForm[];
  /** Per-platform rules of a loaded document, held as given. */
  byPlatform: Record<string, RatioRule>;
}

export type LeversForm = Record<RatioLever, LeverForm>;

/** Field names of the lever block: `ratios.<lever>.region.change`, `ratios.<lever>.level.0.path.1.value`, … */
export type LeverField = `ratios.${RatioLever}.${string}`;

/** Where a rule's fields are named: the region's, or the `group`-th level group's. */
export const ruleScope = (lever: RatioLever, group: number | null): LeverField =>
  group === null ? `ratios.${lever}.region` : `ratios.${lever}.level.${group}`;

/** The longest expression the schema takes. */
const EXPR_MAX = 500;

export const emptyRule = (): RuleForm => ({ kind: "", change: "", path: [], expr: "" });
export const emptyLever = (): LeverForm => ({ region: emptyRule(), byLevel: [], byPlatform: {} });
export const emptyLevers = (): LeversForm => Object.fromEntries(RATIO_LEVERS.map((k) => [k, emptyLever()])) as LeversForm;

/** A rule given another kind; a path starts with one blank row to fill in. */
export function withKind(rule: RuleForm, kind: RuleForm["kind"]): RuleForm {
  return { ...rule, kind, path: kind === "path" && rule.path.length === 0 ? [{ year: "", value: "" }] : rule.path };
}

/** Whether the lever moves its ratio anywhere (an empty lever leaves the document without it). */
export const isLeverSet = (lever: LeverForm): boolean =>
  lever.region.kind !== "" || lever.byLevel.length > 0 || Object.keys(lever.byPlatform).length > 0;

// ---- document → form -------------------------------------------------------------------------------

type Doc = Record<string, unknown>;
const obj = (v: unknown): Doc => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Doc) : {});
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const RULE_KEYS: readonly string[] = RATIO_RULE_KINDS;

/** A document's rule as the form edits it; what the form cannot hold is named in `dropped` by JSON path. */
function ruleForm(value: unknown, path: string, dropped: string[], extraKeys: readonly string[] = []): RuleForm {
  const rule = obj(value);
  const form = emptyRule();
  for (const key of Object.keys(rule)) if (!RULE_KEYS.includes(key) && !extraKeys.includes(key)) dropped.push(`${path}.${key}`);
  const given = RATIO_RULE_KINDS.filter((k) => rule[k] !== undefined);
  // The schema takes one kind per rule; the others of a document that gives several are named.
  for (const extra of given.slice(1)) dropped.push(`${path}.${extra}`);
  const kind = given[0];
  if (kind === undefined) return form;
  if (kind === "change" && isNum(rule.change)) form.change = fractionToPercent(rule.change);
  else if (kind === "expr" && typeof rule.expr === "string") form.expr = rule.expr;
  else if (kind === "path" && Object.keys(obj(rule.path)).length > 0) {
    for (const [year, v] of Object.entries(obj(rule.path))) {
      if (isNum(v)) form.path.push({ year, value: fractionToPercent(v) });
      else dropped.push(`${path}.path.${year}`);
    }
  }
  if (kind === "path" && form.path.length === 0) {
    if (Object.keys(obj(rule.path)).length === 0) dropped.push(`${path}.path`);
    return form;
  }
  if (kind !== "path" && form[kind] === "") {
    dropped.push(`${path}.${kind}`);
    return form;
  }
  form.kind = kind;
  return form;
}

/** A document's `ratios` as the form's levers; unknown ratios, levels and keys are named in `dropped`. */
export function leversFromRatios(ratios: unknown, dropped: string[]): LeversForm {
  const levers = emptyLevers();
  const given = obj(ratios);
  for (const key of Object.keys(given)) if (!(RATIO_LEVERS as readonly string[]).includes(key)) dropped.push(`ratios.${key}`);
  for (const lever of RATIO_LEVERS) {
    const spec = given[lever];
    if (spec === undefined) continue;
    const at = `ratios.${lever}`;
    const form = levers[lever];
    form.region = ruleForm(spec, at, dropped, ["byLevel", "byPlatform"]);
    const byLevel = obj(obj(spec).byLevel);
    for (const key of Object.keys(byLevel)) if (!(LEVELS as readonly string[]).includes(key)) dropped.push(`${at}.byLevel.${key}`);
    // Levels with the same rule form one group, in the levels' order.
    const groups = new Map<string, LevelRuleForm>();
    for (const level of LEVELS) {
      if (byLevel[level] === undefined) continue;
      const rule = ruleForm(byLevel[level], `${at}.byLevel.${level}`, dropped);
      if (rule.kind === "") continue;
      const same = JSON.stringify(rule);
      const group = groups.get(same);
      if (group) group.levels.push(level);
      else groups.set(same, { levels: [level], rule });
    }
    form.byLevel = [...groups.values()];
    for (const [name, rule] of Object.entries(obj(obj(spec).byPlatform))) {
      if (rule !== null && typeof rule === "object" && !Array.isArray(rule)) form.byPlatform[name] = structuredClone(rule) as RatioRule;
      else dropped.push(`${at}.byPlatform.${name}`);
    }
  }
  return levers;
}

// ---- presets ---------------------------------------------------------------------------------------

/** The levers a preset proposes, as the form shows them (levers it does not name are empty). */
export const presetLeverForms = (preset: Preset): LeversForm => leversFromRatios(presetLevers(preset), []);

/**
 * Choosing another preset (or none): the ratios the new preset names take its levers, as an editable
 * starting point; a ratio the old preset named and the analyst left as it was is cleared (no stale
 * suggestion of a plan no longer chosen); every other lever is the analyst's and stays.
 */
export function leversForPreset(levers: LeversForm, previous: Preset | undefined, next: Preset | undefined): LeversForm {
  const proposed = next ? presetLevers(next) : {};
  const nextForms = next ? presetLeverForms(next) : emptyLevers();
  const oldForms = previous ? presetLeverForms(previous) : null;
  const previousNamed = previous ? presetLevers(previous) : {};
  const out = { ...levers };
  for (const lever of RATIO_LEVERS) {
    if (proposed[lever] !== undefined) out[lever] = nextForms[lever];
    else if (oldForms && previousNamed[lever] !== undefined && JSON.stringify(levers[lever]) === JSON.stringify(oldForms[lever])) {
      out[lever] = emptyLever();
    }
  }
  return out;
}

// ---- form → document -------------------------------------------------------------------------------

type Pct = (field: FormField, key: MessageKey, text: string, min: number, max: number) => number | undefined;
type Num = (field: FormField, key: MessageKey, text: string, min: number, max: number, extra?: Partial<NumberRule>) => number | undefined;

interface Reader {
  pct: Pct;
  num: Num;
  errors: FormError[];
  label: (key: MessageKey) => string;
  baseYear: number | undefined;
}

/** A rule for the document: {} for none, undefined when a field has an error (pushed to `errors`). */
function ruleDocument(rule: RuleForm, scope: LeverField, r: Reader): RatioRule | undefined {
  switch (rule.kind) {
    case "":
      return {};
    case "change": {
      // Percentage points a year → ratio units, as percent → fraction (0.5 → 0.005).
      const change = r.pct(`${scope}.change`, "scenario.leverChangePp", rule.change, -100, 100);
      return change === undefined ? undefined : { change };
    }
    case "expr": {
      const expr = rule.expr.trim();
      if (expr === "")
        r.errors.push({ field: `${scope}.expr`, key: "form.required", params: { field: r.label("scenario.leverExprText") } });
      else if (expr.length > EXPR_MAX)
        r.errors.push({ field: `${scope}.expr`, key: "form.tooLong", params: { field: r.label("scenario.leverExprText"), max: EXPR_MAX } });
      else return { expr };
      return undefined;
    }
    case "path": {
      const path: Record<string, number> = {};
      let ok = true;
      let rows = 0;
      rule.path.forEach((row, i) => {
        if (row.year.trim() === "" && row.value.trim() === "") return; // a blank row says nothing
        rows++;
        const yearField: LeverField = `${scope}.path.${i}.year`;
        const year = r.num(yearField, "scenario.leverPathYear", row.year, 1991, 2100, { integer: true });
        const value = r.pct(`${scope}.path.${i}.value`, "scenario.leverPathValue", row.value, 0, 100);
        const yearLabel = r.label("scenario.leverPathYear");
        if (year !== undefined && r.baseYear !== undefined && year <= r.baseYear) {
          // The engine would ignore it (the base year keeps the sheet's ratio): say so here instead.
          r.errors.push({ field: yearField, key: "form.endYear", params: { field: yearLabel, base: r.baseYear } });
          ok = false;
        } else if (year !== undefined && Object.hasOwn(path, String(year))) {
          r.errors.push({ field: yearField, key: "form.pathYear", params: { field: yearLabel, year } });
          ok = false;
        } else if (year === undefined || value === undefined) ok = false;
        else path[String(year)] = value;
      });
      if (rows === 0) {
        r.errors.push({ field: `${scope}.path`, key: "form.pathEmpty", params: { field: r.label("scenario.leverPath") } });
        return undefined;
      }
      return ok ? { path } : undefined;
    }
  }
}

/** The document's `ratios`, undefined when no lever is set (a form without levers gives a version 1 document). */
export function leversDocument(levers: LeversForm, r: Reader): Record<string, unknown> | undefined {
  const ratios: Record<string, unknown> = {};
  for (const lever of RATIO_LEVERS) {
    const form = levers[lever];
    const region = ruleDocument(form.region, ruleScope(lever, null), r);
    const byLevel: Partial<Record<Level, RatioRule>> = {};
    form.byLevel.forEach((group, i) => {
      const rule = ruleDocument(group.rule, ruleScope(lever, i), r);
      if (rule && group.rule.kind !== "") for (const level of group.levels) byLevel[level] = structuredClone(rule);
    });
    const spec = {
      ...region,
      ...(Object.keys(byLevel).length > 0 ? { byLevel } : {}),
      ...(Object.keys(form.byPlatform).length > 0 ? { byPlatform: structuredClone(form.byPlatform) } : {}),
    };
    if (Object.keys(spec).length > 0) ratios[lever] = spec;
  }
  return Object.keys(ratios).length > 0 ? ratios : undefined;
}

// ---- what the pane shows ---------------------------------------------------------------------------

/** Separators of a list ("国家级、省级"), of a line's parts and after a scope, as sheetView.ts and describe.ts join. */
const listSep = (lang: Lang) => (lang === "en" ? ", " : "、");
const partSep = (lang: Lang) => (lang === "en" ? "; " : "；");
const scopeSep = (lang: Lang) => (lang === "en" ? ": " : "：");

/** The form's rule as far as its text reads as one (null while a field is not a number yet), for its summary. */
function readableRule(rule: RuleForm): RatioRule | null {
  const number = (text: string) => NUMBER_TEXT.test(text.trim());
  switch (rule.kind) {
    case "":
      return {};
    case "change":
      return number(rule.change) ? { change: percentToFraction(rule.change) } : null;
    case "path": {
      const rows = rule.path.filter((p) => p.year.trim() !== "" || p.value.trim() !== "");
      if (rows.length === 0 || !rows.every((p) => /^\d{4}$/.test(p.year.trim()) && number(p.value))) return null;
      return { path: Object.fromEntries(rows.map((p) => [p.year.trim(), percentToFraction(p.value)])) };
    }
    case "expr":
      return rule.expr.trim() === "" ? null : { expr: rule.expr.trim() };
  }
}

/** One rule in a line, in the words 运行记录 and the report use (models/levers/describe.ts): "每年 +1.2 个百分点". */
export function ruleSummary(rule: RuleForm, lang: Lang, t: Translate): string {
  const readable = readableRule(rule);
  return readable ? pick(lang, describeRatioRule(readable)) : t("scenario.leverSumPending");
}

/** The levels of a group: "国家级、省级". */
export const levelNames = (levels: readonly Level[], lang: Lang): string =>
  levels.map((l) => pick(lang, LEVEL_LABELS[l])).join(listSep(lang));

/** A lever in a line, for its collapsed header: "国家级、省级：每年 +1.2 个百分点；另有 1 条按平台的设置". */
export function leverSummary(lever: LeverForm, lang: Lang, t: Translate): string {
  const platforms = Object.keys(lever.byPlatform).length;
  const parts = [
    ...(lever.region.kind !== "" || !isLeverSet(lever) ? [ruleSummary(lever.region, lang, t)] : []),
    ...lever.byLevel.map((g) => `${levelNames(g.levels, lang)}${scopeSep(lang)}${ruleSummary(g.rule, lang, t)}`),
    ...(platforms > 0 ? [t("scenario.leverMore", { n: platforms })] : []),
  ];
  return parts.join(partSep(lang));
}

/** The note under a preset with levers: "预设建议：JX-5 …；JX-6 …（…）". */
export function presetLeverNote(preset: Preset, lang: Lang, t: Translate): string | null {
  if (preset.levers.length === 0) return null;
  return t("scenario.leversSuggested", { levers: preset.levers.map((l) => `${l.target} ${pick(lang, l)}`).join(partSep(lang)) });
}
