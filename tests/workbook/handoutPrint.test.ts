/**
 * Issue 15.2, the handout: with `--lang zh` (the print variant) every result sheet of every sample prints
 * one page wide at 8 pt or more (printScale × 11 pt; LibreOffice's PDF agrees, printPages.libreoffice.test.ts):
 * long texts wrap, one-language headers take three lines, and 预测 and 汇总 print their columns before
 * the Monte Carlo quantiles. The bilingual sheets (the screen's) are measured too and print smaller.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLever } from "../../models/decisions/levers.js";
import { optimizeScenario } from "../../src/pipeline/optimize.js";
import { runScenario } from "../../src/pipeline/runScenario.js";
import { runSensitivity } from "../../src/pipeline/sensitivity.js";
import { solveWorkbook } from "../../src/pipeline/solve.js";
import type { SheetLanguage } from "../../src/workbook/results/language.js";
import { BODY_FONT_PT, HANDOUT_SCALE, printScale } from "../../src/workbook/results/print.js";
import type { SheetSpec } from "../../src/workbook/sheetSpec.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

const SAMPLES = join(resolve(import.meta.dirname, "../.."), "assets/samples");
const NAMES = ["jiaxing-2017", "hangzhou-2017", "jiading-2017", "jinhua-2020", "lishui-2020"];
const now = () => new Date("2026-01-01T00:00:00Z");

async function resultSheets(name: string, lang: SheetLanguage): Promise<SheetSpec[]> {
  const scenario = JSON.parse(readFileSync(join(SAMPLES, `${name}.scenario.json`), "utf8"));
  const open = () => XlsxWorkbook.open(new Uint8Array(readFileSync(join(SAMPLES, `${name}.xlsx`))), `${name}.xlsx`);
  const run = await runScenario(await open(), {
    scenario: { ...scenario, monteCarlo: { runs: 40, seed: 1 } },
    inputFile: `${name}.xlsx`,
    write: false,
    now,
    lang,
  });
  const deterministic = { ...scenario, monteCarlo: { runs: 0, seed: 1 } };
  const optimize = await optimizeScenario(await open(), { scenario: deterministic, write: false, now, lang });
  return [...run.sheets, optimize.sheet];
}

describe.each(NAMES)("%s printed from --lang zh", (name) => {
  it("every result sheet at 8 pt or more, and at least as large as the bilingual sheet", async () => {
    const zh = await resultSheets(name, "zh");
    const both = await resultSheets(name, "both");
    expect(zh.map((s) => s.name)).toEqual(["预测", "达标", "汇总", "运行记录", "优化配置"]);
    for (const [k, s] of zh.entries()) {
      expect(printScale(s) * BODY_FONT_PT, `${name} ${s.name}`).toBeGreaterThanOrEqual(8);
      expect(printScale(s), s.name).toBeGreaterThanOrEqual(HANDOUT_SCALE);
      expect(printScale(s), s.name).toBeGreaterThanOrEqual(printScale(both[k]));
    }
  }, 60_000);
});

it("the decision sheets of the 嘉兴 sample (敏感性, 反推) print at 8 pt or more from --lang zh", async () => {
  const base = join(SAMPLES, "jiaxing-2017");
  const scenario = JSON.parse(readFileSync(`${base}.scenario.json`, "utf8"));
  const open = () => XlsxWorkbook.open(new Uint8Array(readFileSync(`${base}.xlsx`)), "jiaxing-2017.xlsx");
  const sensitivity = await runSensitivity(await open(), {
    scenario: { ...scenario, monteCarlo: { runs: 0, seed: 1 } },
    figure: "target:JX-1:嘉兴港区",
    twoWay: ["growth.mean", "land.quota"],
    write: false,
    lang: "zh",
  });
  const solve = await solveWorkbook(await open(), {
    scenario: { ...scenario, monteCarlo: { runs: 20, seed: 1 } },
    target: "JX-1",
    lever: parseLever("growth"),
    write: false,
    lang: "zh",
  });
  for (const s of [sensitivity.sheet, solve.sheet]) expect(printScale(s) * BODY_FONT_PT, s.name).toBeGreaterThanOrEqual(8);
}, 60_000);
