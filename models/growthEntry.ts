/**
 * The growth a scenario gives one platform, before any fit from history (growthSchema.ts says where each
 * parameter comes from): its `byPlatform` entry, else its level's `byLevel` entry, else the region; a
 * normal's mean and sd field by field, a triangular or PERT guess's low, mode and high together from one
 * place. One function for the compiler and for what the pane, 运行记录 and `check` show beside a fit.
 * Type imports only: light enough for the pane's first load.
 */
import type { GrowthDistribution } from "./growthModels.js";
import type { Level } from "./platform.js";
import type { Scenario } from "./scenario.js";

export type PlatformGrowth =
  | { kind: "normal"; mean: number; sd: number }
  | {
      kind: "guess";
      distribution: Exclude<GrowthDistribution, "normal">;
      low: number;
      mode: number;
      high: number;
      shape: number | undefined;
    };

export function platformGrowth(growth: Scenario["growth"], p: { name: string; level: Level | null }): PlatformGrowth {
  const entry =
    (Object.hasOwn(growth.byPlatform, p.name) ? growth.byPlatform[p.name] : undefined) ?? (p.level ? growth.byLevel[p.level] : undefined);
  const distribution = entry?.distribution ?? growth.distribution;
  if (distribution === "normal") return { kind: "normal", mean: entry?.mean ?? growth.mean, sd: entry?.sd ?? growth.sd };
  const own = entry !== undefined && (entry.low !== undefined || entry.mode !== undefined || entry.high !== undefined);
  const from = own ? entry : growth;
  // low, mode and high are checked by growthSchema for every entry that needs them.
  return {
    kind: "guess",
    distribution,
    low: from.low ?? NaN,
    mode: from.mode ?? NaN,
    high: from.high ?? NaN,
    shape: entry?.shape ?? growth.shape,
  };
}
