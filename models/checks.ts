/**
 * From the scenario's `targets` (a preset id, target ids, custom objects) to checks: one per subject
 * (each main platform, each county, the region), each with its step and evaluability.
 */
import type { Compiled } from "./compile.js";
import { isExiting, type Platform } from "./platform.js";
import { findPreset, PRESETS } from "./presets.js";
import type { Bilingual } from "./results.js";
import { REGION_NAME, type Unit } from "./rollup.js";
import { ScenarioError, type Scenario } from "./scenario.js";
import { customTargetSchema, whereList, type Metric, type References, type TargetDef, type TargetSubjects } from "./targetSchema.js";
import {
  compare,
  dataReason,
  isReferenceMetric,
  isStaticMetric,
  needsReference,
  REFERENCE_FORM,
  REFERENCE_METRIC_SPECS,
  staticValue,
  type Check,
  type SheetField,
} from "./targets.js";

/** Expand the scenario's `targets` into validated definitions, in order, without duplicates. */
export function resolveTargets(targets: Scenario["targets"]): TargetDef[] {
  const list = typeof targets === "string" ? [targets] : targets;
  const defs: TargetDef[] = [];
  const seen = new Set<string>();
  const add = (input: unknown) => {
    const def = customTargetSchema.parse(input);
    if (!seen.has(def.id)) defs.push(def);
    seen.add(def.id);
  };
  for (const item of list) {
    if (typeof item !== "string") {
      add(item);
      continue;
    }
    const preset = findPreset(item);
    if (preset) {
      preset.targets.forEach(add);
      continue;
    }
    const single = PRESETS.flatMap((p) => p.targets).find((t) => t.id === item);
    if (!single) {
      const known = PRESETS.map((p) => p.id).join(", ");
      throw new ScenarioError([
        {
          path: "targets",
          zh: `未知的预设或目标编号“${item}”（预设：${known}）`,
          en: `unknown preset or target id "${item}" (presets: ${known})`,
        },
      ]);
    }
    add(single);
  }
  return defs;
}

/** The unit a platform stands for as a subject: a main platform's roll-up, else the platform alone. */
function subjectUnit(
  i: number,
  platforms: readonly Platform[],
  units: Unit[],
  single: Map<number, number>,
  mains: Map<string, number>,
): number {
  const p = platforms[i];
  if (p.status === "main") return mains.get(p.name) ?? -1;
  let u = single.get(i);
  if (u === undefined) {
    u = units.length;
    units.push({ name: p.name, kind: "platform", members: Int32Array.of(i) });
    single.set(i, u);
  }
  return u;
}

function selects(subjects: TargetSubjects, p: Platform): boolean {
  if (subjects === "main") return p.status === "main";
  if (subjects === "all") return p.status !== "subPark";
  if (subjects.names) return subjects.names.includes(p.name);
  if (p.status === "subPark") return false;
  if (subjects.statuses && !subjects.statuses.includes(p.status)) return false;
  if (subjects.levels && (p.level === null || !subjects.levels.includes(p.level))) return false;
  if (subjects.nameOrCountyIncludes && !subjects.nameOrCountyIncludes.some((s) => p.name.includes(s) || p.county.includes(s))) return false;
  return true;
}

/**
 * Build the checks. `units` (the roll-ups) is extended with single-platform units for subjects that are
 * not main platforms. Thresholds relative to base are filled in later from the base-year values.
 * `references`: the scenario's figures of the city, which reference metrics read.
 */
