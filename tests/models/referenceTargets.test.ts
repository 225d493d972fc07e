/**
 * Issue 13 item 4: targets that read the scenario's `references` or the sheet's emissions (HZ-1b, HZ-1c,
 * HZ-2b, HZ-3d, JD-2), HZ-3 per platform, joint `where` lists (JH-2), the plan's allowance (JX-1, JH-1a),
 * 14 main platforms (JH-1b), each on a small sheet with known pass/fail; the same evaluation inside the
 * Monte Carlo; and every preset target evaluated or naming the column or `references` field it lacks.
 */
import { describe, expect, it } from "vitest";
import { platform, PRESETS, simulate, type Platform, type SimulationResult, type TargetInput } from "../../models/index.js";
import { REFERENCE_METRIC_SPECS, isReferenceMetric } from "../../models/targets.js";
import type { Metric } from "../../models/targetSchema.js";

const check = (r: SimulationResult, id: string, subject?: string) => {
  const found = r.targets.filter((t) => t.id === id && (subject === undefined || t.subject === subject));
  if (found.length !== 1) throw new Error(`${found.length} checks for ${id} ${subject ?? ""}`);
  return found[0];
};
const D = 1 - 0.0343; // the default annual decline of energy per unit of value added

// Two main platforms, base 2017, 10% growth: every amount × 1.331 in 2020, land fixed (no quota), ratios fixed.
const sheet = [
  platform({ name: "A", county: "X", status: "main", land: 1000, output: 100, valueAdded: 20, tax: 5, energy: 8, emissions: 4 }),
  platform({ name: "B", county: "Y", status: "main", land: 2000, output: 120, valueAdded: 30, tax: 3, energy: 12, emissions: 2 }),
];
const run = (targets: (string | TargetInput)[], references?: object, extra: object = {}, input: Platform[] = sheet) =>
  simulate(input, {
    baseYear: 2017,
    horizon: 2020,
    growth: { mean: 0.1, sd: 0 },
    targets,
    ...(references ? { references } : {}),
    ...extra,
  });

describe("HZ-1b: the platforms' industrial value added as a share of the city's GDP, not below base", () => {
  it("is met when value added grows faster than GDP, not met when slower", () => {
    // Base: 50 / 1000 = 5%. 2020: VA 50 × 1.331 = 66.55; ÷ 1300 = 5.119% ≥ 5% (met); ÷ 1400 = 4.754% (not met).
    const met = check(run(["HZ-1b"], { cityGdp: { "2017": 1000, "2020": 1300 } }), "HZ-1b");
    expect(met).toMatchObject({ evaluable: true, met: true, metric: "valueAddedShareOfGdp" });
    expect(met.baseValue).toBeCloseTo(0.05, 12);
    expect(met.threshold).toBeCloseTo(0.05, 12);
    expect(met.value).toBeCloseTo(66.55 / 1300, 12);
    const missed = check(run(["HZ-1b"], { cityGdp: { "2017": 1000, "2020": 1400 } }), "HZ-1b");
    expect(missed.met).toBe(false);
    expect(missed.gap).toBeCloseTo(66.55 / 1400 - 0.05, 12);
  });

  it("names the field, and the years it lacks", () => {
    const none = check(run(["HZ-1b"]), "HZ-1b");
    expect(none.evaluable).toBe(false);
    expect(none.reason?.zh).toContain("需要情景字段 references.cityGdp");
    expect(none.reason?.en).toContain("needs the scenario field references.cityGdp");
    const part = check(run(["HZ-1b"], { cityGdp: { "2017": 1000 } }), "HZ-1b");
    expect(part.reason?.zh).toMatch(/references\.cityGdp 的 2020 年/);
    expect(part.reason?.en).toMatch(/references\.cityGdp for 2020/);
  });
});

