import { describe, expect, it } from "vitest";
import { CANONICAL, loadUnits, parseUnit, perMu, toRatio, toWanTonne, toYi, unitConverter, unitKind } from "../../models/units.js";

// The area conversions need mathjs, loaded on first use; the converter it gives is synchronous.
const { convert, toCanonical, toMu } = await loadUnits();

// Expected values are hand arithmetic: 1 亩 = 10000/15 m², 1 公顷 = 10^4 m² = 15 亩,
// 1 平方公里 = 10^6 m² = 1500 亩; 1 亿元 = 10^4 万元 = 10^8 元; 1 万吨 = 10^4 吨.

describe("toMu(value, from)", () => {
  it('toMu(2, "公顷") is 30 亩 (2 × 15), exactly: 1 公顷 is exactly 15 亩', () => {
    expect(toMu(2, "公顷")).toBe(2 * 15);
    expect(toMu(1, "公顷")).toBe(15);
  });

  it('toMu(1, "平方公里") is 1500 亩 (10^6 m² ÷ (10^4/15) m²)', () => {
    expect(toMu(1, "平方公里")).toBeCloseTo(1e6 / (1e4 / 15), 9);
  });

  it('toMu(6666.67, "平方米") is about 10 亩 (6666.67 × 15 / 10^4 = 10.000005)', () => {
    expect(toMu(6666.67, "平方米")).toBeCloseTo((6666.67 * 15) / 1e4, 9);
    expect(toMu(6666.67, "平方米")).toBeCloseTo(10, 4);
  });

  it('toMu(x, "亩") returns x unchanged, including 0', () => {
    expect(toMu(123.45, "亩")).toBe(123.45);
    expect(toMu(0, "公顷")).toBe(0);
  });
});

describe("toYi(value, from)", () => {
  it('toYi(3500, "万元") is 0.35 亿元 (3500 ÷ 10^4)', () => {
    expect(toYi(3500, "万元")).toBeCloseTo(0.35, 14);
  });

  it('toYi(12345678, "元") is 0.12345678 亿元 (÷ 10^8)', () => {
    expect(toYi(12_345_678, "元")).toBeCloseTo(0.12345678, 14);
  });

  it('toYi(x, "亿元") is x', () => {
    expect(toYi(7.25, "亿元")).toBe(7.25);
  });
});

describe("toWanTonne(value, from) and toRatio(value, from)", () => {
  it('toWanTonne(5000, "吨标煤") is 0.5 万吨标煤 (5000 ÷ 10^4)', () => {
    expect(toWanTonne(5000, "吨标煤")).toBeCloseTo(0.5, 14);
    expect(toWanTonne(3, "万吨标煤")).toBe(3);
  });

  it('toRatio(45, "%") is 0.45 and a fraction passes through', () => {
    expect(toRatio(45, "%")).toBeCloseTo(0.45, 14);
    expect(toRatio(0.45, "ratio")).toBe(0.45);
  });
});

describe("convert(value, from, to)", () => {
  it("converts money both ways", () => {
    expect(convert(1, "亿元", "万元")).toBeCloseTo(1e4, 9);
    expect(convert(1e4, "万元", "亿元")).toBeCloseTo(1, 14);
    expect(convert(3500, "万元", "元")).toBeCloseTo(3500 * 1e4, 4);
    expect(convert(35_000_000, "元", "万元")).toBeCloseTo(3500, 9);
  });

  it("converts area both ways", () => {
    expect(convert(30, "亩", "公顷")).toBeCloseTo(2, 12);
    expect(convert(2, "公顷", "亩")).toBeCloseTo(30, 10);
    expect(convert(1500, "亩", "平方公里")).toBeCloseTo(1, 12);
    expect(convert(1, "平方公里", "公顷")).toBeCloseTo(100, 10);
    expect(convert(1, "亩", "平方米")).toBeCloseTo(1e4 / 15, 9);
  });

  it("converts energy both ways", () => {
    expect(convert(0.5, "万吨标煤", "吨标煤")).toBeCloseTo(5000, 9);
    expect(convert(5000, "吨标煤", "万吨标煤")).toBeCloseTo(0.5, 14);
  });

  it("converts ratios both ways and leaves same-unit ratios alone", () => {
    expect(convert(45, "%", "ratio")).toBeCloseTo(0.45, 14);
    expect(convert(0.45, "ratio", "%")).toBeCloseTo(45, 12);
    expect(convert(45, "%", "%")).toBe(45);
    expect(convert(0.45, "ratio", "ratio")).toBe(0.45);
  });

  it("convert(value, from, to) round-trips within each kind", () => {
    const pairs = [
      ["亿元", "元"],
      ["公顷", "平方米"],
      ["吨标煤", "万吨标煤"],
      ["%", "ratio"],
    ] as const;
    for (const [a, b] of pairs) expect(convert(convert(17.3, a, b), b, a)).toBeCloseTo(17.3, 10);
  });

  it("throws a RangeError naming both units when the kinds differ", () => {
    expect(() => convert(1, "亿元", "亩")).toThrow(RangeError);
    expect(() => convert(1, "亿元", "亩")).toThrow(/亿元.*亩/);
    expect(() => convert(1, "吨标煤", "%")).toThrow(/吨标煤.*%/);
    expect(() => convert(1, "公顷", "万元")).toThrow(/公顷.*万元/);
  });
});

