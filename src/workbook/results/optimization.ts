/**
 * 优化配置 (written by `parkplan optimize`): the objective against the scenario's own strategy, the optimal
 * grants per platform and year, the energy quotas under a cap, every shadow price with its sentence, the
 * constraints that conflict when there is no feasible plan, and the targets' probabilities under the
 * plan's Monte Carlo. Chart blocks below: the grants as clustered bars per platform, the shadow prices of
 * the quota and the cap by year.
 */
import type { Bilingual } from "../../../models/vocabulary.js";
import {
  conflictSentence,
  objectiveSentence,
  OBJECTIVE_LABELS,
  shadowSentence,
  SPAN_LABELS,
  type AllocationPlan,
  type ShadowKind,
} from "../../../models/decisions/optimize/index.js";
import type { SimulationResult } from "../../../models/results.js";
import type { ChartSpec, SheetSpec, SpecCell } from "../sheetSpec.js";
import { englishUnits, MET_TERMS } from "./labels.js";
import { num, SheetBuilder, sheetTitle, text } from "./layout.js";
import { SHEET_NAMES } from "./sheetNames.js";
import { printSetup } from "./print.js";
import { words, type Words } from "./language.js";

export const OPTIMIZE_TABLES = {
  objective: "PP_Optimize_Objective",
  land: "PP_Optimize_Land",
  energy: "PP_Optimize_Energy",
  shadow: "PP_Optimize_Shadow",
  conflicts: "PP_Optimize_Conflicts",
  targets: "PP_Optimize_Targets",
} as const;
export const ALLOCATION_CHART = "PP_Chart_Optimize_Land";
export const SHADOW_CHART = "PP_Chart_Optimize_Shadow";

/** Platforms drawn in the allocation chart at most (the table lists all). */
export const MAX_CHART_PLATFORMS = 30;
const CHART = { width: 560, height: 300 };
const CHART_ROWS = Math.ceil(CHART.height / 20) + 1;

const SHADOW_KIND_LABELS = {
  land: { zh: "新增用地指标（亿元/亩）", en: "land quota (亿元 per 亩)" },
  energy: { zh: "能耗总量上限（亿元/万吨标煤）", en: "energy cap (亿元 per 万吨标煤)" },
  headroom: { zh: "平台可开发空间（亿元/亩）", en: "platform headroom (亿元 per 亩)" },
} satisfies Record<ShadowKind, Bilingual>;

export interface OptimizationSheetInput {
  scenarioName: string;
  plan: AllocationPlan;
  /** The plan's Monte Carlo (null when infeasible). */
  result: SimulationResult | null;
  /** Platforms in the sheet's order. */
  order: readonly string[];
  /** The name the plan's run is stored under (src/pipeline/storedResults.ts optimalRunName); absent when not stored. */
  storedAs?: string | null;
}

/**
 * This sheet's bilingual texts, "中文 / English" always spaced (as it was first written); the English of an
 * English sheet with its units in English ("亿元" → "100M yuan").
 */
const sayer = (w: Words) => (zh: string, en: string) => (w.lang === "both" ? `${zh} / ${en}` : closeSayer(w)(zh, en));
/** As `sayer`, with the sheets' usual "（亩）/ English" after a full-width bracket (Words). */
const closeSayer = (w: Words) => (zh: string, en: string) => w(zh, w.lang === "en" ? englishUnits(en) : en);
const sayOf = (w: Words) => (label: Bilingual) => sayer(w)(label.zh, label.en);

/** The step-major values of each platform (sheet order) and the given steps, with a total column. */
function yearTable(plan: AllocationPlan, values: Float64Array, steps: number[], order: readonly string[], fmt: "int" | "yi"): SpecCell[][] {
  const n = plan.names.length;
  const index = new Map(plan.names.map((name, i) => [name, i]));
  return order.flatMap((name) => {
    const i = index.get(name);
    if (i === undefined) return [];
    const row = steps.map((k) => values[k * n + i]);
    return [
      [
        text(name),
        ...row.map((v) => num(v, fmt)),
        num(
          row.reduce((a, b) => a + b, 0),
          fmt,
        ),
      ],
    ];
  });
}