describe("HZ-1c: the city's industrial land (platforms' change + the land outside them at base)", () => {
  it("reports the city's area; met when the platforms' land does not shrink", () => {
    const t = check(run(["HZ-1c"], { cityIndustrialLand: 10000 }), "HZ-1c");
    expect(t).toMatchObject({ evaluable: true, met: true, value: 10000, baseValue: 10000, threshold: 10000 });
  });

  it("adds granted land to the city's area", () => {
    // A has 1000 亩 of headroom: 300 亩 a year, used a year later → 2018 and 2019 grants in use by 2020.
    const withGrants = [
      { ...sheet[0], developableLand: 5000 },
      { ...sheet[1], developableLand: 2000 },
    ];
    const r = run(["HZ-1a", "HZ-1c"], { cityIndustrialLand: 10000 }, { land: { quota: 300 } }, withGrants);
    expect(check(r, "HZ-1a").value).toBe(3600);
    expect(check(r, "HZ-1c").value).toBe(10600);
    expect(check(r, "HZ-1c").met).toBe(true);
  });

  it("without the field names it; a platform-level cityIndustrialLand target is refused", () => {
    expect(check(run(["HZ-1c"]), "HZ-1c").reason?.en).toContain("references.cityIndustrialLand");
    expect(() =>
      run([{ id: "L", level: "platform", metric: "cityIndustrialLand", comparison: ">=", threshold: 1 }], { cityIndustrialLand: 1 }),
    ).toThrow(/cityIndustrialLand is a region target/);
  });
});

describe("HZ-2b: main pollutant emissions below base", () => {
  it("moves with the energy used, at the base year's emissions per unit of energy", () => {
    // Base emissions 4 + 2 = 6 on energy 20. 2020: 6 × 1.331 × D³ = 7.19 ≥ 6 → not met; at 2% growth 6 × 1.02³ × D³ = 5.73 → met.
    const t = check(run(["HZ-2b"]), "HZ-2b");
    expect(t.baseValue).toBeCloseTo(6, 12);
    expect(t.value).toBeCloseTo(6 * 1.331 * D ** 3, 10);
    expect(t.met).toBe(false);
    const slow = check(run(["HZ-2b"], undefined, { growth: { mean: 0.02, sd: 0 } }), "HZ-2b");
    expect(slow.value).toBeCloseTo(6 * 1.02 ** 3 * D ** 3, 10);
    expect(slow.met).toBe(true);
  });

  it("counts a member without emissions as 0 (noted), and names the column when none has them", () => {
    const partial = check(run(["HZ-2b"], undefined, {}, [sheet[0], { ...sheet[1], emissions: null }]), "HZ-2b");
    expect(partial.baseValue).toBeCloseTo(4, 12);
    expect(partial.notes[0].en).toMatch(/emissions missing for 1 member/);
    const none = check(
      run(
        ["HZ-2b"],
        undefined,
        {},
        sheet.map((p) => ({ ...p, emissions: null })),
      ),
      "HZ-2b",
    );
    expect(none.evaluable).toBe(false);
    expect(none.reason?.zh).toContain("主要污染物排放");
  });
});

describe("HZ-3: the four increases, region and each main platform; HZ-3d the platforms' share of city output", () => {
  it("checks 亩均产出, 亩均税收 per main platform against its own base", () => {
    const r = run(["hangzhou-2020"], { cityOutput: { "2017": 1000, "2020": 1200 } });
    // A: 100 × 10⁴ / 1000 = 1000 万元/亩 → 1331; tax 50 → 66.55.
    expect(check(r, "HZ-3a-p", "A")).toMatchObject({ baseValue: 1000, threshold: 1000, met: true });
    expect(check(r, "HZ-3a-p", "A").value).toBeCloseTo(1331, 9);
    expect(check(r, "HZ-3b-p", "B").value).toBeCloseTo(15 * 1.331, 9);
    expect(r.targets.filter((t) => t.id === "HZ-3c-p").map((t) => t.subject)).toEqual(["A", "B"]);
  });

  it("HZ-3d: 220 / 1000 at base, 292.82 / 1200 = 24.4% in 2020 → met; a smaller rise of city output is needed", () => {
    const t = check(run(["HZ-3d"], { cityOutput: { "2017": 1000, "2020": 1200 } }), "HZ-3d");
    expect(t.baseValue).toBeCloseTo(0.22, 12);
    expect(t.value).toBeCloseTo(292.82 / 1200, 12);
    expect(t.met).toBe(true);
    // City output up 40% (1400): 292.82 / 1400 = 20.9% < 22% → not met.
    expect(check(run(["HZ-3d"], { cityOutput: { "2017": 1000, "2020": 1400 } }), "HZ-3d").met).toBe(false);
    expect(check(run(["HZ-3d"], { cityOutput: { "2020": 1400 } }), "HZ-3d").reason?.en).toMatch(/references\.cityOutput for 2017/);
  });
});

