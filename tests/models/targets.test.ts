/**
 * Targets: every kind (platform absolute and relative to base, county and region values, counts,
 * shares, not evaluable), and each preset on a small sheet with known pass/fail.
 */
import { describe, expect, it } from "vitest";
import { platform, PRESETS, simulate, type SimulationResult, type TargetInput } from "../../models/index.js";

const BASE = 2020;
const check = (r: SimulationResult, id: string, subject?: string) => {
  const found = r.targets.filter((t) => t.id === id && (subject === undefined || t.subject === subject));
  if (found.length !== 1) throw new Error(`${found.length} checks for ${id} ${subject ?? ""}`);
  return found[0];
};

// Two counties: X县 with a main platform, its sub-park and an exit; Y县 with one main platform.
const sheet = [
  platform({
    name: "甲",
    county: "X县",
    status: "main",
    level: "national",
    land: 1000,
    developableLand: 12000,
    output: 100,
    tax: 5,
    valueAdded: 20,
    energy: 8,
  }),
  platform({ name: "甲分", county: "X县", status: "subPark", mainPlatform: "甲", land: 500, output: 25, tax: 1 }),
  platform({ name: "退", county: "X县", status: "exit", exitYear: BASE + 2, land: 300, output: 6, tax: 0.2 }),
  platform({ name: "乙", county: "Y县", status: "main", level: "provincial", land: 2000, developableLand: 2000, output: 120, tax: 3 }),
];
const run = (targets: TargetInput[], extra: object = {}) =>
  simulate(sheet, {
    baseYear: BASE,
    horizon: [BASE + 1, BASE + 2, BASE + 3],
    growth: { mean: 0.1, sd: 0 },
    exits: { relocationShare: 0 },
    targets,
    ...extra,
  });

describe("platform targets on main platforms rolled up with their sub-parks", () => {
  const r = run([
    { id: "PM", level: "platform", metric: "outputPerMu", comparison: ">=", threshold: 1000, year: BASE + 2 },
    { id: "X2", level: "platform", metric: "output", comparison: ">=", threshold: 2, relativeTo: "base", year: BASE + 3 },
  ]);

  it("evaluates an absolute threshold with value, gap and first year met", () => {
    // 甲 + 甲分: p = 125 × 10^4 / 1500 = 833.3 at base; × 1.1² = 1008.3 in BASE + 2 → met, first met then.
    const t = check(r, "PM", "甲");
    expect(t.value).toBeCloseTo((125e4 / 1500) * 1.21, 9);
    expect(t.met).toBe(true);
    expect(t.gap).toBeCloseTo((125e4 / 1500) * 1.21 - 1000, 9);
    expect(t.firstYear).toBe(BASE + 2);
    // 乙: 600 × 1.21 = 726 → not met, never within the horizon.
    expect(check(r, "PM", "乙").met).toBe(false);
    expect(check(r, "PM", "乙").firstYear).toBeNull();
  });

  it("multiplies a relative threshold by the base value (翻番)", () => {
    const t = check(r, "X2", "甲");
    expect(t.baseValue).toBe(125);
    expect(t.threshold).toBe(250);
    expect(t.value).toBeCloseTo(125 * 1.331, 9);
    expect(t.met).toBe(false);
  });

  it("has one check per main platform and none for sub-parks or exits", () => {
    expect(r.targets.filter((t) => t.id === "PM").map((t) => t.subject)).toEqual(["甲", "乙"]);
  });
});

