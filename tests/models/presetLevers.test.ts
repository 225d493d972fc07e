/**
 * The levers a preset proposes (model.md §2.1): the jiaxing-2020 preset's high-tech and R&D paths, as the
 * sample scenario jiaxing-2017.levers.scenario.json carries them, move JX-5 and JX-6 off the 0/1 they get from
 * the base data alone; a preset's levers are proposals only (choosing a preset applies none of them).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { findPreset, presetLevers, PRESETS } from "../../models/presets.js";
import { simulate } from "../../models/simulate.js";
import { resolveScenario } from "../../models/index.js";
import type { SimulationResult } from "../../models/results.js";
import { loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import type { Platform } from "../../models/platform.js";

const sample = (name: string) => new URL(`../../assets/samples/${name}`, import.meta.url);
const json = (name: string) => JSON.parse(readFileSync(sample(name), "utf8")) as Record<string, unknown>;

let platforms: Platform[];
beforeAll(async () => {
  const book = await XlsxWorkbook.open(new Uint8Array(readFileSync(sample("jiaxing-2017.xlsx"))), "jiaxing-2017.xlsx");
  platforms = (await loadPlatforms(book)).platforms;
});

const probabilities = (r: SimulationResult, id: string) => r.targets.filter((t) => t.id === id).map((t) => t.probability ?? NaN);
const interior = (ps: number[]) => ps.filter((p) => p > 0 && p < 1);

describe("jiaxing-2020's levers on the 嘉兴 sample", () => {
  test("the sample levers scenario carries exactly the preset's levers", () => {
    expect(json("jiaxing-2017.levers.scenario.json").ratios).toEqual(presetLevers(findPreset("jiaxing-2020")!));
  });

  test("without levers every JX-6 probability is 0 or 1; with them JX-5 and JX-6 each have subjects strictly between", () => {
    const without = simulate(platforms, json("jiaxing-2017.scenario.json"));
    expect(interior(probabilities(without, "JX-6"))).toEqual([]);
    const withLevers = simulate(platforms, json("jiaxing-2017.levers.scenario.json"));
    expect(interior(probabilities(withLevers, "JX-5")).length).toBeGreaterThan(0);
    expect(interior(probabilities(withLevers, "JX-6")).length).toBeGreaterThan(0);
    // The levers raise every main platform's shares: no probability falls.
    const before5 = probabilities(without, "JX-5");
    probabilities(withLevers, "JX-5").forEach((p, j) => expect(p).toBeGreaterThanOrEqual(before5[j]));
  });

  test("a main platform's 2020 R&D share: its own base share + 3 × 0.5 points (no sub-parks, deterministic path)", () => {
    const r = simulate(platforms, { ...json("jiaxing-2017.levers.scenario.json"), monteCarlo: { runs: 0 } });
    const port = r.platforms.find((p) => p.name === "嘉兴港区")!;
    const [base, last] = [port.years[0], port.years.at(-1)!];
    expect(last.rd / last.output).toBeCloseTo(base.rd / base.output + 3 * 0.005, 14);
    expect(last.highTechValueAdded / last.valueAdded).toBeCloseTo(base.highTechValueAdded / base.valueAdded + 3 * 0.012, 14);
  });
});

describe("levers are proposals", () => {
  test("a scenario naming a preset gets none of its levers", () => {
    for (const p of PRESETS) expect(resolveScenario({ targets: p.id }, 2020).ratios).toEqual({});
  });

  test("every lever names a target of its own preset, and its ratios pass the scenario schema", () => {
    for (const p of PRESETS) {
      const ids = new Set(p.targets.map((t) => t.id));
      for (const lever of p.levers) expect(ids.has(lever.target)).toBe(true);
      expect(() => resolveScenario({ ratios: presetLevers(p) }, 2020)).not.toThrow();
    }
  });
});
