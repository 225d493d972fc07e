/**
 * The pane's 结果表语言 (the command line's --lang): its choices and labels, and the 决策 tools' sheets built
 * in the worker in the chosen language — the command line's sheets for the same language (the run's and
 * 情景对比's sheets are built by the pipeline's finish steps, which take `lang` as the command line does;
 * the browser test checks a download).
 */
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runSensitivity } from "../../src/pipeline/sensitivity.js";
import { inputFor, loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import {
  DEFAULT_SHEET_LANGUAGE_CHOICE,
  isSheetLanguageChoice,
  SHEET_LANGUAGE_CHOICES,
  SHEET_LANGUAGE_LABELS,
} from "../../src/views/sheetLanguage.js";
import { runDecision } from "../../src/worker/decisions.js";
import { DEFAULT_SHEET_LANGUAGE, SHEET_LANGUAGES } from "../../src/workbook/results/language.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { JIAXING_FORM_SCENARIO } from "../browser/formScenario.js";

const SAMPLE = join(import.meta.dirname, "..", "..", "assets", "samples", "jiaxing-2017.xlsx");

describe("the choices", () => {
  test("every sheet language, bilingual first (the default, as the command line's), each labelled in both languages", () => {
    expect(SHEET_LANGUAGE_CHOICES).toEqual(["both", "zh", "en"]);
    expect([...SHEET_LANGUAGE_CHOICES].sort()).toEqual([...SHEET_LANGUAGES].sort());
    expect(DEFAULT_SHEET_LANGUAGE_CHOICE).toBe(DEFAULT_SHEET_LANGUAGE);
    expect(SHEET_LANGUAGE_LABELS.zh).toEqual({ zh: "仅中文（打印）", en: "Chinese only (print)" });
    expect(isSheetLanguageChoice("zh")).toBe(true);
    expect(isSheetLanguageChoice("toString")).toBe(false);
    expect(isSheetLanguageChoice(null)).toBe(false);
  });
});

describe("a 决策 tool's sheet in the chosen language", () => {
  const scenario = { ...JIAXING_FORM_SCENARIO, monteCarlo: { ...JIAXING_FORM_SCENARIO.monteCarlo, runs: 0 } };
  const figure = "metric:output:全市:2020";

  test.each(["zh", "en"] as const)(
    "敏感性 with --lang %s: the command line's sheet, one language only",
    async (lang) => {
      const expected = await runSensitivity(await openXlsxFile(SAMPLE), { scenario, figure, write: false, lang });
      const input = inputFor(await loadPlatforms(await openXlsxFile(SAMPLE)), scenario);
      const outcome = await runDecision({
        platforms: input.platforms,
        baseYear: input.baseYear,
        scenario,
        params: { tool: "sensitivity", figure },
        lang,
      });
      expect(outcome.sheet).toEqual(expected.sheet);
      // The tornado table's headers: one language (the bilingual sheet writes "中文 / English").
      const headers = outcome.sheet.rows[outcome.sheet.tables![0].range.top].map((c) => String(c.v));
      expect(headers.length).toBeGreaterThan(3);
      for (const h of headers) expect(h).not.toMatch(lang === "zh" ? /[A-Za-z]{4,}/ : /[\u4e00-\u9fff]/);
    },
    60_000,
  );
});