describe("county and region targets", () => {
  const r = run([
    { id: "C1", level: "county", aggregate: "count", comparison: "between", threshold: 1, thresholdMax: 2 },
    {
      id: "SH",
      level: "county",
      aggregate: "share",
      statuses: ["exit", "transform"],
      subjects: "all",
      comparison: ">=",
      threshold: 0.3,
      year: BASE + 2,
    },
    {
      id: "CNT",
      level: "region",
      aggregate: "count",
      where: { metric: "output", comparison: ">", threshold: 130 },
      comparison: ">=",
      threshold: 2,
      year: BASE + 3,
    },
    { id: "SUM", level: "county", metric: "output", comparison: ">=", threshold: 140, year: BASE + 1 },
    { id: "LOW", level: "region", metric: "energyIntensity", comparison: "<", threshold: 1, relativeTo: "base" },
  ]);

  it("counts main platforms per county", () => {
    expect(check(r, "C1", "X县").value).toBe(1);
    expect(check(r, "C1", "X县").met).toBe(true);
  });

  it("computes the share of a county's platforms exited by the year", () => {
    // X县 has 3 platforms, 1 exits in BASE + 2: 1/3 ≥ 0.3; it is first met in its exit year.
    expect(check(r, "SH", "X县").value).toBeCloseTo(1 / 3, 12);
    expect(check(r, "SH", "X县").met).toBe(true);
    expect(check(r, "SH", "X县").firstYear).toBe(BASE + 2);
    expect(check(r, "SH", "Y县").value).toBe(0);
  });

  it("counts platforms meeting a condition in the region", () => {
    // BASE + 3: 甲 rolled up 125 × 1.331 = 166.4 > 130; 乙 120 × 1.331 = 159.7 > 130 → 2
    expect(check(r, "CNT").value).toBe(2);
    expect(check(r, "CNT").met).toBe(true);
    expect(check(r, "CNT").firstYear).toBe(BASE + 1); // BASE + 1: 137.5 and 132 already both > 130
  });

  it("sums a county's platforms for a county value", () => {
    // X县 BASE + 1: (100 + 25 + 6) × 1.1 = 144.1
    expect(check(r, "SUM", "X县").value).toBeCloseTo(144.1, 9);
    expect(check(r, "SUM", "X县").met).toBe(true);
  });

  it("'below base' uses the region's base-year intensity, recomputed from sums", () => {
    // Region E/V = Σ e0·V / Σ V. 甲 has e0 = 8/20 = 0.4; the others use the default 0.385 and v = 0.204.
    // Base: V = 20, 5.1, 1.224 (退), 24.48. BASE + 3: 退 has exited; the rest grew ×1.331 and e fell ×(1 − 0.0343)³.
    const base = (0.4 * 20 + 0.385 * (5.1 + 1.224 + 24.48)) / (20 + 5.1 + 1.224 + 24.48);
    const later = (Math.pow(1 - 0.0343, 3) * (0.4 * 20 + 0.385 * (5.1 + 24.48))) / (20 + 5.1 + 24.48);
    expect(check(r, "LOW").baseValue).toBeCloseTo(base, 12);
    expect(check(r, "LOW").value).toBeCloseTo(later, 12);
    expect(check(r, "LOW").threshold).toBeCloseTo(base, 12);
    expect(check(r, "LOW").met).toBe(true);
  });
});

describe("targets that cannot be evaluated are reported, never dropped", () => {
  it("names the data the sheet lacks", () => {
    const r = run([{ id: "RD", level: "platform", metric: "rdShare", comparison: ">=", threshold: 0.03 }]);
    for (const t of r.targets) {
      expect(t.evaluable).toBe(false);
      expect(t.met).toBeNull();
      expect(t.reason?.zh).toContain("研发投入");
      expect(t.reason?.en).toContain("R&D");
    }
    expect(r.targets).toHaveLength(2);
  });

  it("notes members whose figures come from default ratios", () => {
    const r = run([{ id: "VA", level: "platform", metric: "valueAdded", comparison: ">=", threshold: 1 }]);
    expect(check(r, "VA", "甲").evaluable).toBe(true);
    expect(check(r, "VA", "甲").notes[0].en).toMatch(/1 member platform\(s\) estimated/);
  });

  it("keeps targets marked as needing other data", () => {
    const r = run([
      { id: "NA", level: "county", comparison: ">=", threshold: 0, notEvaluable: { zh: "需要项目数据", en: "needs project data" } },
    ]);
    expect(r.targets).toMatchObject([{ id: "NA", evaluable: false, reason: { en: "needs project data" } }]);
  });

  it("extends the run to a target year past the horizon", () => {
    const r = run([{ id: "LATE", level: "region", metric: "output", comparison: ">=", threshold: 1, year: BASE + 5 }]);
    expect(check(r, "LATE").evaluable).toBe(true);
    expect(r.years.at(-1)).toBe(BASE + 5);
    expect(r.reportYears).toEqual([BASE + 1, BASE + 2, BASE + 3]);
  });

  it("rejects unknown preset or target ids in both languages", () => {
    expect(() => run(["nowhere-2030" as unknown as TargetInput])).toThrow(/未知.*unknown preset/s);
  });
});