describe("JD-2: growth of value added above the city's average by at least 1 point", () => {
  it("compares the average annual growth since the base year with one city rate", () => {
    // VA grows 10% a year; the city 8%: 2 points above → met, already in the first year.
    const r = run(["JD-2", "JD-2-p"], { cityGrowth: 0.08 });
    expect(check(r, "JD-2").value).toBeCloseTo(0.02, 12);
    expect(check(r, "JD-2").met).toBe(true);
    expect(check(r, "JD-2").firstYear).toBe(2018);
    expect(check(r, "JD-2-p", "A").value).toBeCloseTo(0.02, 12);
    expect(check(r, "JD-2-p", "B").met).toBe(true);
  });

  it("uses the geometric mean of the city's rates by year", () => {
    // (1.09 × 1.095 × 1.1)^(1/3) − 1 = 9.498%: 0.50 points above → not met.
    const t = check(run(["JD-2"], { cityGrowth: { "2018": 0.09, "2019": 0.095, "2020": 0.1 } }), "JD-2");
    expect(t.value).toBeCloseTo(0.1 - (Math.cbrt(1.09 * 1.095 * 1.1) - 1), 12);
    expect(t.met).toBe(false);
  });

  it("names references.cityGrowth, and the years missing from a map", () => {
    expect(check(run(["JD-2"]), "JD-2").reason?.zh).toContain("需要情景字段 references.cityGrowth");
    const part = check(run(["JD-2"], { cityGrowth: { "2018": 0.09, "2020": 0.1 } }), "JD-2");
    expect(part.evaluable).toBe(false);
    expect(part.reason?.en).toMatch(/references\.cityGrowth for 2019/);
  });
});

describe("joint conditions: where as a list (JH-2: 千亿规模 and 百亿税收 on the same platform)", () => {
  // Base 2020, 5% growth: × 1.2763 by 2025. P1 reaches both; P2 only tax; P3 only output.
  const jh = [
    platform({ name: "P1", county: "X", status: "main", land: 20000, developableLand: 30000, output: 1000, tax: 90 }),
    platform({ name: "P2", county: "Y", status: "main", land: 20000, developableLand: 8000, output: 700, tax: 100 }),
    platform({ name: "P3", county: "Z", status: "main", land: 20000, developableLand: 20000, output: 1200, tax: 60 }),
  ];
  const both = [
    { metric: "output", comparison: ">=", threshold: 1000 },
    { metric: "tax", comparison: ">=", threshold: 100 },
  ] as const;
  const r = simulate(jh, {
    baseYear: 2020,
    horizon: 2025,
    growth: { mean: 0.05, sd: 0 },
    targets: [
      "JH-2",
      { id: "ANY", level: "region", aggregate: "count", where: [...both], comparison: ">=", threshold: 1 },
      { id: "OUT", level: "region", aggregate: "count", where: both[0], comparison: ">=", threshold: 1 },
      { id: "PER", level: "platform", aggregate: "count", where: [...both], comparison: ">=", threshold: 1 },
      {
        id: "万亩千亿",
        level: "region",
        aggregate: "count",
        where: [{ metric: "developableLand", comparison: ">=", threshold: 10000 }, both[0]],
        comparison: ">=",
        threshold: 1,
      },
    ],
  });

  it("counts a platform only when it meets every condition", () => {
    // 2025: P1 1276 / 114.9 (both); P2 893 / 127.6; P3 1532 / 76.6 → 1 platform; JH-2 asks for 2.
    expect(check(r, "JH-2")).toMatchObject({ value: 1, met: false, metric: "count" });
    expect(check(r, "OUT").value).toBe(2);
    // P1's tax reaches 100 in 2023 (90 × 1.05³ = 104.2; 1.05² gives 99.2).
    expect(check(r, "ANY").firstYear).toBe(2023);
  });

  it("at platform level the count is 1 or 0 for each platform", () => {
    expect(r.targets.filter((t) => t.id === "PER").map((t) => [t.subject, t.value, t.met])).toEqual([
      ["P1", 1, true],
      ["P2", 0, false],
      ["P3", 0, false],
    ]);
  });

  it("mixes a static condition (developable land) with a path one (万亩千亿)", () => {
    // P1 (30,000 亩, 1276) and P3 (20,000 亩, 1532) count; P2 has 8,000 亩.
    expect(check(r, "万亩千亿").value).toBe(2);
    expect(check(r, "万亩千亿").firstYear).toBe(2020); // both above 1000亿 at base already
  });

  it("names the column a condition lacks", () => {
    const t = check(
      simulate([platform({ name: "Q", county: "X", status: "main", land: 1, output: 1 })], {
        baseYear: 2020,
        horizon: 2025,
        targets: "JH-2",
      }),
      "JH-2",
    );
    expect(t.evaluable).toBe(false);
    expect(t.reason?.zh).toContain("税收");
  });

  it("refuses an empty list", () => {
    expect(() => run([{ id: "E", level: "region", aggregate: "count", where: [], comparison: ">=", threshold: 1 }])).toThrow(/where/);
  });
});

