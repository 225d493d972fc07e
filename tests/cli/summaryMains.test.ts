/** The CLI summary of a big sheet: the first main platforms, the region, and how many more are in 汇总. */
import { describe, expect, it } from "vitest";
import { platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";
import { summaryText } from "../../src/cli/summary.js";

const platforms = Array.from({ length: 45 }, (_, k) =>
  platform({ name: `主平台${k + 1}`, county: `县${k % 3}`, status: "main", land: 1000, developableLand: 1200, output: 10 + k }),
);
const result = simulate(platforms, { baseYear: 2020, horizon: [2021], growth: { mean: 0.1, sd: 0 } });
const opts = { sheet: "平台", platforms: 45, issues: 0, scenarioFrom: "test" };

describe("summaryText main platforms", () => {
  it("lists the first 40 main platforms and the region, then says how many more are in the 汇总 sheet", () => {
    const lines = summaryText(result, opts).split("\n");
    expect(lines.filter((l) => /^主平台\d/.test(l)).map((l) => l.split(/\s+/)[0])).toEqual(
      Array.from({ length: 40 }, (_, k) => `主平台${k + 1}`),
    );
    expect(lines.some((l) => l.startsWith("全市"))).toBe(true);
    expect(lines).toContain("…… 另有 5 个主平台见“汇总”表 / 5 more main platforms in the 汇总 sheet");
  });

  it("lists every main platform and no 'more' line when they fit (maxMains)", () => {
    const text = summaryText(result, { ...opts, maxMains: 45 });
    expect(text.split("\n").filter((l) => /^主平台\d/.test(l))).toHaveLength(45);
    expect(text).not.toContain("另有");
    // 主平台45: 54 亿元 × 1.1 = 59.4 in 2021.
    expect(text.split("\n").find((l) => l.startsWith("主平台45 "))).toMatch(/^主平台45\s+59\.4\s/);
  });
});
