/**
 * A scenario as a .json file: the same plain scenario document the command line's --scenario reads
 * (not a library entry). Text in, text out, so the browser page can use it with a file picker.
 */
import { parseScenario, ScenarioError } from "../../models/scenario.js";
import { describePosition, jsonErrorPosition } from "../errors/jsonPosition.js";

/**
 * Parse and validate a scenario file's text; returns the document as written (defaults not filled).
 * Throws ScenarioError naming the file and each bad field in Chinese and English.
 */
export function scenarioFromText(text: string, source: string): Record<string, unknown> {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const at = describePosition(jsonErrorPosition(text.replace(/^\uFEFF/, ""), e));
    const why = (e as Error).message;
    throw new ScenarioError([
      {
        path: "",
        zh: `情景文件 ${source} 不是有效的 JSON（${at.zh}）：${why}`,
        en: `the scenario file ${source} is not valid JSON (${at.en}): ${why}`,
      },
    ]);
  }
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new ScenarioError([
      { path: "", zh: `情景文件 ${source} 应为一个 JSON 对象`, en: `the scenario file ${source} must hold one JSON object` },
    ]);
  }
  try {
    parseScenario(document);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    throw new ScenarioError(e.issues.map((i) => ({ path: i.path, zh: `（${source}）${i.zh}`, en: `(${source}) ${i.en}` })));
  }
  return document as Record<string, unknown>;
}

/** The file text of a scenario document: indented JSON with a final newline. */
export function scenarioToText(scenario: Record<string, unknown>): string {
  return JSON.stringify(scenario, null, 2) + "\n";
}