describe("the plan's allowance: JX-1 (1–2, up to 1–2 more where needed), JH-1a (1, +1 for a strong county)", () => {
  const mains = (county: string, n: number) =>
    Array.from({ length: n }, (_, k) => platform({ name: `${county}${k}`, county, status: "main", land: 100, output: 10 }));
  const counties = [
    ...mains("二", 2),
    ...mains("三", 3),
    ...mains("五", 5),
    platform({ name: "零0", county: "零", status: "kept", land: 100, output: 10 }),
  ];
  const r = simulate(counties, { baseYear: 2017, horizon: 2020, growth: { mean: 0.05, sd: 0 }, targets: ["JX-1", "JH-1a"] });

  it("met with 1–2; met with the allowance, and noted, with 3–4; not met otherwise", () => {
    expect(check(r, "JX-1", "二")).toMatchObject({ value: 2, met: true, notes: [] });
    const three = check(r, "JX-1", "三");
    expect(three).toMatchObject({ value: 3, met: true, threshold: 1, thresholdMax: 4 });
    expect(three.notes).toHaveLength(1);
    expect(three.notes[0].zh).toMatch(/^按放宽条款达标：3 超出 1–2，在放宽上限 4 以内（现阶段确有需要的，可适当增加 1–2 家）/);
    expect(three.notes[0].en).toMatch(/^met with the allowance: 3 is above 1–2/);
    expect(check(r, "JX-1", "五")).toMatchObject({ value: 5, met: false, notes: [] });
    expect(check(r, "JX-1", "零")).toMatchObject({ value: 0, met: false });
  });

  it("JH-1a: one per county, two with the allowance", () => {
    expect(check(r, "JH-1a", "二").met).toBe(true);
    expect(check(r, "JH-1a", "二").notes[0].en).toContain("met with the allowance: 2 is above 1–1");
    expect(check(r, "JH-1a", "三").met).toBe(false);
  });

  it("refuses an allowance below thresholdMax or without between", () => {
    const bad = {
      id: "B",
      level: "county",
      aggregate: "count",
      comparison: "between",
      threshold: 1,
      thresholdMax: 2,
      allowanceMax: 1,
    } as const;
    expect(() => run([bad])).toThrow(/allowanceMax/);
    expect(() => run([{ ...bad, comparison: ">=", allowanceMax: 4 }])).toThrow(/allowanceMax/);
  });
});