export function buildChecks(
  defs: TargetDef[],
  platforms: readonly Platform[],
  c: Compiled,
  units: Unit[],
  lastReportYear: number,
  references: References = {},
): Check[] {
  const checks: Check[] = [];
  const has: Record<SheetField, Uint8Array> = { ...c.has, emissions: Uint8Array.from(platforms, (p) => (p.emissions !== null ? 1 : 0)) };
  const single = new Map<number, number>();
  const region = units.findIndex((u) => u.kind === "region");
  // Looked up once, not per subject (a 100,000-platform sheet has 10,000 main platforms and counties).
  const mains = new Map<string, number>();
  units.forEach((u, k) => {
    if (u.kind === "main" && !mains.has(u.name)) mains.set(u.name, k);
  });
  const unitIndex = new Map(units.map((u, k) => [u, k]));
  let current = defs[0];
  for (const def of defs) {
    current = def;
    const year = def.year ?? lastReportYear;
    const step = year - c.baseYear;
    const base = {
      def,
      level: def.level,
      year,
      step,
      unit: -1,
      countUnits: new Int32Array(0),
      shareMembers: new Int32Array(0),
      shareCounted: new Uint8Array(0),
      countStatic: new Uint8Array(0),
      conditions: [],
      scale: 1,
      add: 0,
      perStep: new Float64Array(0),
      threshold: def.threshold,
      thresholdMax: def.allowanceMax ?? def.thresholdMax ?? NaN,
      strictMax: def.allowanceMax !== undefined ? (def.thresholdMax ?? NaN) : NaN,
      baseValue: null,
      evaluable: true,
      reason: null as Bilingual | null,
      notes: [] as Bilingual[],
    };
    const subjectsOf = (members: ArrayLike<number>) => Array.from(members).filter((i) => selects(def.subjects, platforms[i]));
    const push = (subject: string, extra: Partial<Check>) => {
      const check: Check = { ...base, subject, ...extra };
      if (check.evaluable && def.notEvaluable) Object.assign(check, { evaluable: false, reason: def.notEvaluable });
      else if (check.evaluable && (step < 0 || step > c.steps)) {
        Object.assign(check, {
          evaluable: false,
          reason: {
            zh: `目标年份 ${year} 不在预测期 ${c.baseYear}–${c.years[c.steps]} 内`,
            en: `target year ${year} is outside the projection ${c.baseYear}–${c.years[c.steps]}`,
          },
        });
      }
      checks.push(check);
    };
    if (def.notEvaluable) {
      push(def.level === "region" ? REGION_NAME : "—", {});
      continue;
    }
    const scopes = def.level === "county" ? units.filter((u) => u.kind === "county") : def.level === "region" ? [units[region]] : [];
    if (def.level === "platform") {
      const subjects = subjectsOf(units[region].members);
      if (subjects.length === 0)
        push("—", {
          evaluable: false,
          reason: { zh: "平台表中没有符合条件的平台", en: "no platform in the sheet matches the target's subjects" },
        });
      for (const i of subjects) {
        const unit = subjectUnit(i, platforms, units, single, mains);
        if (def.aggregate === "count") push(units[unit].name, counting(Int32Array.of(unit)));
        else push(units[unit].name, { unit, ...evaluability(def, units[unit].members) });
      }
      continue;
    }
    for (const scope of scopes) {
      if (def.aggregate === "share") {
        const members = Array.from(scope.members).filter((i) => platforms[i].status !== "subPark" || def.subjects !== "main");
        // 1 = counted once it has exited (by its exit year), 2 = counted whatever the year (a status that does not exit).
        const counted = Uint8Array.from(members, (i) =>
          !def.statuses!.includes(platforms[i].status) ? 0 : isExiting(platforms[i]) ? 1 : 2,
        );
        push(scope.name, { shareMembers: Int32Array.from(members), shareCounted: counted });
      } else if (def.aggregate === "count") {
        push(scope.name, counting(Int32Array.from(subjectsOf(scope.members), (i) => subjectUnit(i, platforms, units, single, mains))));
      } else {
        const unit = unitIndex.get(scope)!;
        push(scope.name, { unit, ...evaluability(def, scope.members) });
      }
    }
  }
  return checks;

  /**
   * A count over `countUnits`: every condition of `where` must hold for a unit to count. Conditions on
   * figures the path does not move are settled here (countStatic); the others are checked per step.
   */
  function counting(countUnits: Int32Array): Partial<Check> {
    const def = current;
    const list = whereList(def.where);
    const notes: Bilingual[] = [];
    const all = Array.from(countUnits).flatMap((u) => Array.from(units[u].members));
    for (const w of list) {
      const data = dataReason(has, w.metric, all);
      if (data.reason) return { countUnits, evaluable: false, reason: data.reason, notes: data.notes };
      notes.push(...data.notes);
    }
    const countStatic = Uint8Array.from(countUnits, (u) =>
      list.every(
        (w) => !isStaticMetric(w.metric) || compare(staticValue(w.metric, platforms, units[u].members), w.comparison, w.threshold, NaN),
      )
        ? 1
        : 0,
    );
    return { countUnits, countStatic, conditions: list.filter((w) => !isStaticMetric(w.metric)), notes };
  }

  /** Sheet data and, for reference metrics, the scenario's `references` a value target needs. */
  function evaluability(def: TargetDef, members: ArrayLike<number>): Partial<Check> {
    const { reason, notes } = dataReason(has, def.metric, members);
    if (reason) return { evaluable: false, reason, notes };
    if (!def.metric || !isReferenceMetric(def.metric)) return { notes };
    const found = referenceSetup(def, def.metric, members);
    return "reason" in found ? { evaluable: false, reason: found.reason, notes } : { ...found, notes };
  }

  function referenceSetup(def: TargetDef, metric: Metric & keyof typeof REFERENCE_METRIC_SPECS, members: ArrayLike<number>) {
    const spec = REFERENCE_METRIC_SPECS[metric];
    const steps1 = c.steps + 1;
    const ids = Array.from(members);
    if (metric === "emissions") {
      // Emissions move with the unit's energy at its base year's emissions per unit of energy (model.md: held at base).
      const energy0 = ids.reduce((s, i) => s + c.energyIntensity0[i] * c.vaRatio[i] * c.output0[i], 0);
      const emissions0 = ids.reduce((s, i) => s + (platforms[i].emissions ?? 0), 0);
      return { scale: energy0 > 0 ? emissions0 / energy0 : NaN };
    }
    const field = spec.reference!;
    const given = references[field];
    if (given === undefined) return { reason: needsReference(field) };
    if (metric === "cityIndustrialLand") {
      // The city's land outside the platforms is held at its base-year area: the platforms' change is the city's.
      return { add: (given as number) - ids.reduce((s, i) => s + c.land0[i], 0) };
    }
    const perStep = new Float64Array(steps1).fill(NaN);
    const step = def.year !== undefined ? def.year - c.baseYear : lastReportYear - c.baseYear;
    const missing: number[] = [];
    if (spec.form === REFERENCE_FORM.share) {
      const byYear = given as Record<string, number>;
      for (let k = 0; k < steps1; k++) perStep[k] = byYear[String(c.years[k])] ?? NaN;
      const needed = def.relativeTo === "base" ? [0, step] : [step];
      for (const k of needed) if (k >= 0 && k < steps1 && !(perStep[k] > 0)) missing.push(c.years[k]);
    } else {
      // The city's average annual growth from the base year to year k: the geometric mean of its yearly rates.
      let product = 1;
      for (let k = 1; k < steps1; k++) {
        const g = typeof given === "number" ? given : (given as Record<string, number>)[String(c.years[k])];
        if (g === undefined) {
          if (k <= step) missing.push(c.years[k]);
          product = NaN;
        } else product *= 1 + g;
        perStep[k] = Math.pow(product, 1 / k) - 1;
      }
    }
    return missing.length > 0 ? { reason: needsReference(field, missing) } : { perStep };
  }
}
