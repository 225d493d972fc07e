/**
 * ParkPlan's scenario model: pure TypeScript (no Office, no DOM, no file I/O). See models/README.md.
 */
export { simulate, resolveScenario, type SimulateOptions } from "./simulate.js";
export { CancelledError } from "./montecarlo.js";
export {
  parseScenario,
  scenarioSchema,
  ScenarioError,
  ALLOCATION_STRATEGIES,
  INDICATORS,
  CLASSES,
  DEFAULT_WEIGHTS,
  yearlyValue,
} from "./scenario.js";
export type { Scenario, ScenarioInput, ScenarioIssue, AllocationStrategy, Indicator, EvaluationClass } from "./scenario.js";
export { PRESETS, findPreset, type Preset, type Rule } from "./presets.js";
export { resolveTargets } from "./checks.js";
export {
  customTargetSchema,
  METRICS,
  COMPARISONS,
  type TargetDef,
  type TargetInput,
  type Metric,
  type Comparison,
} from "./targetSchema.js";
export {
  platform,
  isExiting,
  LEVELS,
  STATUSES,
  LEVEL_LABELS,
  STATUS_LABELS,
  type Platform,
  type Level,
  type Status,
  type SourceRef,
} from "./platform.js";
export { PlatformInputError, validatePlatforms, type PlatformProblem } from "./validate.js";
export * from "./units.js";
export * from "./results.js";
export * from "./growth.js";
export { quantileSorted } from "./summarize.js";
export { waterFill, allocateRequests } from "./allocate.js";
export { REGION_NAME } from "./rollup.js";
export { ENGINE_VERSION, MODEL_VERSION } from "./version.js";