describe("JH-1b: 14 main platforms in the city by 2021", () => {
  const city = (n: number) =>
    Array.from({ length: n }, (_, k) => platform({ name: `平台${k}`, county: `县${k % 7}`, status: "main", land: 100, output: 10 }));
  const go = (n: number) => check(simulate(city(n), { baseYear: 2020, horizon: 2025, targets: ["JH-1b"] }), "JH-1b");
  it("is met with exactly 14, as the plan writes it", () => {
    expect(go(14)).toMatchObject({ value: 14, met: true, year: 2021, subject: "全市" });
    expect(go(13)).toMatchObject({ value: 13, met: false });
    expect(go(15).met).toBe(false);
  });
});

describe("in the Monte Carlo, each trial evaluates the same conditions", () => {
  // The reference targets and the joint count each equal a plain target on the same trials (same seed):
  // JD-2 ⇔ region VA ≥ 50 × 1.09³; HZ-3d ⇔ output > 0.22 × 1200; HZ-2b ⇔ energy < 20; HZ-1b ⇔ VA ≥ 0.05 × 1300.
  const single = [platform({ name: "Q", county: "X", status: "main", land: 10000, output: 1000, tax: 80 })];
  const plain = (id: string, metric: Metric, comparison: ">=" | ">" | "<", threshold: number): TargetInput => ({
    id,
    level: "region",
    metric,
    comparison,
    threshold,
  });
  const r = simulate(sheet, {
    baseYear: 2017,
    horizon: 2020,
    growth: { mean: 0.06, sd: 0.05 },
    monteCarlo: { runs: 2000, seed: "issue13" },
    references: { cityGdp: { "2017": 1000, "2020": 1300 }, cityOutput: { "2017": 1000, "2020": 1200 }, cityGrowth: 0.08 },
    targets: [
      "JD-2",
      "HZ-3d",
      "HZ-2b",
      "HZ-1b",
      plain("VA", "valueAdded", ">=", 50 * 1.09 ** 3),
      plain("OUT", "output", ">", 264),
      plain("E", "energy", "<", 20),
      plain("VA65", "valueAdded", ">=", 65),
    ],
  });
  const p = (id: string) => check(r, id).probability!;

  it("a reference metric's probability is the plain equivalent's, strictly between 0 and 1", () => {
    for (const [a, b] of [
      ["JD-2", "VA"],
      ["HZ-3d", "OUT"],
      ["HZ-2b", "E"],
      ["HZ-1b", "VA65"],
    ]) {
      expect(p(a), a).toBe(p(b));
      expect(p(a), a).toBeGreaterThan(0.02);
      expect(p(a), a).toBeLessThan(0.98);
    }
  });

  it("a joint where is counted per trial: both conditions on one platform, not each apart", () => {
    // τ = 0.08: tax ≥ 100 ⇔ output ≥ 1250, so the joint count is P(output ≥ 1250) < P(output ≥ 1000).
    const mc = simulate(single, {
      baseYear: 2020,
      horizon: 2025,
      growth: { mean: 0.045, sd: 0.06 },
      monteCarlo: { runs: 2000, seed: "joint" },
      targets: [
        "JH-2",
        {
          id: "J1",
          level: "region",
          aggregate: "count",
          where: [
            { metric: "output", comparison: ">=", threshold: 1000 },
            { metric: "tax", comparison: ">=", threshold: 100 },
          ],
          comparison: ">=",
          threshold: 1,
        },
        { id: "Y1250", level: "platform", metric: "output", comparison: ">=", threshold: 1250 },
        { id: "Y1000", level: "platform", metric: "output", comparison: ">=", threshold: 1000 },
      ],
    });
    const q = (id: string) => check(mc, id).probability!;
    expect(q("J1")).toBe(q("Y1250"));
    expect(q("J1")).toBeGreaterThan(0.05);
    expect(q("Y1000")).toBeGreaterThan(q("J1") + 0.1);
    expect(q("JH-2")).toBe(0); // one platform can never be two
  });
});

