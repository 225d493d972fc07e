/**
 * simulate --json carries what the engine computes beyond the paths: per target the plan's own range
 * bound (strictMax), P(met by each year) and the median first year; per target id the chance all its
 * subjects meet it together (allMet); each platform's 亩均评价 class odds (classOdds). On the 嘉兴 sample
 * with its own scenario file (1,000 Monte Carlo runs), parsed back from the streamed text.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { SimulationResult } from "../../models/results.js";
import { jsonDocument, jsonPieces, toJson } from "../../src/cli/jsonOutput.js";
import { runScenario } from "../../src/pipeline/runScenario.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

interface TargetJson {
  id: string;
  subject: string;
  threshold: number | null;
  thresholdMax: number | null;
  strictMax: number | null;
  probability: number | null;
  metBy: { year: number; probability: number }[] | null;
  medianFirstYear: number | null;
}
interface Doc {
  platforms: { name: string }[];
  targets: TargetJson[];
  classOdds: { year: number; platforms: { name: string; classes: Record<"A" | "B" | "C" | "D", number>; unclassified: number }[] } | null;
  allMet: Record<string, number> | null;
}

const SCENARIO = JSON.parse(readFileSync("assets/samples/jiaxing-2017.scenario.json", "utf8")) as Record<string, unknown>;
let result: SimulationResult;
let doc: Doc;

async function sample(scenario: Record<string, unknown>) {
  const book = await XlsxWorkbook.open(readFileSync("assets/samples/jiaxing-2017.xlsx"), "jiaxing-2017.xlsx");
  return runScenario(book, { scenario, write: false });
}

beforeAll(async () => {
  const run = await sample(SCENARIO);
  result = run.result;
  doc = JSON.parse([...jsonPieces(result, run.input.issues)].join("")) as Doc;
}, 60_000);

describe("--json targets, allMet and classOdds on the 嘉兴 sample", () => {
  it("orders the top-level fields: targets, then classOdds and allMet (calibration last when on)", () => {
    expect(Object.keys(doc)).toEqual(["engine", "scenario", "warnings", "platforms", "rollups", "targets", "classOdds", "allMet"]);
  });

  it("JX-1 carries the plan's range 1–2 (strictMax 2) beside the allowance's 4; other targets have no strictMax", () => {
    const jx1 = doc.targets.filter((t) => t.id === "JX-1");
    expect(jx1).toHaveLength(9);
    for (const t of jx1) expect([t.threshold, t.strictMax, t.thresholdMax]).toEqual([1, 2, 4]);
    expect(doc.targets.filter((t) => t.id !== "JX-1").every((t) => t.strictMax === null)).toBe(true);
  });

  it("each target has P(met by each year) from the base year to 2020, rising, ending at or above P(met in 2020)", () => {
    for (const t of doc.targets) {
      const check = result.targets.find((c) => c.id === t.id && c.subject === t.subject)!;
      expect(t.metBy).toEqual(check.metBy);
      expect(t.medianFirstYear).toBe(check.medianFirstYear);
      if (t.metBy === null) continue;
      expect(t.metBy.map((m) => m.year)).toEqual([2017, 2018, 2019, 2020]);
      for (let k = 1; k < t.metBy.length; k++) expect(t.metBy[k].probability).toBeGreaterThanOrEqual(t.metBy[k - 1].probability);
      expect(t.metBy[3].probability).toBeGreaterThanOrEqual(t.probability!);
    }
    // 嘉兴经济技术开发区 meets 亩均产出 ≥ 500 in 96% of the trials in 2020 (the CLI summary's JX-7 row).
    const jx7 = doc.targets.find((t) => t.id === "JX-7" && t.subject === "嘉兴经济技术开发区")!;
    expect(Math.round(jx7.probability! * 100)).toBe(96);
  });

  it("allMet per target id as SimulationResult has it: JX-1 all nine counties in every trial, JX-11 in 1.1%", () => {
    expect(doc.allMet).toEqual(result.allMet);
    expect(doc.allMet!["JX-1"]).toBe(1);
    expect(doc.allMet!["JX-11"]).toBeCloseTo(0.011, 12);
    // JX-4 and JX-12 cannot be evaluated on the sheet: no entry.
    expect(Object.keys(doc.allMet!)).not.toContain("JX-12");
  });

  it("classOdds: every platform of the sheet in its order, A+B+C+D+unclassified = 1 in 2020", () => {
    const odds = doc.classOdds!;
    expect(odds.year).toBe(2020);
    expect(odds.platforms.map((p) => p.name)).toEqual(doc.platforms.map((p) => p.name));
    for (const p of odds.platforms) {
      const shares = [...Object.values(p.classes), p.unclassified];
      expect(Object.keys(p.classes)).toEqual(["A", "B", "C", "D"]);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      // 1,000 runs: each share is a whole number of trials.
      for (const s of shares) expect(Math.abs(s * 1000 - Math.round(s * 1000))).toBeLessThan(1e-9);
    }
    expect(odds).toEqual(JSON.parse(JSON.stringify(result.classOdds)));
    const first = odds.platforms.find((p) => p.name === "嘉兴经济技术开发区")!;
    expect(first.classes).toEqual({ A: 0.996, B: 0.004, C: 0, D: 0 });
  });

  it("without Monte Carlo: classOdds, allMet, probability and metBy are null, strictMax still 2; streamed as written whole", async () => {
    const { result: plain, input } = await sample({ ...SCENARIO, monteCarlo: { runs: 0 } });
    const text = [...jsonPieces(plain, input.issues)].join("");
    expect(text).toBe(toJson(jsonDocument(plain, input.issues)));
    const back = JSON.parse(text) as Doc;
    expect([back.classOdds, back.allMet]).toEqual([null, null]);
    const jx1 = back.targets.find((t) => t.id === "JX-1")!;
    expect([jx1.strictMax, jx1.probability, jx1.metBy, jx1.medianFirstYear]).toEqual([2, null, null, null]);
  }, 60_000);
});
