/** simulate --json carries `calibration` (per platform { mean, sd, years }, the fitted ρ) when growth.fromHistory is on, and nothing when off. */
import { describe, expect, it } from "vitest";
import { jsonDocument, jsonPieces, toJson } from "../../src/cli/jsonOutput.js";
import { simulate } from "../../models/simulate.js";
import { platform } from "../../models/platform.js";

const year = (y: number, output: number) => ({ year: y, figures: { output, land: 1000 } });
const sheet = [
  platform({ name: "甲", level: "provincial", land: 1000, output: 121, history: [year(2015, 100), year(2016, 110)] }),
  platform({ name: "乙", level: "provincial", land: 1000, output: 113.4, history: [year(2015, 100), year(2016, 105)] }),
  platform({ name: "丙", level: "provincial", land: 1000, output: 107.1, history: [year(2015, 100), year(2016, 102)] }),
];

describe("--json calibration", () => {
  it("gives per platform { name, mean, sd, years }, the fitted rho and the correlation used, last", () => {
    const result = simulate(sheet, { baseYear: 2017, horizon: 2018, growth: { fromHistory: true } });
    const doc = jsonDocument(result, []) as Record<string, unknown>;
    expect(Object.keys(doc).at(-1)).toBe("calibration");
    const cal = doc.calibration as {
      rho: number;
      correlation: number;
      platforms: { name: string; mean: number; sd: number; years: number }[];
    };
    expect(cal.rho).toBeCloseTo(0.5, 12);
    expect(cal.correlation).toBeCloseTo(0.5, 12);
    expect(cal.platforms.map((p) => [p.name, p.years])).toEqual([
      ["甲", 2],
      ["乙", 2],
      ["丙", 2],
    ]);
    expect(Object.keys(cal.platforms[0])).toEqual(["name", "mean", "sd", "years"]);
    expect(cal.platforms[0].mean).toBeCloseTo(0.095276, 6); // models/README's worked example
    expect(cal.platforms[0].sd).toBeCloseTo(Math.sqrt(0.00015), 12);
    expect([...jsonPieces(result, [])].join("")).toBe(toJson(doc));
  });

  it("leaves the key out when fromHistory is off", () => {
    const result = simulate(sheet, { baseYear: 2017, horizon: 2018 });
    expect(result.calibration).toBeNull();
    const doc = jsonDocument(result, []) as Record<string, unknown>;
    expect("calibration" in doc).toBe(false);
    expect([...jsonPieces(result, [])].join("")).toBe(toJson(doc));
  });
});
