#!/usr/bin/env node
// Runs the compiled command line (dist-cli/, built by `npm ci` through the prepare script, or by
// `npm run build:cli`) while it is current with the sources; otherwise — a checkout whose sources were
// edited since, or `npm ci --ignore-scripts` — the TypeScript sources through tsx, when tsx is installed.
// PARKPLAN_CLI=dist or PARKPLAN_CLI=source forces one of the two (tests, debugging).
import { readFileSync, statSync, existsSync } from "node:fs";

// Last resort: an error outside main's own handling (a stray callback, a promise nobody awaited) gets the
// bilingual internal-error message and a log file, never a stack on screen. Until the command line is
// loaded, a failure to start says so in both languages.
const cannotStart = (error) => {
  const why = error instanceof Error ? error.message : String(error);
  process.stderr.write(`内部错误：ParkPlan 无法启动（${why}）/ internal error: ParkPlan could not start (${why})\n`);
  process.exit(1);
};
let onFatal = cannotStart;
process.on("uncaughtException", (error) => onFatal(error));
process.on("unhandledRejection", (reason) => onFatal(reason));

// A closed pipe (`parkplan … | head`) is not an error of ours.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  onFatal(error);
});

const ROOT = new URL("../", import.meta.url);
const DIST = new URL("dist-cli/", ROOT);

/** "current", "stale" or "missing": compares the mtime of every bundled source with the build's record (~1 ms). */
function bundleState() {
  let info;
  try {
    info = JSON.parse(readFileSync(new URL("build-info.json", DIST), "utf8"));
  } catch {
    return "missing";
  }
  // An entry that did not exist at build time and exists now.
  if (info.missing.some((source) => existsSync(new URL(source, ROOT)))) return "stale";
  for (const [file, mtime] of Object.entries(info.inputs)) {
    try {
      if (statSync(new URL(file, ROOT)).mtimeMs !== mtime) return "stale";
    } catch {
      return "stale";
    }
  }
  return "current";
}

/** The TypeScript sources through tsx; null when tsx is not installed. */
async function fromSource() {
  let tsx;
  try {
    tsx = await import("tsx/esm/api");
  } catch (error) {
    if (error?.code === "ERR_MODULE_NOT_FOUND") return null;
    throw error;
  }
  tsx.register();
  return import("../src/cli/main.ts");
}

async function loadCli() {
  const mode = process.env.PARKPLAN_CLI;
  const state = mode === "source" ? "forced" : mode === "dist" ? "current" : bundleState();
  if (state === "current") {
    // Stacks in internal-error logs point at the .ts sources, not at the chunks.
    process.setSourceMapsEnabled(true);
    return import(new URL("main.mjs", DIST).href);
  }
  const cli = await fromSource();
  if (cli) return cli;
  const [zh, en] =
    state === "stale"
      ? ["ParkPlan 命令行的编译版本已过期", "the compiled ParkPlan command line is out of date"]
      : ["ParkPlan 命令行尚未编译", "the ParkPlan command line is not compiled"];
  process.stderr.write(`${zh}，请在 ParkPlan 文件夹中运行 npm run build:cli / ${en}: run npm run build:cli in the ParkPlan folder\n`);
  process.exit(1);
}

const argv = process.argv.slice(2);
const { main, fatalError } = await loadCli();
onFatal = (error) => fatalError(error, argv).then((code) => process.exit(code), cannotStart);
process.exitCode = await main(argv);
