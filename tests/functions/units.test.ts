import { beforeEach, describe, expect, it } from "vitest";
import { resultCache } from "../../src/functions/cache.js";
import { unitConvertFunction, perMuFunction } from "../../src/functions/functions.js";
import { OMITTED, rejectionOf } from "./cellError.js";

beforeEach(() => resultCache.clear());

describe("PARKPLAN.PERMU(value, land, [valueUnit], [landUnit])", () => {
  it("divides 亿元 by 亩 into 万元/亩 by default: 50亿元 on 10,000 亩 = 50", async () => {
    expect(await perMuFunction(50, 10000)).toBe(50);
    expect(await perMuFunction(50, 10000, OMITTED, OMITTED)).toBe(50);
  });

  it("converts the units first: 5000万元 on 200公顷 (3000亩) = 1.6667 万元/亩", async () => {
    expect(await perMuFunction(5000, 200, "万元", "公顷")).toBeCloseTo((5000 / 1e4 / 3000) * 1e4, 12);
    expect(await perMuFunction(5000, 200, "万元", "公顷")).toBeCloseTo(1.666667, 6);
  });

  it("takes unit spellings a sheet uses: 1元 per 平方米 = 666.67元/亩 = 0.0667 万元/亩; 2 亿 on 1 km² (1500 亩) = 13.33", async () => {
    expect(await perMuFunction(1, 1, "元", "m²")).toBeCloseTo(0.0666667, 7);
    expect(await perMuFunction(2, 1, "亿", "km2")).toBeCloseTo(20000 / 1500, 10);
  });

  it("gives 0 for nothing on no land", async () => {
    expect(await perMuFunction(0, 0)).toBe(0);
  });

  it("is #VALUE! with the rule for negative land, #DIV/0! (Excel's code for it) for zero land under an amount", async () => {
    expect((await rejectionOf(perMuFunction(5, -1), "#VALUE!")).message).toBe("用地面积不能为负 / land must not be negative");
    await rejectionOf(perMuFunction(5, 0), "#DIV/0!");
  });

  it("is #VALUE! for an unknown unit, a unit of the wrong kind, or a missing number", async () => {
    expect((await rejectionOf(perMuFunction(5, 10, "美元"), "#VALUE!")).message).toContain("美元");
    await rejectionOf(perMuFunction(5, 10, "公顷"), "#VALUE!");
    await rejectionOf(perMuFunction(5, 10, "亿元", "万元"), "#VALUE!");
    await rejectionOf(perMuFunction(OMITTED as unknown as number, 10), "#VALUE!");
    await rejectionOf(perMuFunction("5" as unknown as number, 10), "#VALUE!");
  });
});

describe("PARKPLAN.UNITCONVERT(value, from, to)", () => {
  it("converts money, area and energy exactly where decimal", async () => {
    expect(await unitConvertFunction(3500, "万元", "亿元")).toBe(0.35);
    expect(await unitConvertFunction(2.5, "亿元", "万元")).toBe(25000);
    expect(await unitConvertFunction(1, "公顷", "亩")).toBeCloseTo(15, 12);
    expect(await unitConvertFunction(1, "平方公里", "亩")).toBeCloseTo(1500, 9);
    expect(await unitConvertFunction(3000, "亩", "公顷")).toBeCloseTo(200, 12);
    expect(await unitConvertFunction(5000, "吨标煤", "万吨标煤")).toBe(0.5);
  });

  it("is #VALUE! across kinds, for units it does not know, and for percentages", async () => {
    expect((await rejectionOf(unitConvertFunction(1, "亿元", "亩"), "#VALUE!")).message).toContain("亿元 → 亩");
    await rejectionOf(unitConvertFunction(1, "斤", "亩"), "#VALUE!");
    await rejectionOf(unitConvertFunction(50, "%", "%"), "#VALUE!");
    await rejectionOf(unitConvertFunction(1, OMITTED as unknown as string, "亩"), "#VALUE!");
  });
});
