/**
 * The scenario a command line run uses: a --scenario file, else the .scenario.json file beside the
 * workbook, else defaults; then --preset, --runs and --seed on top.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { findPreset, PRESETS } from "../../models/presets.js";
import { ScenarioError } from "../../models/scenario.js";
import { asFileError } from "../errors/fileErrors.js";
import { scenarioFromText } from "../scenarios/scenarioJson.js";

export interface ScenarioOptions {
  scenario?: string;
  preset?: string;
  runs?: number;
  seed?: string;
}

export interface ScenarioSource {
  document: Record<string, unknown>;
  /** Where the scenario came from, for the summary: a file path or "defaults". */
  from: string;
}

export function siblingScenario(workbook: string): string {
  return join(dirname(workbook), `${basename(workbook, extname(workbook))}.scenario.json`);
}

export function scenarioInput(workbook: string, options: ScenarioOptions): ScenarioSource {
  const file = options.scenario ?? (existsSync(siblingScenario(workbook)) ? siblingScenario(workbook) : undefined);
  let document: Record<string, unknown> = {};
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw asFileError(error, file, "read");
    }
    document = scenarioFromText(text, file);
  }
  if (options.preset) {
    const preset = findPreset(options.preset);
    if (!preset) {
      const known = PRESETS.map((p) => p.id).join(", ");
      throw new ScenarioError([
        {
          path: "targets",
          zh: `未知的预设“${options.preset}”（可选：${known}）`,
          en: `unknown preset "${options.preset}" (choose from: ${known})`,
        },
      ]);
    }
    document = { ...document, targets: preset.id, horizon: document.horizon ?? preset.horizon };
  }
  if (options.runs !== undefined || options.seed !== undefined) {
    const mc = (document.monteCarlo ?? {}) as Record<string, unknown>;
    document = {
      ...document,
      monteCarlo: {
        ...mc,
        ...(options.runs !== undefined ? { runs: options.runs } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
      },
    };
  }
  return { document, from: file ?? "defaults" };
}
