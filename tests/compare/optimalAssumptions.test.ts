/**
 * The comparison's land assumption of a requests strategy without a quota: the quota is then the sum of the
 * requests (models/policy/resolve.ts), so it reads "按申请" for manual and "按最优配置" for optimal (the plan's
 * grants), never "0"; a weights strategy without a quota grants nothing and reads "0".
 */
import { describe, expect, test } from "vitest";
import type { SimulationResult } from "../../models/results.js";
import { simulate } from "../../models/simulate.js";
import { assumptionsOf } from "../../src/compare/assumptions.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { PLAIN, platformGrid } from "./fixture.js";

const sheet = readPlatformSheet(platformGrid());
const GRANTS = { land: { 甲经开区: { "2020": 500, "2021": 500 } } };

const land = (result: SimulationResult) => assumptionsOf(result).find((a) => a.key === "land")!.value;
const run = (landSection: object, plannedGrants?: typeof GRANTS) =>
  simulate(sheet.platforms, { ...PLAIN, land: landSection }, { baseYear: sheet.baseYear ?? undefined, plannedGrants });

describe("the land assumption without a quota", () => {
  test("optimal reads 按最优配置 (its planned grants), and the run grants exactly them", () => {
    const result = run({ strategy: "optimal" }, GRANTS);
    expect(land(result)).toBe("按最优配置 as planned；最优配置（线性规划） optimal；滞后 lag 1 年 yr");
    // The quota is the grants' sum: 甲经开区 ends 2022 with 10000 + 500 + 500 亩.
    const jia = result.platforms.find((p) => p.name === "甲经开区")!;
    expect(jia.years.find((y) => y.year === 2022)!.land).toBe(11000);
  });

  test("manual reads 按申请, a weights strategy 0; a set quota reads its amount whatever the strategy", () => {
    expect(land(run({ strategy: "manual" }))).toMatch(/^按申请 by request；逐平台指定 manual；/);
    expect(land(run({ strategy: "proportional" }))).toMatch(/^0；按现有规模 proportional；/);
    expect(land(run({ strategy: "optimal", quota: 1000 }, GRANTS))).toMatch(/^1,000；最优配置（线性规划） optimal；/);
  });
});
