/**
 * Planned grants (SimulateOptions.plannedGrants, the `optimal` strategy) reach every trial thread: a
 * Monte Carlo of given grants on 2 worker threads, and with thread 0 assembling, equals simulate() in this
 * thread bit for bit, and equals the manual strategy run on the same requests from the sheet's columns.
 */
import { afterAll, describe, expect, it } from "vitest";
import { simulate } from "../../models/simulate.js";
import { TRIAL_BLOCK } from "../../models/random.js";
import type { SimulationResult } from "../../models/results.js";
import type { PlannedGrants } from "../../models/policy/plannedGrants.js";
import { leaderAssembledEngine, type Engine } from "../../src/engine/engine.js";
import { nodeEngine } from "../../src/engine/node/nodeThreads.js";
import { TrialThreadFailure } from "../../src/engine/pool.js";
import { memoryThreads } from "./memoryThreads.js";
import { extraScenarios, syntheticRegion } from "../bench/region.js";

const region = syntheticRegion("planned-grants-test", 3, 6);
const runs = 2 * TRIAL_BLOCK + 5; // three blocks
/** The bench's manualBoth: manual land and energy (the sheet's 新增用地 / 能耗指标 columns) under a cap. */
const manual = extraScenarios(region, runs).manualBoth;
const optimal = { ...manual, land: { ...manual.land, strategy: "optimal" }, energy: { ...manual.energy, strategy: "optimal" } };
const plannedGrants: PlannedGrants = {
  land: Object.fromEntries(region.map((p) => [p.name, p.manualLand ?? 0])),
  energy: Object.fromEntries(region.map((p) => [p.name, p.manualEnergy ?? 0])),
};
/** Results as JSON without the scenario (every number to 17 digits, NaN kept): equal text = equal bits. */
const text = (r: SimulationResult) =>
  JSON.stringify({ ...r, scenario: null }, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v));

const engines: Engine[] = [];
const keep = (e: Engine) => (engines.push(e), e);
afterAll(() => engines.forEach((e) => e.close()));

describe("planned grants through the engine's threads", () => {
  const reference = text(simulate(region, optimal, { plannedGrants }));

  it("the grants are the sheet's requests: optimal with them is manual, bit for bit", () => {
    expect(region.some((p) => (p.manualLand ?? 0) > 0)).toBe(true);
    expect(reference).toBe(text(simulate(region, manual)));
  });

  it("nodeEngine(2) and the leader assembler give simulate()'s numbers", async () => {
    expect(text(await keep(nodeEngine(2)).simulate(region, optimal, { plannedGrants }))).toBe(reference);
    expect(text(await keep(leaderAssembledEngine(memoryThreads("random"), 2)).simulate(region, optimal, { plannedGrants }))).toBe(
      reference,
    );
  });

  it("without the grants, every engine names land.strategy", async () => {
    await expect(keep(nodeEngine(2)).simulate(region, optimal)).rejects.toThrow(/land\.strategy.*parkplan optimize/);
    const failure = await keep(leaderAssembledEngine(memoryThreads("reverse"), 2))
      .simulate(region, optimal)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TrialThreadFailure);
    expect((failure as Error).message).toMatch(/land\.strategy/);
  });
});
