/**
 * npm run bench:decisions: every decision benchmark that exists (tests/bench/decisions-<part>.bench.ts:
 * optimize, solve, sensitivity), one after another, each in its own process. Arguments are passed on.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const parts = readdirSync(here)
  .filter((f) => /^decisions-.+\.bench\.ts$/.test(f))
  .sort();
let failed = 0;
for (const file of parts) {
  process.stdout.write(`\n== ${file} ==\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, file), ...process.argv.slice(2)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
