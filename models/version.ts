/** Engine version (this package) and the version of shared/docs/model.md the engine implements. */
import type { Scenario } from "./scenario.js";
import { RATIO_LEVERS } from "./levers/ratioNames.js";

export const ENGINE_VERSION = "0.3.0";
export const MODEL_VERSION = 2;

/**
 * The scenario fields of model version 2 (model.md "Version 2 additions") this scenario uses, as JSON
 * paths; none means a version 1 scenario, which gives version 1's numbers (shown in 运行记录).
 */
export function versionTwoFields(s: Scenario): string[] {
  const used: string[] = [];
  for (const key of RATIO_LEVERS) if (s.ratios[key] !== undefined) used.push(`ratios.${key}`);
  const growth = s.growth;
  const distributions = [
    growth.distribution,
    ...Object.values(growth.byLevel).map((e) => e?.distribution),
    ...Object.values(growth.byPlatform).map((e) => e.distribution),
  ];
  if (distributions.some((d) => d !== undefined && d !== "normal")) used.push("growth.distribution");
  if (growth.persistence > 0) used.push("growth.persistence");
  if (growth.basis === "real") used.push("growth.basis");
  if (s.exits.mode === "phased") used.push("exits.mode");
  if (s.exits.landReturnShare > 0) used.push("exits.landReturnShare");
  if (s.land.entry?.outputPerMu !== undefined) used.push("land.entry.outputPerMu");
  if (s.land.entry?.taxPerMu !== undefined) used.push("land.entry.taxPerMu");
  return used;
}

/** The model version a scenario needs: 2 when it uses any version 2 field, else 1. */
export const scenarioModelVersion = (s: Scenario): 1 | 2 => (versionTwoFields(s).length > 0 ? 2 : 1);
