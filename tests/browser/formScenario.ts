/**
 * What the pane's form sends for the 嘉兴 sample (assets/samples/jiaxing-2017.xlsx: base year 2017 from its
 * title) with preset jiaxing-2020 chosen and 200 runs: the scenario the browser tests run in Node to get the
 * numbers the page must show. pane.test.ts checks the form really sends it.
 */
export const JIAXING_FORM_SCENARIO = {
  name: "嘉兴 平台优化提升攻坚行动（2020）",
  baseYear: 2017,
  horizon: [2018, 2019, 2020],
  targets: "jiaxing-2020",
  growth: { mean: 0.077, sd: 0.045, correlation: 0.5 },
  land: { quota: 0, strategy: "main-only", lagYears: 1 },
  energy: { intensityDecline: 0.0343, strategy: "proportional" },
  exits: { relocationShare: 0.5 },
  monteCarlo: { runs: 200, seed: "parkplan" },
};
