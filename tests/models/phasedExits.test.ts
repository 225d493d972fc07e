/**
 * Exits as the plans mean them (model.md §2.3): a phased exit's output runs down by (x − t)/(x − t0) and
 * it receives no land; an exited platform's land returns to the quota r × L(x−1) after λ_R years and is
 * reported as landReturned; version 1 (immediate, r = 0) is unchanged.
 */
import { describe, expect, it } from "vitest";
import { platform, type Platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";

const BASE = 2020;
// X exits in 2024 (x − t0 = 4); M takes whatever land there is (2,000 亩 of room).
const sheet: Platform[] = [
  platform({ name: "M", county: "X县", status: "main", land: 1000, developableLand: 3000, output: 100 }),
  platform({
    name: "X",
    county: "X县",
    status: "exit",
    mainPlatform: "M",
    exitYear: BASE + 4,
    land: 400,
    developableLand: 800,
    output: 20,
  }),
];
const years = [BASE + 1, BASE + 2, BASE + 3, BASE + 4, BASE + 5, BASE + 6];
const run = (exits: Record<string, unknown>, land: Record<string, unknown> = { quota: 100, lagYears: 0 }) =>
  simulate(sheet, { baseYear: BASE, horizon: years, growth: { mean: 0, sd: 0 }, land, exits: { relocationShare: 0, ...exits } });
const output = (r: ReturnType<typeof run>, name: string, year: number) =>
  r.platforms.find((p) => p.name === name)!.years.find((y) => y.year === year)!;

describe("exits.mode phased", () => {
  it("runs X's output down to its exit year: 20 × 3/4, 2/4, 1/4, then 0", () => {
    const r = run({ mode: "phased" });
    expect([1, 2, 3, 4].map((k) => output(r, "X", BASE + k).output)).toEqual([15, 10, 5, 0]);
  });

  it("gives X no land: the whole quota goes to M", () => {
    const phased = run({ mode: "phased" });
    expect(output(phased, "X", BASE + 3).land).toBe(400);
    expect(output(phased, "M", BASE + 3).land).toBe(1300);
    // Immediate (version 1): X takes its share by land in use until it is gone: 100 × 400/1400 in 2021.
    const immediate = run({});
    expect(output(immediate, "X", BASE + 1).land).toBeCloseTo(400 + (100 * 400) / 1400, 10);
    expect(output(immediate, "X", BASE + 1).output).toBeCloseTo(20 * (1 + 100 / 1400), 10); // same 亩均产出 on more land
  });
});

describe("exits.landReturnShare", () => {
  it("returns r × L(x−1) to the quota λ_R years after the exit, reported as landReturned", () => {
    const r = run({ mode: "phased", landReturnShare: 0.5, landReturnLag: 1 });
    const returned = r.balances.map((b) => b.landReturned);
    expect(returned).toEqual([0, 0, 0, 0, 200, 0]); // 0.5 × 400 in 2025
    expect(output(r, "M", BASE + 5).land - output(r, "M", BASE + 4).land).toBe(300); // 100 quota + 200 returned
    expect(r.balances[4].landGranted).toBe(300);
  });

  it("is 0 by default (version 1)", () => {
    expect(run({}).balances.every((b) => b.landReturned === 0)).toBe(true);
  });
});
