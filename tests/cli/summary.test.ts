/**
 * The CLI summary's target rows on the README's worked example (models/README.md): figures in their
 * metric's style and outcomes in the vocabulary's words (models/vocabulary.ts).
 */
import { describe, expect, test } from "vitest";
import { platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";
import { summaryText } from "../../src/cli/summary.js";

const platforms = [
  platform({
    name: "甲",
    county: "X县",
    status: "main",
    land: 1000,
    developableLand: 1500,
    output: 100,
    valueAdded: 20,
    tax: 5,
    energy: 8,
  }),
  platform({ name: "乙", county: "X县", status: "kept", land: 3000, developableLand: 3050, output: 150 }),
];
const label = { zh: "t", en: "t" };
const scenario = {
  baseYear: 2020,
  horizon: [2021, 2022],
  growth: { mean: 0.1, sd: 0 },
  land: { quota: 100 },
  energy: { intensityDecline: 0.05 },
  targets: [
    { id: "PM", label, level: "platform", metric: "outputPerMu", comparison: ">=", threshold: 1000 },
    { id: "OUT", label, level: "region", metric: "output", comparison: ">=", threshold: 1000 },
    { id: "RD", label, level: "region", metric: "rdShare", comparison: ">=", threshold: 0.025 },
    { id: "EXIT", label, level: "region", aggregate: "share", statuses: ["exit"], comparison: ">=", threshold: 0.3 },
  ],
};

describe("summaryText target checks", () => {
  const text = summaryText(simulate(platforms, scenario), { sheet: "平台", platforms: 2, issues: 0, scenarioFrom: "test" });
  const row = (id: string) =>
    text
      .split("\n")
      .find((l) => l.trimStart().startsWith(id))!
      .split(/\s{2,}/)
      .map((c) => c.trim());

  test("counts per outcome in the vocabulary's words", () => {
    expect(text).toContain("目标检查 / Target checks: 4 项，达标 1，未达标 2，不可评估 1");
  });

  test("per-mu to 1 decimal, amounts to 2, shares as percentages; no value is a dash; thresholds as the pane shows them", () => {
    // 甲 2022: p = 1,000 × 1.1² = 1,210 万元/亩. Region: 甲 127.05 + 乙 605 × 3,050 / 10⁴ = 184.525 → 311.575亿.
    expect(row("PM")).toEqual(["PM", "甲", "2022", "1,210.0", "≥ 1,000.0", "达标"]);
    expect(row("OUT")).toEqual(["OUT", "全市", "2022", "311.58", "≥ 1,000.00", "未达标"]);
    expect(row("EXIT").slice(3)).toEqual(["0.0%", "≥ 30.0%", "未达标"]);
    // Without R&D figures the check is not evaluable: no value, and the model leaves no threshold.
    expect(row("RD").slice(3)).toEqual(["—", "—", "不可评估"]);
  });
});
