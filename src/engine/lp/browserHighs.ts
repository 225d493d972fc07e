/**
 * HiGHS in a browser bundle (the pane's Web Worker): the LpSolver of highs.ts with highs.wasm located at the
 * asset webpack emits for it (webpack.config.js: .wasm files are asset/resource; this `new URL(…,
 * import.meta.url)` is what makes webpack emit it and gives its address). Imported only by the worker's
 * decision tools, lazily, so neither the pane's first load nor a simulation worker carries HiGHS.
 */
import type { LpSolver } from "../../../models/decisions/optimize/lp.js";
import { loadLpSolver } from "./highs.js";

/** Where the bundle serves highs.wasm (the `highs/runtime` export is the package's build/highs.wasm). */
const wasmUrl = (): string => new URL("highs/runtime", import.meta.url).href;

/** Bundled (an http(s) address): HiGHS fetches the emitted asset. Unbundled (a file: URL, Node and tests): the package finds its own. */
export function loadBrowserLpSolver(): Promise<LpSolver> {
  const url = wasmUrl();
  return loadLpSolver(url.startsWith("file:") ? {} : { locateFile: (file) => (file.endsWith(".wasm") ? url : file) });
}
