/**
 * PARKPLAN.SCORE and PARKPLAN.CLASS: argument checks around models/scoreTable.ts (the 亩均 evaluation
 * rules of models/evaluation.ts on a plain table). Rows are platforms, columns indicators; blank rows
 * (no value at all) are not platforms and give blank results.
 */
import { classesByRank, scoreTable } from "../../models/scoreTable.js";
import { isBlank, numberList, numberMatrix, type ArgName } from "./args.js";
import { cellError } from "./errors.js";

/** Class shares A, B, C, D when none are given (the scenario's default classCuts). */
export const DEFAULT_SHARES: [number, number, number, number] = [0.2, 0.6, 0.15, 0.05];

const allBlank = (row: readonly number[]) => row.every((x) => Number.isNaN(x));

function perIndicator(v: unknown, name: ArgName, k: number): number[] {
  const list = numberList(v, name);
  if (list.length !== k)
    throw cellError(
      "invalidValue",
      `${name[0]}个数（${list.length}）与指标列数（${k}）不符`,
      `${name[1]} has ${list.length} cells for ${k} indicator columns`,
    );
  return list;
}

function check(list: number[], name: ArgName, ok: (x: number) => boolean, zh: string, en: string): number[] {
  if (list.some((x) => Number.isNaN(x)))
    throw cellError("invalidValue", `${name[0]}不能有空单元格`, `${name[1]} must not have blank cells`);
  if (!list.every(ok)) throw cellError("invalidValue", `${name[0]}${zh}`, `${name[1]} ${en}`);
  return list;
}

/** Item caps as multiples of the weights: one number for all, one per indicator, or none (blank). */
function caps(v: unknown, k: number): number[] {
  const name: ArgName = ["封顶倍数", "caps"];
  const list = isBlank(v) ? [] : numberList(v, name);
  if (list.every((x) => Number.isNaN(x))) return new Array<number>(k).fill(Infinity);
  if (list.length !== 1 && list.length !== k)
    throw cellError("invalidValue", `封顶倍数应为 1 个或 ${k} 个`, `caps must be one number or ${k}`);
  const each = (list.length === 1 ? new Array<number>(k).fill(list[0]) : list).map((x) => (Number.isNaN(x) ? Infinity : x));
  if (!each.every((x) => x > 0)) throw cellError("invalidValue", "封顶倍数应大于 0", "caps must be greater than 0");
  return each;
}

/** Scores of the rows of `values` as a column; blank rows give "". */
export function scoreColumn(valuesArg: unknown, benchmarksArg: unknown, weightsArg: unknown, capsArg: unknown): (number | string)[][] {
  const values = numberMatrix(valuesArg, ["指标值", "values"]);
  const k = values[0]?.length ?? 0;
  const rows = values.filter((row) => !allBlank(row));
  if (rows.length === 0) throw cellError("invalidValue", "指标值区域没有数字", "values holds no numbers");
  const benchmarks = check(
    perIndicator(benchmarksArg, ["基准值", "benchmarks"], k),
    ["基准值", "benchmarks"],
    (x) => x > 0,
    "应大于 0",
    "must be greater than 0",
  );
  const weights = check(
    perIndicator(weightsArg, ["权重", "weights"], k),
    ["权重", "weights"],
    (x) => x >= 0,
    "不能为负",
    "must not be negative",
  );
  if (!weights.some((w) => w > 0)) throw cellError("invalidValue", "权重不能全为 0", "weights must not all be 0");
  const scores = scoreTable(rows, benchmarks, weights, caps(capsArg, k));
  let next = 0;
  return values.map((row) => [allBlank(row) ? "" : scores[next++]]);
}

function shares(v: unknown): [number, number, number, number] {
  if (isBlank(v)) return DEFAULT_SHARES;
  const name: ArgName = ["分类比例", "cuts"];
  const list = check(numberList(v, name), name, (x) => x >= 0, "不能为负", "must not be negative");
  const total = list.reduce((s, x) => s + x, 0);
  const scale = Math.abs(total - 1) <= 1e-9 ? 1 : Math.abs(total - 100) <= 1e-7 ? 100 : NaN;
  if (list.length !== 4 || Number.isNaN(scale)) {
    throw cellError(
      "invalidValue",
      "分类比例应为 A、B、C、D 四个数，合计 100% (或 1)",
      "cuts must be four shares A, B, C, D adding up to 100% (or 1)",
    );
  }
  return list.map((x) => x / scale) as [number, number, number, number];
}

/** Classes A–D of the scores ranked among themselves, in the shape they were given; blanks stay blank. */
export function classMatrix(scoresArg: unknown, cutsArg: unknown): string[][] {
  const scores = numberMatrix(scoresArg, ["得分", "scores"]);
  const ranked = scores.flat().filter((x) => !Number.isNaN(x));
  if (ranked.length === 0) throw cellError("invalidValue", "没有可分类的得分", "no scores to classify");
  const classes = classesByRank(ranked, shares(cutsArg));
  let next = 0;
  return scores.map((row) => row.map((x) => (Number.isNaN(x) ? "" : classes[next++])));
}
