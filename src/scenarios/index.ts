/** The scenario library (in the workbook's store) and scenario .json text; see README.md. Node file I/O is in scenarioFile.ts. */
export { LIBRARY_KEY, LIBRARY_VERSION, LibraryError, loadLibrary, parseLibrary, serializeLibrary } from "./library.js";
export type { LibraryEntry, LibraryProblem, LibraryProblemCode, LoadedLibrary } from "./library.js";
export {
  listScenarios,
  saveScenario,
  duplicateScenario,
  renameScenario,
  deleteScenario,
  getScenario,
  firstFreeId,
  type LibraryOptions,
} from "./operations.js";
export { scenarioFromText, scenarioToText } from "./scenarioJson.js";
