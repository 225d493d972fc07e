/**
 * 口径 and price basis of the money columns. A header says 规上 ("规上工业产值", "规模以上…") or 全口径; an
 * output or value-added header naming 工业 without 规上 ("工业总产值", "工业增加值") is 全口径 unless the
 * sheet says otherwise. A note above the table sets both for columns that do not say: "口径：规上" /
 * "统计口径：规模以上工业企业" (规上), "口径：全口径"; "（可比价）" / "按可比价计算" / "不变价" (可比价),
 * "现价" / "当年价" (现价). The model's output and value added are 规上: a 全口径 column is read as 规上 with
 * a note naming its header cell (scenario inputs.outputScope "accept" drops the note).
 */
import type { FieldSpec } from "./fields.js";
import type { IssueList } from "./issues.js";
import { cellText } from "./cells.js";
import { normaliseText } from "./text.js";
import type { PriceBasis, Scope, SheetIssue } from "./types.js";
import type { GridView } from "./view.js";

export interface SheetMarks {
  scope: Scope | null;
  prices: PriceBasis | null;
}

/** The note code a 全口径 output or value-added column gets; the pipeline drops it when the scenario accepts it. */
export const OUTPUT_SCOPE_CODE = "SHEET_OUTPUT_SCOPE";

const SCOPE_WORDS: readonly [RegExp, Scope][] = [
  [/全口径/, "全口径"],
  [/规上|规模以上/, "规上"],
];
const PRICE_WORDS: readonly [RegExp, PriceBasis][] = [
  [/可比价|不变价/, "可比价"],
  [/现价|当年价/, "现价"],
];
/** Headers of output / value added that name industry as a whole: 全口径 unless 规上 is said. */
const WHOLE_INDUSTRY = /工业|gross|industrial/i;
/** The fields the model reads as 规上. */
const SCOPED_FIELDS = new Set<string>(["output", "valueAdded"]);

const first = <T>(words: readonly [RegExp, T][], text: string): T | null => words.find(([re]) => re.test(text))?.[1] ?? null;

/** The marks in rows [0, end): a 口径 note ("口径：规上") and a price word anywhere above the table. */
export function sheetMarks(view: GridView, end: number): SheetMarks {
  const marks: SheetMarks = { scope: null, prices: null };
  for (let r = 0; r < end; r++) {
    for (let c = 0; c < view.colCount; c++) {
      const text = normaliseText(cellText(view.value(r, c)));
      if (!text) continue;
      if (marks.scope === null && /口径/.test(text)) marks.scope = first(SCOPE_WORDS, text);
      marks.prices ??= first(PRICE_WORDS, text);
    }
  }
  return marks;
}

export function columnScope(spec: FieldSpec, header: string, marks: SheetMarks): Scope | null {
  if (spec.kind !== "money") return null;
  const text = normaliseText(header);
  const own = first(SCOPE_WORDS, text);
  if (own) return own;
  if (SCOPED_FIELDS.has(spec.field) && WHOLE_INDUSTRY.test(text)) return marks.scope ?? "全口径";
  return marks.scope;
}

export function columnPrices(spec: FieldSpec, header: string, marks: SheetMarks): PriceBasis | null {
  if (spec.kind !== "money") return null;
  return first(PRICE_WORDS, normaliseText(header)) ?? marks.prices;
}

interface ScopedColumn {
  field: string;
  spec: FieldSpec;
  header: string;
  cell: string;
  scope: Scope | null;
  prices: PriceBasis | null;
}

/** A note for each 全口径 output / value-added column, and one for money columns in different price bases. */
export function reportScope(plans: readonly ScopedColumn[], issues: IssueList): void {
  for (const p of plans) {
    if (!SCOPED_FIELDS.has(p.field) || p.scope !== "全口径") continue;
    issues.warn(
      OUTPUT_SCOPE_CODE,
      p.cell,
      `列“${p.header}”不是规上口径，按${p.spec.zh}读取；如确为规上数据，可在表上方注明“口径：规上”，或在情景中设 inputs.outputScope: "accept"`,
      `column "${p.header}" is not stated as 规上 (above designated size); read as ${p.spec.en} (规上). If the figures are 规上, note "口径：规上" above the table or set inputs.outputScope: "accept" in the scenario`,
    );
  }
  const priced = plans.filter((p) => p.prices !== null);
  const basis = sheetPrices(plans);
  for (const p of priced) {
    if (p.prices === basis) continue;
    issues.warn(
      "SHEET_MIXED_PRICES",
      p.cell,
      `列“${p.header}”为${p.prices}，与产值的${basis}不同；各列按所写读取，增长按${basis}计`,
      `column "${p.header}" is at ${p.prices === "现价" ? "current" : "comparable"} prices, unlike output (${basis === "现价" ? "current" : "comparable"}); each column is read as written, growth is taken at the output's basis`,
    );
  }
}

/** The sheet's price basis: the output column's, else the first money column that says. */
export function sheetPrices(plans: readonly Pick<ScopedColumn, "field" | "prices">[]): PriceBasis | null {
  return plans.find((p) => p.field === "output")?.prices ?? plans.find((p) => p.prices !== null)?.prices ?? null;
}

/** The sheet's issues without the 全口径 notes: what a scenario with inputs.outputScope "accept" shows. */
export function acceptOutputScope(issues: readonly SheetIssue[]): SheetIssue[] {
  return issues.filter((i) => i.code !== OUTPUT_SCOPE_CODE);
}
