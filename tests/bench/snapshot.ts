/**
 * Bit-identity check for optimisations: writes JSON.stringify(simulate(...)) for a set of scenarios to
 * a directory (default /tmp/parkplan-snapshot). Run before and after a change and diff the directories:
 *   npx tsx tests/bench/snapshot.ts /tmp/before && … && npx tsx tests/bench/snapshot.ts /tmp/after && diff -r /tmp/before /tmp/after
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { platform, simulate, type Platform, type ScenarioInput } from "../../models/index.js";
import { extraScenarios, scenarioA, scenarioB, syntheticRegion } from "./region.js";

const dir = process.argv[2] ?? "/tmp/parkplan-snapshot";
mkdirSync(dir, { recursive: true });

const region = syntheticRegion();
const small: Platform[] = [
  platform({
    name: "甲",
    county: "X县",
    status: "main",
    level: "national",
    land: 10000,
    developableLand: 14000,
    output: 800,
    tax: 30,
    valueAdded: 160,
    energy: 60,
  }),
  platform({ name: "甲分", county: "X县", status: "subPark", mainPlatform: "甲", land: 2000, developableLand: 2600, output: 60, tax: 2 }),
  platform({ name: "退", county: "X县", status: "exit", exitYear: 2022, land: 800, output: 12 }),
  platform({ name: "乙", county: "Y县", status: "main", level: "provincial", land: 6000, developableLand: 9000, output: 300, tax: 9 }),
  platform({ name: "丙", county: "Y县", status: "kept", land: 1500, developableLand: 1500, output: 30, tax: 1 }),
];
const smallScenario: ScenarioInput = {
  baseYear: 2020,
  horizon: [2021, 2023, 2025],
  targets: [
    { id: "T1", level: "platform", metric: "outputPerMu", comparison: ">=", threshold: 800 },
    {
      id: "T2",
      level: "region",
      aggregate: "count",
      where: { metric: "output", comparison: ">=", threshold: 500 },
      comparison: ">=",
      threshold: 2,
    },
  ],
  growth: { mean: 0.08, sd: 0.05, correlation: 0.4 },
  land: { quota: 800, strategy: "merit", lagYears: 1 },
  energy: { cap: 120 },
  monteCarlo: { runs: 401, seed: "test" },
};

const cases: [string, Platform[], ScenarioInput][] = [
  ["a", region, scenarioA(3000)],
  ["b", region, scenarioB(region, 3000)],
  ["b-two-runs", region, scenarioB(region, 2)],
  ["b-det", region, scenarioB(region, 0)],
  ["small", small, smallScenario],
  ["small-sd0", small, { ...smallScenario, growth: { mean: 0.08, sd: 0, correlation: 0.4 } }],
  [
    "small-merit-energy",
    small,
    { ...smallScenario, energy: { cap: { "2022": 70, "2024": 90 }, strategy: "merit" }, evaluation: { itemCap: 1.5 } },
  ],
  ["small-one-run", small, { ...smallScenario, monteCarlo: { runs: 1, seed: 3 } }],
  ...Object.entries(extraScenarios(region, 1500)).map(([name, s]): [string, Platform[], ScenarioInput] => [name, region, s]),
];
for (const [name, platforms, scenario] of cases) {
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(simulate(platforms, scenario)));
  writeFileSync(join(dir, `${name}-reversed.json`), JSON.stringify(simulate([...platforms].reverse(), scenario)));
}
console.log(`wrote ${cases.length * 2} snapshots to ${dir}`);
