export { runScenario, WRITTEN_SHEETS_KEY, type RunRequest, type RunOutcome } from "./runScenario.js";
export { loadPlatforms, pickPlatformSheet } from "./loadPlatforms.js";
export { InputError } from "./errors.js";
export { inputHash } from "./inputHash.js";