describe("presets", () => {
  it("cover the five documents with the ids of targets.md", () => {
    expect(PRESETS.map((p) => p.id)).toEqual(["jiaxing-2020", "lishui-2025", "hangzhou-2020", "jiading-2020", "jinhua-2025"]);
    const ids = PRESETS.flatMap((p) => p.targets.map((t) => t.id));
    for (const id of [
      "JX-7",
      "JX-8",
      "JX-11",
      "JX-13",
      "LS-3",
      "LS-8",
      "LS-9",
      "HZ-2a",
      "JD-1",
      "JD-2",
      "JD-3",
      "JH-1b",
      "JH-2",
      "HZ-2b",
      "HZ-3d",
    ])
      expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // A Jiaxing-like sheet in 2017: 甲 at 480万元/亩 and 28万元/亩 of tax; 乙 far below.
  const jx = [
    platform({
      name: "甲",
      county: "A",
      status: "main",
      land: 20000,
      developableLand: 30000,
      output: 960,
      valueAdded: 200,
      tax: 56,
      energy: 70,
      rd: 30,
      highTechValueAdded: 100,
      listedCompanies: 5,
      enterprises100: 2,
    }),
    platform({
      name: "乙",
      county: "B",
      status: "main",
      land: 10000,
      developableLand: 10000,
      output: 200,
      valueAdded: 40,
      tax: 10,
      energy: 20,
      rd: 2,
      highTechValueAdded: 10,
      listedCompanies: 1,
      enterprises100: 0,
    }),
    platform({
      name: "丙",
      county: "B",
      status: "exit",
      exitYear: 2019,
      land: 1000,
      output: 10,
      valueAdded: 2,
      tax: 0.3,
      energy: 1,
      rd: 0,
      highTechValueAdded: 0,
      listedCompanies: 0,
      enterprises100: 0,
    }),
  ];
  const r = simulate(jx, {
    baseYear: 2017,
    horizon: 2020,
    targets: "jiaxing-2020",
    growth: { mean: 0.05, sd: 0 },
    exits: { relocationShare: 0 },
  });

  it("jiaxing-2020 passes and fails where the arithmetic says", () => {
    // 甲: 480 × 1.05³ = 555.7 ≥ 500 (JX-7 met); tax 28 × 1.05³ = 32.4 ≥ 30 (JX-8 met); 乙: 200 × 1.158 = 231.5 (not met).
    expect(check(r, "JX-7", "甲").met).toBe(true);
    expect(check(r, "JX-7", "甲").value).toBeCloseTo(480 * 1.05 ** 3, 9);
    expect(check(r, "JX-7", "乙").met).toBe(false);
    expect(check(r, "JX-8", "甲").met).toBe(true);
    expect(check(r, "JX-5", "甲").value).toBeCloseTo(0.5, 12);
    expect(check(r, "JX-6", "乙").value).toBeCloseTo(0.01, 12);
    expect(check(r, "JX-10a", "甲").met).toBe(true);
    expect(check(r, "JX-10b", "乙").met).toBe(false);
    expect(check(r, "JX-2", "乙").met).toBe(true); // exactly 10,000 亩
    expect(check(r, "JX-11").value).toBe(1); // 甲 960 × 1.158 = 1111 > 1000; only one
    expect(check(r, "JX-11").met).toBe(false);
    expect(check(r, "JX-13", "B").value).toBeCloseTo(0.5, 12);
    expect(check(r, "JX-13", "A").met).toBe(false);
    expect(check(r, "JX-4").evaluable).toBe(false);
    expect(check(r, "JX-12").evaluable).toBe(false);
  });

  it("each preset runs on a sheet lacking most optional columns without crashing", () => {
    const bare = [platform({ name: "甲", county: "A", status: "main", level: "national", land: 10000, output: 500 })];
    for (const p of PRESETS) {
      const res = simulate(bare, { baseYear: p.baseYear, targets: p.id, horizon: p.horizon });
      expect(res.targets.length).toBeGreaterThanOrEqual(p.targets.length);
      for (const t of res.targets) expect(t.evaluable ? t.met !== null : t.reason !== null).toBe(true);
    }
  });

  it("lishui-2025 doubles from the base year and counts one platform per county", () => {
    const ls = [
      platform({
        name: "丽水经济技术开发区",
        county: "市本级",
        level: "national",
        status: "main",
        land: 20000,
        developableLand: 60000,
        output: 500,
        tax: 15,
      }),
      platform({
        name: "缙云平台",
        county: "缙云县",
        level: "provincial",
        status: "main",
        land: 8000,
        developableLand: 15000,
        output: 200,
        tax: 5,
      }),
      platform({
        name: "丽缙园",
        county: "缙云县",
        level: "provincial",
        status: "main",
        land: 3000,
        developableLand: 9000,
        output: 41,
        tax: 1,
      }),
    ];
    const res = simulate(ls, { baseYear: 2020, targets: "lishui-2025", horizon: 2025, growth: { mean: 0.15, sd: 0 } });
    // 1.15^5 = 2.011 ≥ 2 → LS-3 met on fixed land.
    expect(check(res, "LS-3", "丽水经济技术开发区").met).toBe(true);
    expect(check(res, "LS-1", "缙云县").value).toBe(2);
    expect(check(res, "LS-1", "缙云县").met).toBe(false);
    expect(check(res, "LS-4", "丽水经济技术开发区").value).toBeCloseTo(500 * 1.15 ** 5, 9); // 1005.7 ≥ 1000
    expect(check(res, "LS-4", "丽水经济技术开发区").met).toBe(true);
    expect(res.targets.filter((t) => t.id === "LS-5").map((t) => t.subject)).toEqual(["缙云平台", "丽缙园"]);
  });
});
