/**
 * Scenario .json files on Node (the command line): read and write a plain scenario document, and move
 * scenarios between such files and a workbook's library. A file is written through a temporary file
 * renamed at the end, so a failure never leaves half a file.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { ScenarioError } from "../../models/scenario.js";
import type { WorkbookPort } from "../workbook/port.js";
import type { LibraryEntry } from "./library.js";
import { getScenario, saveScenario, type LibraryOptions } from "./operations.js";
import { scenarioFromText, scenarioToText } from "./scenarioJson.js";

export async function readScenarioFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new ScenarioError([{ path: "", zh: `无法读取情景文件 ${path}`, en: `cannot read the scenario file ${path}` }]);
  }
  return scenarioFromText(text, path);
}

export async function writeScenarioFile(path: string, scenario: Record<string, unknown>): Promise<void> {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, scenarioToText(scenario), "utf8");
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Add (or, with options.id, replace) a library entry from a scenario file. */
export async function importScenarioFile(
  port: WorkbookPort,
  path: string,
  options: LibraryOptions & { id?: string; name?: string } = {},
): Promise<LibraryEntry> {
  const scenario = await readScenarioFile(path);
  return saveScenario(port, { id: options.id, name: options.name, scenario }, options);
}

/** Write a library entry's scenario as a plain scenario file (what --scenario reads). */
export async function exportScenarioFile(port: WorkbookPort, id: string, path: string): Promise<void> {
  await writeScenarioFile(path, (await getScenario(port, id)).scenario);
}
