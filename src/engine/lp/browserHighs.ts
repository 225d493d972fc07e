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

/**
 * HiGHS could not start (typically the ordinary index.html opened from disk, where the browser refuses to
 * fetch highs.wasm): said in both languages, with the way out, instead of the package's raw fetch error.
 */
export class LpSolverUnavailable extends Error {
  readonly bilingual: { zh: string; en: string };
  constructor(detail: string) {
    const zh = `无法加载线性规划求解器 HiGHS（highs.wasm），最优配置不可用：从磁盘打开的网页不能读取它。请改用单文件版 parkplan.html，或用 npm run standalone 打开网页。（${detail}）`;
    const en = `The linear-programming solver HiGHS (highs.wasm) could not be loaded, so 最优配置 / Optimal allocation is unavailable: a page opened from disk cannot read it. Use the single-file parkplan.html, or open the page with npm run standalone. (${detail})`;
    super(`${zh} / ${en}`);
    this.name = "LpSolverUnavailable";
    this.bilingual = { zh, en };
  }
}

/** Bundled (an http(s) address): HiGHS fetches the emitted asset. Unbundled (a file: URL, Node and tests): the package finds its own. */
export async function loadBrowserLpSolver(): Promise<LpSolver> {
  const url = wasmUrl();
  try {
    return await loadLpSolver(url.startsWith("file:") ? {} : { locateFile: (file) => (file.endsWith(".wasm") ? url : file) });
  } catch (error) {
    throw new LpSolverUnavailable(error instanceof Error ? error.message : String(error));
  }
}
