/** 达标's and the CLI's summary line per target: the counts are the result's checks, the probability allMet's. */
import { describe, expect, it } from "vitest";
import { platform, simulate } from "../../models/index.js";
import { summaryText } from "../../src/cli/summary.js";
import { summaryLine, targetSummaries } from "../../src/views/targetSummary.js";

const four = ["A", "B", "C", "D"].map((name, k) => platform({ name, county: "X", status: "main", land: 1000, output: 96 + 3 * k }));
const result = simulate(four, {
  baseYear: 2020,
  horizon: 2021,
  growth: { mean: 0.1, sd: 0.05, correlation: 0.3 },
  targets: [
    {
      id: "OUT",
      level: "platform",
      metric: "output",
      comparison: ">=",
      threshold: 110,
      label: { zh: "产值 ≥ 110 亿元", en: "output ≥ 110" },
    },
  ],
  monteCarlo: { runs: 500, seed: 3 },
});

describe("target summary lines", () => {
  it("counts the subjects met on the deterministic path and takes allMet as the probability", () => {
    const [s] = targetSummaries(result);
    const checks = result.targets.filter((t) => t.id === "OUT");
    // Output 96, 99, 102, 105 × 1.1 = 105.6, 108.9, 112.2, 115.5: two of four reach 110.
    expect([s.subjects, s.evaluable, s.met]).toEqual([4, 4, checks.filter((t) => t.met).length]);
    expect(s.met).toBe(2);
    expect(s.probability).toBe(result.allMet!.OUT);
    const p = `${(result.allMet!.OUT * 100).toFixed(1)}%`;
    expect(summaryLine(s, "zh")).toBe(`OUT 产值 ≥ 110 亿元：2/4 个平台达标，全部达标概率 ${p}`);
    expect(summaryLine(s, "en")).toBe(`OUT output ≥ 110: 2/4 platforms met, all met with probability ${p}`);
    expect(summaryText(result, { sheet: "表", platforms: 4, issues: 0, scenarioFrom: "—" })).toContain(`  ${summaryLine(s, "zh")}`);
  });

  it("without trials there is no probability", () => {
    const plain = simulate(four, {
      growth: { mean: 0.1, sd: 0.05 },
      baseYear: 2020,
      horizon: 2021,
      targets: [{ id: "OUT", level: "platform", metric: "output", comparison: ">=", threshold: 110 }],
    });
    expect(summaryLine(targetSummaries(plain)[0], "zh")).toBe("OUT OUT：2/4 个平台达标");
  });
});
