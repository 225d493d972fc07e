export { runScenario, prepareRun, finishRun, WRITTEN_SHEETS_KEY, type RunRequest, type RunOutcome } from "./runScenario.js";
export { storedResult, storedValue, resultKey, STATISTICS, type StoredResult, type Statistic } from "./storedResults.js";
export { loadPlatforms, pickPlatformSheet } from "./loadPlatforms.js";
export { InputError } from "./errors.js";
export { inputHash } from "./inputHash.js";
export { reproduce, parseStoredResult, type ReproduceReport, type Difference } from "./reproduce.js";
