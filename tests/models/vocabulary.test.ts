/**
 * The one vocabulary (models/vocabulary.ts): every label present in both languages, Chinese labels
 * distinct within a table, each table covering exactly its model union, figures formatted by style, and
 * no strategy spelled in Chinese anywhere else in src/ or models/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { LEVELS, STATUSES } from "../../models/platform.js";
import { ALLOCATION_STRATEGIES, CLASSES, INDICATORS } from "../../models/scenario.js";
import { COMPARISONS, METRICS } from "../../models/targetSchema.js";
import {
  BINDING_LABELS,
  bilingual,
  CHECK_OUTCOME_LABELS,
  checkOutcome,
  CLASS_LABELS,
  COMPARISON_LABELS,
  formatFigure,
  GROWTH_MODEL_LABELS,
  INDICATOR_TERMS,
  isStrategy,
  LEVEL_LABELS,
  METRIC_TERMS,
  ROLLUP_KIND_LABELS,
  STATUS_LABELS,
  STRATEGY_CHOICES,
  STRATEGY_LABELS,
  TARGET_LEVEL_LABELS,
  termKeys,
  type Bilingual,
} from "../../models/vocabulary.js";

const LABEL_TABLES: Record<string, Record<string, Bilingual>> = {
  STRATEGY_LABELS,
  GROWTH_MODEL_LABELS,
  LEVEL_LABELS,
  STATUS_LABELS,
  CLASS_LABELS,
  TARGET_LEVEL_LABELS,
  ROLLUP_KIND_LABELS,
  BINDING_LABELS,
  COMPARISON_LABELS,
  CHECK_OUTCOME_LABELS,
  "METRIC_TERMS names": Object.fromEntries(Object.entries(METRIC_TERMS).map(([k, t]) => [k, t.name])),
  "METRIC_TERMS units": Object.fromEntries(Object.entries(METRIC_TERMS).map(([k, t]) => [k, t.unit])),
  "INDICATOR_TERMS names": Object.fromEntries(Object.entries(INDICATOR_TERMS).map(([k, t]) => [k, t.name])),
};
/** Tables whose entries name different things, so two entries with one Chinese name would be ambiguous. */
const NAMING_TABLES = Object.keys(LABEL_TABLES).filter((name) => !name.endsWith("units"));

describe("label tables", () => {
  test.each(Object.keys(LABEL_TABLES))("%s: every label is non-empty in Chinese and in English", (name) => {
    for (const [key, label] of Object.entries(LABEL_TABLES[name])) {
      expect(label.zh.trim(), `${name}.${key}.zh`).not.toBe("");
      expect(label.en.trim(), `${name}.${key}.en`).not.toBe("");
    }
  });

  test.each(NAMING_TABLES)("%s: no two entries share a Chinese label", (name) => {
    const zh = Object.values(LABEL_TABLES[name]).map((l) => l.zh);
    expect(new Set(zh).size, zh.join(" ")).toBe(zh.length);
  });

  test("each table covers exactly the model's union, in the model's order where the model lists one", () => {
    expect(STRATEGY_CHOICES).toEqual([...ALLOCATION_STRATEGIES]);
    expect(termKeys(LEVEL_LABELS)).toEqual([...LEVELS]);
    expect(termKeys(STATUS_LABELS)).toEqual([...STATUSES]);
    expect(termKeys(CLASS_LABELS)).toEqual([...CLASSES]);
    expect(termKeys(INDICATOR_TERMS)).toEqual([...INDICATORS]);
    expect(termKeys(COMPARISON_LABELS)).toEqual([...COMPARISONS]);
    expect(termKeys(METRIC_TERMS).sort()).toEqual([...METRICS, "count", "share"].sort());
  });

  test("an indicator that is also a metric has the metric's name (研发投入占比, not a second name)", () => {
    expect(INDICATOR_TERMS.rdShare.name).toEqual({ zh: "研发投入占比", en: "R&D share" });
    expect(INDICATOR_TERMS.taxPerMu).toBe(METRIC_TERMS.taxPerMu);
  });

  test("isStrategy accepts the strategies and nothing else", () => {
    for (const s of ALLOCATION_STRATEGIES) expect(isStrategy(s)).toBe(true);
    for (const v of ["lottery", "Merit", "", "toString", 3, null, undefined]) expect(isStrategy(v)).toBe(false);
  });
});

describe("formatFigure(value, style)", () => {
  test("decimals by style, shares as percentages, thousands separators, a dash for no value", () => {
    expect(formatFigure(81.005, "yi")).toBe("81.01");
    expect(formatFigure(1234.5, "yi")).toBe("1,234.50");
    expect(formatFigure(512.345, "perMu")).toBe("512.3");
    expect(formatFigure(0.0312, "pct")).toBe("3.1%");
    expect(formatFigure(12345, "int")).toBe("12,345");
    expect(formatFigure(0.38, "ratio3")).toBe("0.380");
    for (const v of [null, undefined, NaN, Infinity]) expect(formatFigure(v, "yi")).toBe("—");
  });
});

describe("check outcomes and bilingual texts", () => {
  test("a check the sheet cannot evaluate, or whose result is unknown, is not evaluable", () => {
    expect(checkOutcome({ evaluable: true, met: true })).toBe("met");
    expect(checkOutcome({ evaluable: true, met: false })).toBe("notMet");
    expect(checkOutcome({ evaluable: true, met: null })).toBe("notEvaluable");
    expect(checkOutcome({ evaluable: false, met: true })).toBe("notEvaluable");
  });

  test("Chinese first, then English; a label that reads the same in both is written once", () => {
    expect(bilingual(STRATEGY_LABELS["main-only"])).toBe("仅主平台 / Main platforms only");
    expect(bilingual(COMPARISON_LABELS[">="])).toBe("≥");
    expect(bilingual(COMPARISON_LABELS.between)).toBe("介于 / between");
  });
});

describe("one Chinese name per strategy", () => {
  const root = join(import.meta.dirname, "..", "..");
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  /** Names the strategies had before they lived in the vocabulary, and the current ones. */
  const NAMES = ["按现有用地比例", "只给主平台", "按表中手工指标", "手工指标", ...Object.values(STRATEGY_LABELS).map((l) => l.zh)];
  const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");

  test("outside models/vocabulary.ts no code in src/ or models/ spells a strategy in Chinese", () => {
    const stray = [...sources("src"), ...sources("models")]
      .filter((file) => relative("models", file) !== "vocabulary.ts")
      .flatMap((file) => NAMES.filter((n) => code(readFileSync(join(root, file), "utf8")).includes(n)).map((n) => `${file}: ${n}`));
    expect(stray).toEqual([]);
  });
});