export function buildOptimizationSheet(input: OptimizationSheetInput, w: Words = words()): SheetSpec {
  const { plan, result, order } = input;
  const header = sayer(w);
  const of = sayOf(w);
  const b = new SheetBuilder();
  const title = `${sheetTitle(input.scenarioName, w)} · ${header("优化配置", "Optimal allocation")}`;
  b.title(title, 8);
  b.note(of(objectiveSentence(plan)));
  b.note(
    header(
      `线性规划：${plan.size.rows} 行 × ${plan.size.columns} 列，${plan.size.nonzeros} 个非零系数（HiGHS）；影子价格为对偶值，在配置不变的范围内有效。`,
      `LP: ${plan.size.rows} rows × ${plan.size.columns} columns, ${plan.size.nonzeros} non-zeros (HiGHS); shadow prices are duals, valid while the optimal split keeps its shape.`,
    ),
  );
  if (result) b.note(planRunNote(result, input.storedAs ?? null, w));
  const o = plan.objective;
  b.table(
    OPTIMIZE_TABLES.objective,
    [
      header("目标函数", "Objective"),
      header("口径", "Over"),
      header("年份", "Years"),
      header("最优（亿元）", "Optimal (亿元)"),
      header("情景原策略（亿元）", "Scenario's strategy (亿元)"),
      header("差值（亿元）", "Difference (亿元)"),
    ],
    [
      [
        text(of(OBJECTIVE_LABELS[o.kind])),
        text(of(SPAN_LABELS[o.over])),
        text(o.years.length === 1 ? String(o.years[0]) : `${o.years[0]}–${o.years[o.years.length - 1]}`),
        num(o.value, "yi"),
        num(o.baseline, "yi"),
        num(o.value === null ? null : o.value - o.baseline, "yi"),
      ],
    ],
  );
  b.blank();
  if (!plan.feasible) {
    b.row([text(header("约束冲突", "Conflicting constraints"), "title")]);
    b.table(
      OPTIMIZE_TABLES.conflicts,
      [
        header("类型", "Kind"),
        header("对象", "Subject"),
        header("年份", "Year"),
        header("要求", "Required"),
        header("差额", "Shortfall"),
        ...explanationHeaders(w),
      ],
      plan.conflicts.map((c) => {
        const sentence = conflictSentence(c);
        return [
          text(c.kind === "target" ? c.id : c.kind),
          text(c.subject),
          num(c.year),
          num(c.required),
          num(c.shortfall),
          ...explanationCells(sentence, w),
        ];
      }),
    );
    return b.build(SHEET_NAMES.optimization, 3, printSetup(w, title));
  }
  const grantSteps = Array.from(plan.built.quotaRow.entries())
    .filter(([k, r]) => k > 0 && r >= 0)
    .map(([k]) => k);
  b.row([text(closeSayer(w)("最优新增用地（亩）", "Optimal land grants (亩)"), "title")]);
  b.table(
    OPTIMIZE_TABLES.land,
    [header("平台", "Platform"), ...grantSteps.map((k) => header(`${plan.years[k]} 年`, String(plan.years[k]))), header("合计", "Total")],
    yearTable(plan, plan.grants, grantSteps, order, "int"),
  );
  b.blank();
  if (plan.energy) {
    const steps = plan.years.map((_, k) => k).filter((k) => k > 0);
    b.row([text(closeSayer(w)("能耗指标（万吨标煤）", "Energy quotas (万吨标煤)"), "title")]);
    b.table(
      OPTIMIZE_TABLES.energy,
      [header("平台", "Platform"), ...steps.map((k) => header(`${plan.years[k]} 年`, String(plan.years[k]))), header("合计", "Total")],
      yearTable(plan, plan.energy, steps, order, "yi"),
    );
    b.blank();
  }
  b.row([text(header("影子价格", "Shadow prices"), "title")]);
  const prices = (["land", "energy", "headroom"] as const).flatMap((kind) => plan.shadow[kind].map((p) => ({ kind, p })));
  b.table(
    OPTIMIZE_TABLES.shadow,
    [
      header("约束", "Constraint"),
      header("年份", "Year"),
      header("平台", "Platform"),
      header("影子价格（亿元）", "Shadow price (亿元)"),
      header("折合万元", "In 万元"),
      ...explanationHeaders(w),
    ],
    prices.map(({ kind, p }) => {
      const sentence = shadowSentence(plan, kind, p);
      return [
        text(of(SHADOW_KIND_LABELS[kind])),
        num(p.year),
        text(p.platform),
        num(p.value),
        num(p.value * 1e4, "yi"),
        ...explanationCells(sentence, w),
      ];
    }),
  );
  b.blank();
  if (result && result.targets.length > 0) {
    b.row([text(header("最优配置下的目标", "Targets under the optimal allocation"), "title")]);
    b.table(
      OPTIMIZE_TABLES.targets,
      [
        header("编号", "ID"),
        header("对象", "Subject"),
        header("年份", "Year"),
        header("数值", "Value"),
        header("达标", "Met"),
        header("达标概率", "Probability"),
      ],
      result.targets.map((t) => [
        text(t.id),
        text(t.subject),
        num(t.year),
        num(t.value),
        text(t.met === null ? "—" : w.one(t.met ? MET_TERMS.yes : MET_TERMS.no)),
        num(t.probability, "pct"),
      ]),
    );
    b.blank();
  }
  const charts = chartBlocks(b, plan, grantSteps, order, w);
  return { ...b.build(SHEET_NAMES.optimization, 3, printSetup(w, title)), charts };
}

