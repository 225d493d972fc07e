/**
 * What the engine refuses: inputs for which model.md's equations are undefined. The sheet reader
 * reports the same problems earlier with the sheet and cell; this guards callers that build platforms
 * in code (the custom functions, scripts).
 */
import type { Platform } from "./platform.js";

export interface PlatformProblem {
  platform: string;
  field: string;
  zh: string;
  en: string;
}

export class PlatformInputError extends Error {
  constructor(readonly problems: PlatformProblem[]) {
    super(problems.map((p) => `平台“${p.platform}”${p.zh} / platform "${p.platform}": ${p.en}`).join("\n"));
    this.name = "PlatformInputError";
  }
}

const AMOUNTS = ["developableLand", "land", "output", "valueAdded", "tax", "energy", "rd", "highTechValueAdded", "strategicEmergingOutput", "manualLand", "manualEnergy"] as const;

export function validatePlatforms(platforms: readonly Platform[]): void {
  const problems: PlatformProblem[] = [];
  const seen = new Set<string>();
  for (const p of platforms) {
    const add = (field: string, zh: string, en: string) => problems.push({ platform: p.name, field, zh, en });
    if (!p.name) add("name", "缺少名称", "has no name");
    if (seen.has(p.name)) add("name", "名称重复", "appears twice");
    seen.add(p.name);
    for (const field of AMOUNTS) {
      const v = p[field];
      if (v !== null && !(Number.isFinite(v) && v >= 0)) add(field, `的 ${field} 不是非负数（${v}）`, `${field} is not a non-negative number (${v})`);
    }
    if (p.output > 0 && !(p.land > 0)) add("land", "有产值但没有用地", "has output but no land");
  }
  if (platforms.length === 0) problems.push({ platform: "—", field: "platforms", zh: "没有平台", en: "no platforms" });
  if (problems.length > 0) throw new PlatformInputError(problems);
}