describe("unitKind(unit)", () => {
  it("names the kind of each unit", () => {
    expect(["亿元", "万元", "元"].map((u) => unitKind(u as "元"))).toEqual(["money", "money", "money"]);
    expect(["亩", "公顷", "平方公里", "平方米"].map((u) => unitKind(u as "亩"))).toEqual(["area", "area", "area", "area"]);
    expect([unitKind("万吨标煤"), unitKind("吨标煤")]).toEqual(["energy", "energy"]);
    expect([unitKind("%"), unitKind("ratio")]).toEqual(["ratio", "ratio"]);
  });
});

describe("parseUnit(text)", () => {
  it("recognises Chinese, English and symbol spellings", () => {
    expect(parseUnit("％")).toBe("%"); // full-width percent sign
    expect(parseUnit("%")).toBe("%");
    expect(parseUnit("公顷")).toBe("公顷");
    expect(parseUnit("km²")).toBe("平方公里");
    expect(parseUnit("万吨标准煤")).toBe("万吨标煤");
    expect(parseUnit("吨标准煤")).toBe("吨标煤");
    expect(parseUnit("万元")).toBe("万元");
    expect(parseUnit("亿")).toBe("亿元");
    expect(parseUnit("m²")).toBe("平方米");
    expect(parseUnit("平方千米")).toBe("平方公里");
  });

  it("trims and ignores case", () => {
    expect(parseUnit("  公顷 ")).toBe("公顷");
    expect(parseUnit("HA")).toBe("公顷");
    expect(parseUnit("KM2")).toBe("平方公里");
    expect(parseUnit("Percent")).toBe("%");
    expect(parseUnit("RMB")).toBe("元");
  });

  it("returns undefined for unknown or empty text", () => {
    expect(parseUnit("斤")).toBeUndefined();
    expect(parseUnit("")).toBeUndefined();
    expect(parseUnit("   ")).toBeUndefined();
    expect(parseUnit("toString")).toBeUndefined(); // no prototype keys leak through
  });
});

describe("toCanonical(value, from)", () => {
  it("converts each kind to its canonical unit", () => {
    expect(CANONICAL).toEqual({ money: "亿元", area: "亩", energy: "万吨标煤", ratio: "ratio" });
    expect(toCanonical(3500, "万元")).toBeCloseTo(0.35, 14);
    expect(toCanonical(12_345_678, "元")).toBeCloseTo(0.12345678, 14);
    expect(toCanonical(2, "公顷")).toBeCloseTo(30, 10);
    expect(toCanonical(1, "平方公里")).toBeCloseTo(1500, 9);
    expect(toCanonical(5000, "吨标煤")).toBeCloseTo(0.5, 14);
    expect(toCanonical(45, "%")).toBeCloseTo(0.45, 14);
    expect(toCanonical(0.3, "ratio")).toBe(0.3);
    expect(toCanonical(12, "亩")).toBe(12);
    expect(toCanonical(4, "亿元")).toBe(4);
  });
});

describe("perMu(amountYi, landMu)", () => {
  it("perMu(50, 10000) is 50 万元/亩 (50 × 10^4 ÷ 10^4)", () => {
    expect(perMu(50, 10000)).toBe(50);
  });

  it("perMu(1000, 20000) is 500 万元/亩 (1000 × 10^4 ÷ 20000)", () => {
    expect(perMu(1000, 20000)).toBe(500);
  });

  it("perMu(0, 0) is 0 and perMu(1, 0) is NaN, never Infinity", () => {
    expect(perMu(0, 0)).toBe(0);
    expect(perMu(1, 0)).toBeNaN();
    expect(perMu(-1, 0)).toBeNaN();
  });
});

describe("loadUnits() and unitConverter(area)", () => {
  it("loads the unit system once: every caller gets the same converter", async () => {
    const [a, b] = await Promise.all([loadUnits(), loadUnits()]);
    expect(a).toBe(b);
    expect(await loadUnits()).toBe(a);
  });

  it("converts money, energy and ratios without the area conversion (no mathjs needed for them)", () => {
    const noArea = unitConverter(() => {
      throw new Error("area conversion called");
    });
    expect(noArea.convert(3500, "万元", "亿元")).toBe(0.35);
    expect(noArea.toCanonical(5000, "吨标煤")).toBe(0.5);
    expect(noArea.toCanonical(45, "%")).toBe(0.45);
    expect(noArea.toMu(12, "亩")).toBe(12);
    expect(() => noArea.toMu(1, "公顷")).toThrow("area conversion called");
  });

  it("hands area conversions to the area function with both units", () => {
    const calls: string[] = [];
    const fake = unitConverter((value, from, to) => (calls.push(`${from}→${to}`), value * 15));
    expect(fake.toCanonical(2, "公顷")).toBe(30);
    expect(fake.convert(2, "公顷", "公顷")).toBe(2);
    expect(calls).toEqual(["公顷→亩"]);
  });
});
