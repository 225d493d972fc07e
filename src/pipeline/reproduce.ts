/**
 * Reproduce a stored run: read the run record of a scenario (store key result:<name>), read the platform
 * sheet it came from again, re-run the recorded scenario (with its seed, and the planned grants of an
 * optimal plan's run) and compare every stored figure with the new one. Writes nothing. Reports whether the input data or the engine changed since, and the
 * first differences. The steps without the engine are in reproduceSteps.ts (the pane runs the model in
 * its worker between them).
 */
import { inThreadEngine, type Engine } from "../engine/engine.js";
import type { WorkbookPort } from "../workbook/port.js";
import { compareWithStored, readStoredRun, rerunOptions, type ReproduceReport } from "./reproduceSteps.js";

export { parseStoredResult, rerunOptions, type Difference, type ReproduceReport } from "./reproduceSteps.js";

/**
 * Re-run the stored run of `scenarioName` on the workbook's platform sheet as it is now. Throws
 * InputError when no run is stored, or when the platform sheet can no longer be read.
 */
export async function reproduce(
  port: WorkbookPort,
  scenarioName: string,
  options: { limit?: number; engine?: Engine } = {},
): Promise<ReproduceReport> {
  const run = await readStoredRun(port, scenarioName);
  const engine = options.engine ?? inThreadEngine;
  const result = await engine.simulate(run.input.platforms, run.stored.scenario, rerunOptions(run));
  return compareWithStored(run, result, options);
}
