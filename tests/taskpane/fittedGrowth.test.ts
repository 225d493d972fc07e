/**
 * growth.fromHistory in the pane: the 拟合增长 list's view model on the worked example of models/README
 * (fitted 低/中/高 beside the analyst's growth, how the run used each fit), its server-rendered list, the
 * form's checkbox through the document and back, and the list's imports staying free of zod and mathjs.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { readFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { platform } from "../../models/platform.js";
import { parseScenario } from "../../models/scenario.js";
import { simulate } from "../../models/simulate.js";
import { translate, translator, type Lang } from "../../src/i18n/index.js";
import { FittedGrowth } from "../../src/taskpane/components/FittedGrowth.js";
import { formFromDocument } from "../../src/taskpane/hooks/formFromDocument.js";
import { fittedGrowth, type FittedGrowthView } from "../../src/taskpane/hooks/resultView.js";
import { defaultForm, toScenarioDocument } from "../../src/taskpane/hooks/scenarioForm.js";

const year = (y: number, output: number) => ({ year: y, figures: { output, land: 1000 } });
// models/README "Calibration from history", worked example: 甲 9.528% ± 1.225%, 乙 6.524%, 丙 3.949% (± 1.936%), 丁 the pool 6.667% ± 1.732%.
const example = [
  platform({ name: "甲", level: "provincial", land: 1000, output: 121, history: [year(2015, 100), year(2016, 110)] }),
  platform({ name: "乙", level: "provincial", land: 1000, output: 113.4, history: [year(2015, 100), year(2016, 105)] }),
  platform({ name: "丙", level: "provincial", land: 1000, output: 107.1, history: [year(2015, 100), year(2016, 102)] }),
  platform({ name: "丁", level: "provincial", land: 500, output: 50 }),
];
const run = (growth: Record<string, unknown>) => simulate(example, { baseYear: 2017, horizon: 2018, growth });

describe("fittedGrowth(result): the pane's 拟合增长 list", () => {
  test("null when the run did not calibrate", () => {
    expect(fittedGrowth(run({}))).toBeNull();
  });

  test("fitted P10/P50/P90 and years per platform beside the scenario's growth; ρ fitted and used", () => {
    const view = fittedGrowth(run({ fromHistory: true }))!;
    expect(view.rho).toBeCloseTo(0.5, 12);
    expect(view.correlation).toBeCloseTo(0.5, 12); // no growth.correlation written: the fitted ρ
    expect(view.rows).toEqual([
      // 9.528% ∓ 1.2816 × 1.225% = 7.958 / 9.528 / 11.097%
      { name: "甲", fitted: "8.0 / 9.5 / 11.1%", years: 2, scenario: "7.7% ± 4.5%", use: "applied" },
      // 6.524% ∓ 1.2816 × 1.936% = 4.042 / 6.524 / 9.005%
      { name: "乙", fitted: "4.0 / 6.5 / 9.0%", years: 2, scenario: "7.7% ± 4.5%", use: "applied" },
      // 3.949% ∓ 2.482% = 1.467 / 3.949 / 6.430%
      { name: "丙", fitted: "1.5 / 3.9 / 6.4%", years: 2, scenario: "7.7% ± 4.5%", use: "applied" },
      // the pool: 6.667% ∓ 1.2816 × 1.732% = 4.447 / 6.667 / 8.886%
      { name: "丁", fitted: "4.4 / 6.7 / 8.9%", years: 0, scenario: "7.7% ± 4.5%", use: "applied" },
    ]);
  });

  test("the analyst's values as the run reads them: the level's μ ± σ, a platform's own entry (overridden), a guess", () => {
    const view = fittedGrowth(
      run({
        correlation: 0.3,
        fromHistory: { byPlatform: { 甲: true, 乙: true, 丁: true } },
        byLevel: { provincial: { mean: 0.06, sd: 0.02 } },
        byPlatform: { 乙: { sd: 0.03 }, 丁: { distribution: "triangular", low: 0.02, mode: 0.05, high: 0.09 } },
      }),
    )!;
    expect(view.correlation).toBe(0.3); // growth.correlation written: the scenario's ρ is used
    expect(view.rho).toBeCloseTo(0.5, 12);
    expect(view.rows.map((r) => [r.name, r.scenario, r.use])).toEqual([
      ["甲", "6.0% ± 2.0%", "applied"],
      // 乙's entry wins whole: its sd, the region's mean (models/growthSchema.ts)
      ["乙", "7.7% ± 3.0%", "overridden"],
      ["丙", "6.0% ± 2.0%", "notCovered"],
      ["丁", "2.0 / 5.0 / 9.0%", "overridden"],
    ]);
  });
});

function render(view: FittedGrowthView, lang: Lang, defaultOpen: boolean): string {
  const t = translator(lang);
  const el = createElement(FittedGrowth, { view, lang, t, defaultOpen });
  return renderToString(createElement(FluentProvider, { theme: webLightTheme }, el)).replace(/<!-- -->/g, "");
}

describe("FittedGrowth (server-rendered)", () => {
  const view: FittedGrowthView = {
    rho: null,
    correlation: 0.5,
    rows: [
      { name: "甲", fitted: "8.0 / 9.5 / 11.1%", years: 2, scenario: "7.7% ± 4.5%", use: "applied" },
      { name: "乙", fitted: "4.0 / 6.5 / 9.0%", years: 0, scenario: "2.0 / 5.0 / 9.0%", use: "overridden" },
    ],
  };

  test("collapsed: one header line with the count", () => {
    const html = render(view, "zh", false);
    expect(html).toContain("拟合增长（2 个平台）");
    expect(html).not.toContain("8.0 / 9.5 / 11.1%");
  });

  test("open: ρ line, one row per platform, the analyst's growth and why a fit was not used as fitted", () => {
    const zh = render(view, "zh", true);
    expect(zh).toContain("拟合 ρ 无法估计 · 所用 ρ 0.500");
    expect(zh).toContain("甲</span> · 8.0 / 9.5 / 11.1% · 2 年");
    expect(zh).toContain("情景 7.7% ± 4.5%</span>");
    expect(zh).toContain("情景 2.0 / 5.0 / 9.0% · 分析人员覆盖（growth.byPlatform）");
    const en = render(view, "en", true);
    expect(en).toContain("Fitted ρ not estimable · ρ used 0.500");
    expect(en).toContain("乙</span> · 4.0 / 6.5 / 9.0% · 0 yr");
    expect(en).toContain("scenario 2.0 / 5.0 / 9.0% · overridden by the analyst (growth.byPlatform)");
  });
});

describe("the form's 由历史数据估计增长 checkbox", () => {
  const label = (key: Parameters<typeof translate>[1]) => translate("zh", key);

  test("unchecked by default: no fromHistory in the document", () => {
    const form = defaultForm(2017);
    expect(form.fromHistory).toBe(false);
    const growth = toScenarioDocument(form, label).document!.growth as Record<string, unknown>;
    expect("fromHistory" in growth).toBe(false);
  });

  test("checked: growth.fromHistory = true, back to the same form with nothing dropped, also from the resolved scenario", () => {
    const form = { ...defaultForm(2017), fromHistory: true };
    const { document, errors } = toScenarioDocument(form, label);
    expect(errors).toEqual([]);
    expect((document!.growth as Record<string, unknown>).fromHistory).toBe(true);
    expect(formFromDocument(document!, null)).toEqual({ form, dropped: [] });
    // What a stored run keeps: the form's ρ is written, so { correlation: "scenario" }.
    const resolved = parseScenario(document);
    expect(resolved.growth.fromHistory).toEqual({ correlation: "scenario" });
    const back = formFromDocument(JSON.parse(JSON.stringify(resolved)) as Record<string, unknown>, null);
    expect(back.form.fromHistory).toBe(true);
    // (A resolved scenario holds more than the form; none of it in growth.)
    expect(back.dropped.filter((path) => path.startsWith("growth"))).toEqual([]);
  });

  test("what the form cannot hold is named: levels or platforms, a fitted ρ", () => {
    const partial = formFromDocument(
      { baseYear: 2017, growth: { correlation: 0.5, fromHistory: { byLevel: { provincial: true } } } },
      null,
    );
    expect(partial.form.fromHistory).toBe(false);
    expect(partial.dropped).toEqual(["growth.fromHistory"]);
    const fitted = formFromDocument({ baseYear: 2017, growth: { fromHistory: true } }, null);
    expect(fitted.form.fromHistory).toBe(true);
    expect(fitted.dropped).toEqual(["growth.fromHistory.correlation"]);
    const explicit = formFromDocument({ baseYear: 2017, growth: { correlation: 0.4, fromHistory: { correlation: "fitted" } } }, null);
    expect(explicit.dropped).toEqual(["growth.fromHistory.correlation"]);
    const off = formFromDocument({ baseYear: 2017, growth: { fromHistory: false } }, null);
    expect(off.form.fromHistory).toBe(false);
    expect(off.dropped).toEqual([]);
  });
});

describe("the fitted list stays light", () => {
  const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
  /** Packages reached from a file by value imports (type-only imports are erased), following the repo's own files. */
  function packagesReached(entry: string): Set<string> {
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/^(?:import|export)(?!\s+type\b)[^;]*?\sfrom\s+"([^"]+)"/gms)) {
        const spec = m[1];
        if (!spec.startsWith(".")) {
          packages.add(spec);
          continue;
        }
        const base = resolve(dirname(file), spec).replace(/\.js$/, "");
        const target = [".ts", ".tsx"].map((ext) => base + ext).find(existsSync);
        if (target) visit(target);
      }
    };
    visit(resolve(ROOT, entry));
    return packages;
  }

  test("the summary, the fitted list, its view model and the growth fields reach neither zod nor mathjs", () => {
    const summary = packagesReached("src/taskpane/components/ResultSummary.tsx");
    expect(summary.has("@fluentui/react-components")).toBe(true); // the walk follows FittedGrowth's imports
    expect(packagesReached("src/taskpane/hooks/resultView.ts")).toEqual(new Set()); // pure: no package at all
    for (const entry of ["src/taskpane/components/ResultSummary.tsx", "src/taskpane/components/GrowthFields.tsx"]) {
      expect([...packagesReached(entry)].filter((p) => /^(zod|mathjs)/.test(p))).toEqual([]);
    }
  });
});
