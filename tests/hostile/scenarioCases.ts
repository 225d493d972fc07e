/**
 * Hostile scenario files and options: broken JSON (named by line and column), wrong types and values
 * (named by their JSON path), unknown presets, impossible runs, a missing file, a folder. Each stops
 * before the run with exit 1 (2 for a malformed option) and writes nothing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { HostileCase } from "./case.js";
import { sampleBook, writeScenario } from "./pathCases.js";

const OUT = "book-projected.xlsx";

/** simulate on the sample with `--scenario s.json` holding `text`. */
function withScenarioText(text: string) {
  return (dir: string) => {
    writeFileSync(join(dir, "s.json"), text);
    return ["simulate", sampleBook(dir), "--scenario", "s.json"];
  };
}

/** simulate on the sample with the sample's scenario changed by `changes`. */
const withScenario = (changes: Record<string, unknown>) => (dir: string) => [
  "simulate",
  sampleBook(dir),
  "--scenario",
  writeScenario(dir, "s.json", changes),
];

export const scenarioCases: HostileCase[] = [
  {
    id: "scenario-bad-json",
    what: "a scenario file with a missing colon on line 3",
    setup: withScenarioText('{\n  "name": "坏文件",\n  "baseYear" 2017\n}\n'),
    expect: {
      exit: 1,
      mentions: ["s.json", "第 3 行第 14 列", "line 3, column 14"],
      zh: "不是有效的 JSON",
      en: "not valid JSON",
      absent: [OUT],
    },
  },
  {
    id: "scenario-truncated-json",
    what: "a scenario file cut off in the middle",
    setup: withScenarioText('{\n  "name": "半截",\n  "growth": {'),
    expect: {
      exit: 1,
      mentions: ["s.json", "第 3 行第 14 列", "line 3, column 14"],
      zh: "不是有效的 JSON",
      en: "not valid JSON",
      absent: [OUT],
    },
  },
  {
    id: "scenario-empty-file",
    what: "an empty scenario file",
    setup: withScenarioText(""),
    expect: { exit: 1, mentions: ["s.json", "line 1, column 1"], zh: "不是有效的 JSON", en: "not valid JSON", absent: [OUT] },
  },
  {
    id: "scenario-not-an-object",
    what: "a scenario file holding a JSON array",
    setup: withScenarioText('[{"name": "x"}]'),
    expect: { exit: 1, mentions: ["s.json"], zh: "应为一个 JSON 对象", en: "must hold one JSON object", absent: [OUT] },
  },
  {
    id: "scenario-wrong-type-base-year",
    what: "baseYear written as text",
    setup: withScenario({ baseYear: "二〇一七年" }),
    expect: { exit: 1, mentions: ["baseYear", "s.json"], zh: "情景字段", en: "scenario field", absent: [OUT] },
  },
  {
    id: "scenario-wrong-type-nested",
    what: "growth.sd written as a word",
    setup: withScenario({ growth: { mean: 0.077, sd: "high" } }),
    expect: { exit: 1, mentions: ["growth.sd"], zh: "情景字段", en: "scenario field", absent: [OUT] },
  },
  {
    id: "scenario-unknown-strategy",
    what: "land.strategy that does not exist",
    setup: withScenario({ land: { quota: 6000, strategy: "lottery" } }),
    expect: { exit: 1, mentions: ["land.strategy"], zh: "情景字段", en: "scenario field", absent: [OUT] },
  },
  {
    id: "scenario-unknown-field",
    what: "a misspelt top-level field (monteCarlo as montecarlo)",
    setup: withScenario({ montecarlo: { runs: 10 } }),
    expect: { exit: 1, mentions: ["montecarlo"], zh: "情景字段", en: "scenario field", absent: [OUT] },
  },
  {
    id: "scenario-unknown-preset-option",
    what: "--preset naming no plan",
    setup: (dir) => ["simulate", sampleBook(dir), "--preset", "shanghai-2035"],
    expect: { exit: 1, mentions: ["shanghai-2035", "jiaxing-2020"], zh: "未知的预设", en: "unknown preset", absent: [OUT] },
  },
  {
    id: "scenario-unknown-preset-in-file",
    what: "targets naming a preset that does not exist",
    setup: withScenario({ targets: "wenzhou-2030" }),
    expect: { exit: 1, mentions: ["wenzhou-2030"], zh: /情景字段 targets/, en: /scenario field targets/, absent: [OUT] },
  },
  {
    id: "scenario-negative-runs",
    what: "monteCarlo.runs below zero",
    setup: withScenario({ monteCarlo: { runs: -5, seed: "x" } }),
    expect: { exit: 1, mentions: ["monteCarlo.runs"], zh: "情景字段", en: "scenario field", absent: [OUT] },
  },
  {
    id: "scenario-huge-runs",
    what: "monteCarlo.runs of a billion (refused before any memory is taken)",
    setup: withScenario({ monteCarlo: { runs: 1e9, seed: "x" } }),
    expect: { exit: 1, mentions: ["monteCarlo.runs"], zh: "情景字段", en: "scenario field", absent: [OUT] },
  },
  {
    id: "scenario-fractional-runs",
    what: "monteCarlo.runs of 2.5",
    setup: withScenario({ monteCarlo: { runs: 2.5, seed: "x" } }),
    expect: { exit: 1, mentions: ["monteCarlo.runs"], zh: "情景字段", en: "scenario field", absent: [OUT] },
  },
  {
    id: "scenario-runs-option-negative",
    what: "--runs -3 on the command line (a usage error)",
    setup: (dir) => ["simulate", sampleBook(dir), "--runs", "-3"],
    expect: { exit: 2, mentions: ["--runs"], zh: "非负整数", en: "whole number", absent: [OUT] },
  },
  {
    id: "scenario-class-cuts-sum",
    what: "evaluation.classCuts that do not add up to 1",
    setup: withScenario({ evaluation: { classCuts: { A: 0.5, B: 0.5, C: 0.5, D: 0.5 } } }),
    expect: { exit: 1, mentions: ["evaluation.classCuts", "2"], zh: "之和", en: "add up to", absent: [OUT] },
  },
  {
    id: "scenario-file-missing",
    what: "--scenario naming a file that does not exist",
    setup: (dir) => ["simulate", sampleBook(dir), "--scenario", "missing.scenario.json"],
    expect: { exit: 1, mentions: ["missing.scenario.json"], zh: "不存在", en: "does not exist", absent: [OUT] },
  },
  {
    id: "scenario-is-folder",
    what: "--scenario naming a folder",
    setup(dir) {
      mkdirSync(join(dir, "scenarios"));
      return ["simulate", sampleBook(dir), "--scenario", "scenarios"];
    },
    expect: { exit: 1, mentions: ["scenarios"], zh: "是一个文件夹", en: "is a folder", absent: [OUT] },
  },
  {
    id: "compare-bad-second-scenario",
    what: "compare where the second scenario file is broken JSON",
    setup(dir) {
      writeFileSync(join(dir, "b.json"), '{"name": "B",, }');
      return ["compare", sampleBook(dir), writeScenario(dir, "a.json", { name: "A" }), "b.json"];
    },
    expect: {
      exit: 1,
      mentions: ["b.json", "line 1, column 14"],
      zh: "不是有效的 JSON",
      en: "not valid JSON",
      absent: ["book-compared.xlsx"],
    },
  },
  {
    id: "compare-same-names",
    what: "compare of two scenario files with the same name",
    setup: (dir) => [
      "compare",
      sampleBook(dir),
      writeScenario(dir, "a.json", { name: "同名" }),
      writeScenario(dir, "b.json", { name: "同名" }),
    ],
    expect: { exit: 1, mentions: ["a.json", "b.json", "同名"], zh: "改名", en: "rename", absent: ["book-compared.xlsx"] },
  },
];
