/**
 * Optimal allocation with target constraints (scenario field optimize.targets) and minimum grants: met when
 * they can be, and, when they cannot, the elastic LP names the constraints that conflict, with the
 * shortfall and the limits binding them; words for every shadow price and conflict.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { platform, type Platform } from "../../models/platform.js";
import { ScenarioError } from "../../models/scenario.js";
import {
  conflictSentence,
  objectiveSentence,
  optimize,
  shadowSentence,
  yearMaps,
  type Conflict,
  type LpSolver,
} from "../../models/decisions/optimize/index.js";
import { loadLpSolver } from "../../src/engine/lp/highs.js";

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

const BASE = 2020;
// As in optimize.test.ts: p = 600, 400, 200 万元/亩 on 1000 亩, headroom 300, 500, 2000 亩; 1000 亩 granted in 2021.
const sheet: Platform[] = [
  platform({ name: "A", county: "X县", status: "main", land: 1000, developableLand: 1300, output: 60 }),
  platform({ name: "B", county: "X县", status: "main", land: 1000, developableLand: 1500, output: 40 }),
  platform({ name: "C", county: "X县", status: "kept", land: 1000, developableLand: 3000, output: 20 }),
];
const outputOfC = (threshold: number) => ({
  id: "C-OUT",
  level: "platform",
  metric: "output",
  comparison: ">=",
  threshold,
  year: BASE + 2,
  subjects: { names: ["C"] },
});
const scenario = (optimize: Record<string, unknown>, targets: unknown[] = []) => ({
  baseYear: BASE,
  horizon: [BASE + 2],
  growth: { mean: 0, sd: 0 },
  land: { quota: { "2021": 1000 }, lagYears: 1 },
  targets,
  optimize,
});
const close = (x: number, y: number) => expect(x).toBeCloseTo(y, 7);
const run = (doc: Record<string, unknown>) => optimize(sheet, doc, solver).plan;
const kinds = (list: Conflict[]) => list.map((c) => `${c.kind}:${c.subject ?? ""}:${c.year ?? ""}`).sort();

describe("target constraints", () => {
  it("C's 2022 output ≥ 30 亿元 (1500 亩 at 200) is met: C gets 500, the rest goes A 300, B 200", () => {
    const plan = run(scenario({ targets: ["C-OUT"] }, [outputOfC(30)]));
    expect(plan.feasible).toBe(true);
    const land = yearMaps(plan, plan.grants);
    close(land.C["2021"], 500);
    close(land.A["2021"], 300);
    close(land.B["2021"], 200);
    close(plan.objective.value!, (1300 * 600 + 1200 * 400 + 1500 * 200) / 1e4);
  });

  it("a per-mu target is linear: region 亩均产出 2022 ≥ 410 万元/亩 limits C's grant to 22000/210 亩", () => {
    const perMu = { id: "R-MU", level: "region", metric: "outputPerMu", comparison: ">=", threshold: 410, year: BASE + 2 };
    const plan = run(scenario({ targets: ["R-MU"] }, [perMu]));
    expect(plan.feasible).toBe(true);
    // 10⁴·ΣY − 410·ΣL ≥ 0: the base gives 1,200,000 − 1,230,000 = −30,000; a 亩 adds p − 410: A +190 × 300,
    // B −10 × 500 leave 22,000, and C (−210 a 亩) takes 22000/210 亩; the rest of the quota stays unused.
    const land = yearMaps(plan, plan.grants);
    close(land.A["2021"], 300);
    close(land.B["2021"], 500);
    close(land.C["2021"], 22000 / 210);
    close(plan.objective.value!, (1300 * 600 + 1500 * 400 + (1000 + 22000 / 210) * 200) / 1e4);
  });

  it("C ≥ 50 亿元 cannot be met (at most 1000 + 1000 亩 × 200 = 40): 10 亿元 short, the 2021 quota binding", () => {
    const plan = run(scenario({ targets: ["C-OUT"] }, [outputOfC(50)]));
    expect(plan.feasible).toBe(false);
    expect(plan.objective.value).toBeNull();
    expect(kinds(plan.conflicts)).toEqual(["quota::2021", "target:C:2022"]);
    close(plan.conflicts.find((c) => c.kind === "target")!.shortfall!, 10);
    expect(conflictSentence(plan.conflicts.find((c) => c.kind === "target")!).zh).toBe(
      "目标 C-OUT（C，2022 年产值 ≥ 50 亿元）无法满足，最接近时仍差 10 亿元",
    );
    expect(conflictSentence(plan.conflicts.find((c) => c.kind === "quota")!).zh).toBe("与之冲突：2021 年新增用地指标 1000 亩已用尽");
  });

  it("a minimum grant beyond headroom and the target compete: A ≥ 500 (headroom 300) and C ≥ 50 both short", () => {
    const plan = run(scenario({ targets: ["C-OUT"], land: { min: { A: 500 } } }, [outputOfC(50)]));
    expect(plan.feasible).toBe(false);
    // Relative slack: a 亩 to A saves 1/500 of its minimum, costs C 0.02/50: A takes its 300, C the other 700.
    expect(kinds(plan.conflicts)).toEqual(["headroom:A:", "landMin:A:2021", "quota::2021", "target:C:2022"]);
    close(plan.conflicts.find((c) => c.kind === "landMin")!.shortfall!, 200);
    close(plan.conflicts.find((c) => c.kind === "target")!.shortfall!, 50 - 0.02 * 1700);
  });

  it("a minimum in a named year the platform cannot receive land (2022: it would produce after the horizon) is named", () => {
    const plan = run(scenario({ land: { min: { B: { "2022": 10 } } } }));
    expect(plan.feasible).toBe(false);
    expect(plan.conflicts).toEqual([expect.objectContaining({ kind: "notEligible", subject: "B", year: 2022, reason: "late" })]);
    expect(conflictSentence(plan.conflicts[0]).en).toContain("would not produce within the projection");
  });

  it("a target that is not linear, or not among the scenario's targets, is a ScenarioError naming optimize.targets", () => {
    expect(() => run(scenario({ targets: ["NOPE"] }))).toThrow(ScenarioError);
    const count = {
      id: "N",
      level: "region",
      aggregate: "count",
      where: { metric: "output", comparison: ">=", threshold: 1 },
      comparison: ">=",
      threshold: 1,
    };
    expect(() => run(scenario({ targets: ["N"] }, [count]))).toThrow(/optimize\.targets\.0/);
    expect(() => run(scenario({ weights: { Z: 2 } }))).toThrow(/optimize\.weights\.Z/);
  });
});

describe("words", () => {
  it("the land shadow price in the brief's sentence, in 亿元 and 万元", () => {
    const plan = run(scenario({}));
    expect(shadowSentence(plan, "land", plan.shadow.land[0]).zh).toBe(
      "每增加 1 亩 2021 年新增用地指标，2022 年规上工业产值可增加 0.02 亿元（200 万元）",
    );
    expect(
      shadowSentence(
        plan,
        "headroom",
        plan.shadow.headroom.find((s) => s.platform === "C")!,
      ).zh,
    ).toBe("C的可开发空间每增加 1 亩，2022 年规上工业产值不会增加（可开发空间未用尽）");
    expect(objectiveSentence(plan).zh).toBe("最优配置下，2022 年规上工业产值 162 亿元，情景原策略 159 亿元（+3 亿元）");
  });
});
