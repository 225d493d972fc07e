/** models/validate.ts: each problem with its code, severity, platform index, field and both languages. */
import { describe, expect, test } from "vitest";
import { platform } from "../../models/platform.js";
import { PLAUSIBLE_LIMITS, platformProblems, PlatformInputError, validatePlatforms } from "../../models/validate.js";

const ok = platform({ name: "甲", land: 1000, output: 100 });
const brief = (ps: ReturnType<typeof platformProblems>) =>
  ps.map((p) => `${p.code}:${p.severity}:${p.index}:${p.field}${p.related ? `~${p.related}` : ""}`);

describe("platformProblems", () => {
  test("a plain platform has none", () => {
    expect(
      platformProblems([ok, platform({ name: "乙", land: 10, output: 0, developableLand: 10, tax: 0.5, valueAdded: 20, energy: 100 })]),
    ).toEqual([]);
  });

  test("non-finite figures are errors and get no further checks", () => {
    const ps = platformProblems([platform({ name: "甲", land: Infinity, output: 100, tax: -Infinity, energy: NaN })]);
    // In the order of PLAUSIBLE_LIMITS: money, then land, then energy.
    expect(brief(ps)).toEqual(["NON_FINITE:error:0:tax", "NON_FINITE:error:0:land", "NON_FINITE:error:0:energy"]);
    expect(ps[1].zh).toBe("工业用地面积换算为模型单位后超出可计算范围（Infinity）");
    expect(ps[1].en).toBe("land in use is out of the computable range after unit conversion (Infinity)");
  });

  test("limits: above errorAbove an error, above warnAbove a warning, at the limit nothing", () => {
    const ps = platformProblems([
      platform({ name: "甲", land: 10_000_001, output: 1_000_000 }),
      platform({ name: "乙", land: 500_001, output: 20_000.5, energy: 5_000 }),
    ]);
    expect(brief(ps)).toEqual([
      "IMPLAUSIBLE:warning:0:output",
      "IMPOSSIBLE:error:0:land",
      "IMPLAUSIBLE:warning:1:output",
      "IMPLAUSIBLE:warning:1:land",
    ]);
    expect(ps[1].zh).toBe("工业用地面积为 10000001 亩，超过任何平台可能的上限 10000000 亩，请检查单位");
    expect(ps[2].en).toBe("output is 20000.5 亿元, beyond a plausible 20000 亿元; check the unit");
  });

  test("1e308 is printed in exponent form", () => {
    const [p] = platformProblems([platform({ name: "甲", land: 10, output: 1e308 })]);
    expect(p.en).toBe("output is 1e+308 亿元, above what any platform can have (1000000 亿元); check the unit");
  });

  test("parts above their whole: value added, R&D, high-tech VA are errors; tax a warning", () => {
    const ps = platformProblems([
      platform({ name: "甲", land: 10, output: 100, valueAdded: 120, rd: 150, tax: 101, highTechValueAdded: 130 }),
    ]);
    expect(brief(ps)).toEqual([
      "EXCEEDS_TOTAL:error:0:valueAdded~output",
      "EXCEEDS_TOTAL:error:0:rd~output",
      "EXCEEDS_TOTAL:error:0:highTechValueAdded~valueAdded",
      "TAX_ABOVE_OUTPUT:warning:0:tax~output",
    ]);
    expect(ps[1].zh).toBe("研发投入（150 亿元）大于规上工业产值（100 亿元），不可能");
    expect(ps[3].en).toBe("tax (101 亿元) exceeds output (100 亿元); check the units");
  });

  test("energy per value added above 10 吨标煤/万元 is a warning", () => {
    // 250 万吨标煤 / 20 亿元 = 12.5 吨标煤/万元; 200 / 20 = 10 is not above.
    const ps = platformProblems([
      platform({ name: "甲", land: 10, output: 100, valueAdded: 20, energy: 250 }),
      platform({ name: "乙", land: 10, output: 100, valueAdded: 20, energy: 200 }),
    ]);
    expect(brief(ps)).toEqual(["ENERGY_INTENSITY_HIGH:warning:0:energy~valueAdded"]);
    expect(ps[0].zh).toMatch(/^单位增加值能耗 12\.5 吨标煤\/万元/);
  });

  test("developable land below land in use says what the model does", () => {
    const [p] = platformProblems([platform({ name: "甲", land: 1000, output: 10, developableLand: 800 })]);
    expect(brief([p])).toEqual(["DEVELOPABLE_BELOW_LAND:warning:0:developableLand~land"]);
    expect(p.zh).toBe(
      "可开发空间（800 亩）小于工业用地面积（1000 亩）：模型按没有剩余空间计算，不再分配新增用地，也不承接退出平台迁入的产值；现有用地不变",
    );
  });

  test("names, negative figures, output without land, a fractional exit year, an empty list", () => {
    const ps = platformProblems([
      ok,
      platform({ name: "甲", land: 0, output: 5, tax: -1, exitYear: 2020.5 }),
      platform({ name: "", land: 1, output: 0 }),
    ]);
    expect(brief(ps)).toEqual([
      "DUPLICATE_NAME:error:1:name",
      "NOT_A_YEAR:error:1:exitYear",
      "NEGATIVE:error:1:tax",
      "OUTPUT_WITHOUT_LAND:error:1:land~output",
      "NO_NAME:error:2:name",
    ]);
    expect(ps[2].zh).toBe("税收为负数（-1 亿元）");
    expect(brief(platformProblems([]))).toEqual(["NO_PLATFORMS:error:-1:platforms"]);
  });

  test("every figure has a limit with a warning below its error limit", () => {
    for (const [field, l] of Object.entries(PLAUSIBLE_LIMITS)) expect(l.warnAbove === null || l.warnAbove < l.errorAbove, field).toBe(true);
  });
});

describe("validatePlatforms", () => {
  test("throws the errors only, each message naming the platform", () => {
    expect(() => validatePlatforms([platform({ name: "甲", land: 1000, output: 30_000, developableLand: 10 })])).not.toThrow();
    let thrown: unknown;
    try {
      validatePlatforms([platform({ name: "乙", land: 10, output: 2e6, tax: 1e7 })]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PlatformInputError);
    expect((thrown as PlatformInputError).problems.map((p) => p.code)).toEqual(["IMPOSSIBLE", "IMPOSSIBLE"]);
    expect((thrown as Error).message.split("\n")[0]).toBe(
      '平台“乙”规上工业产值为 2000000 亿元，超过任何平台可能的上限 1000000 亿元，请检查单位 / platform "乙": output is 2000000 亿元, above what any platform can have (1000000 亿元); check the unit',
    );
  });
});