describe("every preset target is evaluated or names what it lacks", () => {
  const full = (name: string, county: string, k: number) =>
    platform({
      name,
      county,
      status: "main",
      level: "national",
      land: 10000 + k,
      developableLand: 20000,
      output: 500 + k,
      valueAdded: 100,
      tax: 20,
      energy: 30,
      rd: 10,
      highTechValueAdded: 40,
      strategicEmergingOutput: 100,
      listedCompanies: 3,
      enterprises100: 1,
      employees: 10000,
      emissions: 5,
    });
  // 乙 in 缙云县 so that LS-5 (缙云, 青田, 遂松 platforms) has a subject.
  const fullSheet = [full("甲", "A", 0), full("乙", "缙云县", 1)];
  const allYears = (p: (typeof PRESETS)[number], v: number) =>
    Object.fromEntries(Array.from({ length: p.horizon - p.baseYear + 1 }, (_, k) => [String(p.baseYear + k), v * (1 + 0.05 * k)]));
  const COLUMN = { zh: /^需要平台表列“[^”]+”/, en: /^needs the platform sheet column/ };
  // Or no platform of the sheet is a subject (LS-5 names 缙云, 青田, 遂松): nothing is missing then.
  const NAMED = {
    zh: /需要平台表列“|需要情景字段 references\.\w+|平台表缺少“[^”]+”|平台表中没有符合条件的平台/,
    en: /platform sheet column|references\.\w+|platform sheet has no \S|no platform in the sheet matches/,
  };

  for (const preset of PRESETS) {
    const metricOf = (id: string) => preset.targets.find((t) => t.id === id)?.metric as Metric | undefined;

    it(`${preset.id}: with every column and every reference, only columns the reader lacks remain`, () => {
      const r = simulate(fullSheet, {
        baseYear: preset.baseYear,
        horizon: preset.horizon,
        targets: preset.id,
        references: { cityOutput: allYears(preset, 5000), cityGdp: allYears(preset, 20000), cityGrowth: 0.07, cityIndustrialLand: 100000 },
      });
      expect(new Set(r.targets.map((t) => t.id))).toEqual(new Set(preset.targets.map((t) => t.id)));
      for (const t of r.targets) {
        if (t.evaluable) expect(t.met, t.id).not.toBeNull();
        else {
          expect(t.reason?.zh, t.id).toMatch(COLUMN.zh);
          expect(t.reason?.en, t.id).toMatch(COLUMN.en);
        }
      }
    });

    it(`${preset.id}: without references, each target that reads one names its field`, () => {
      const r = simulate(fullSheet, { baseYear: preset.baseYear, horizon: preset.horizon, targets: preset.id });
      for (const t of r.targets) {
        const metric = metricOf(t.id);
        const field = metric && isReferenceMetric(metric) ? REFERENCE_METRIC_SPECS[metric].reference : null;
        if (field) {
          expect(t.evaluable, t.id).toBe(false);
          expect(t.reason?.zh, t.id).toContain(`需要情景字段 references.${field}`);
          expect(t.reason?.en, t.id).toContain(`needs the scenario field references.${field}`);
        } else if (!t.evaluable) expect(t.reason?.zh, t.id).toMatch(COLUMN.zh);
      }
    });

    it(`${preset.id}: on a bare sheet every reason names a column or a references field`, () => {
      const bare = [platform({ name: "甲", county: "A", status: "main", level: "national", land: 10000, output: 500 })];
      const r = simulate(bare, { baseYear: preset.baseYear, horizon: preset.horizon, targets: preset.id });
      for (const t of r.targets.filter((x) => !x.evaluable)) {
        expect(t.reason?.zh, t.id).toMatch(NAMED.zh);
        expect(t.reason?.en, t.id).toMatch(NAMED.en);
      }
    });
  }

  it("the presets hold the ids the plans' new targets have", () => {
    const ids = PRESETS.flatMap((p) => p.targets.map((t) => t.id));
    for (const id of ["HZ-1b", "HZ-1c", "HZ-2b", "HZ-3a-p", "HZ-3b-p", "HZ-3c-p", "HZ-3d", "JD-2", "JD-2-p", "JH-1a", "JH-1b", "JH-2"])
      expect(ids).toContain(id);
    expect(ids).not.toContain("JH-2a");
    expect(ids).not.toContain("JH-2b");
  });
});