/** A sentence's explanation: a column per language in a bilingual sheet, else its language's. */
const explanationHeaders = (w: Words): string[] =>
  w.lang === "both" ? ["说明 / Explanation", "说明（英文） / Explanation (English)"] : [w("说明", "Explanation")];
const explanationCells = (x: Bilingual, w: Words): SpecCell[] =>
  w.lang === "both" ? [text(x.zh), text(x.en)] : [text(w.lang === "en" ? englishUnits(x.en) : x.zh)];

/** Which Monte Carlo the targets below come from, and where its run is stored (PARKPLAN.SCENARIO, reproduce). */
function planRunNote(result: SimulationResult, storedAs: string | null, w: Words): string {
  const mc = result.monteCarlo;
  const zh = mc ? `最优配置的蒙特卡洛 ${mc.runs} 次，种子 ${mc.seed}` : "最优配置的确定性路径";
  const en = mc ? `the optimal grants' Monte Carlo: ${mc.runs} runs, seed ${mc.seed}` : "the optimal grants' deterministic path";
  const say = sayer(w);
  if (storedAs === null) return say(zh, en);
  return say(
    `${zh}；已保存为运行记录“${storedAs}”（PARKPLAN.SCENARIO 可读，parkplan reproduce 可复现）`,
    `${en}; stored as run "${storedAs}" (read by PARKPLAN.SCENARIO, re-run by parkplan reproduce)`,
  );
}

function pad(b: SheetBuilder, from: number): void {
  while (b.size < from + CHART_ROWS) b.blank();
}

/** The chart data blocks (platforms with grants × grant years; years × shadow prices) and their charts. */
function chartBlocks(b: SheetBuilder, plan: AllocationPlan, grantSteps: number[], order: readonly string[], w: Words): ChartSpec[] {
  const header = sayer(w);
  const n = plan.names.length;
  const index = new Map(plan.names.map((name, i) => [name, i]));
  const granted = order.filter((name) => grantSteps.some((k) => plan.grants[k * n + (index.get(name) ?? 0)] > 0) && index.has(name));
  const charts: ChartSpec[] = [];
  b.row([text(header("图表数据", "Chart data"), "title")]);
  if (granted.length > 0 && grantSteps.length > 0) {
    const shown = granted.slice(0, MAX_CHART_PLATFORMS);
    const start = b.note(
      shown.length < granted.length
        ? header(
            `图表数据：最优新增用地（亩），仅绘制前 ${shown.length} 个获配平台`,
            `Chart data: optimal land grants (亩), the first ${shown.length} platforms with grants`,
          )
        : closeSayer(w)("图表数据：最优新增用地（亩）", "Chart data: optimal land grants (亩)"),
    );
    const top = b.row([text(header("平台", "Platform"), "header"), ...grantSteps.map((k) => text(String(plan.years[k]), "header"))]);
    for (const name of shown) {
      const i = index.get(name)!;
      b.row([text(name), ...grantSteps.map((k) => num(plan.grants[k * n + i], "int"))]);
    }
    pad(b, start);
    charts.push({
      name: ALLOCATION_CHART,
      title: header("最优新增用地", "Optimal land grants"),
      type: "columnClustered",
      range: { top, left: 0, bottom: top + shown.length, right: grantSteps.length },
      xAxisTitle: header("平台", "Platform"),
      yAxisTitle: header("亩", "mu"),
      position: { row: start, col: 6, ...CHART },
    });
  }
  const land = new Map(plan.shadow.land.map((p) => [p.year, p.value]));
  const energy = new Map(plan.shadow.energy.map((p) => [p.year, p.value]));
  const years = [...new Set([...land.keys(), ...energy.keys()])].sort((x, y) => (x ?? 0) - (y ?? 0));
  if (years.length > 0) {
    const capped = energy.size > 0;
    const start = b.note(closeSayer(w)("图表数据：影子价格（亿元）", "Chart data: shadow prices (亿元)"));
    const heads = [
      header("年份", "Year"),
      header("每亩用地指标", "per 亩 of quota"),
      ...(capped ? [header("每万吨标煤", "per 万吨标煤 of cap")] : []),
    ];
    const top = b.row(heads.map((h) => text(h, "header")));
    for (const y of years) b.row([text(String(y)), num(land.get(y)), ...(capped ? [num(energy.get(y))] : [])]);
    pad(b, start);
    charts.push({
      name: SHADOW_CHART,
      title: header("影子价格", "Shadow prices"),
      type: "columnClustered",
      range: { top, left: 0, bottom: top + years.length, right: heads.length - 1 },
      xAxisTitle: header("年份", "Year"),
      yAxisTitle: header("亿元", "100M yuan"),
      position: { row: start, col: 6, ...CHART },
    });
  }
  return charts;
}
