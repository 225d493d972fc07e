#!/usr/bin/env node
// Runs the TypeScript command line directly through tsx, so `npx parkplan` works right after
// `npm install` with no build step.
import { register } from "tsx/esm/api";

// Last resort: an error outside main's own handling (a stray callback, a promise nobody awaited) gets the
// bilingual internal-error message and a log file, never a stack on screen. Until the command line is
// loaded, a failure to start says so in both languages.
let onFatal = (error) => {
  const why = error instanceof Error ? error.message : String(error);
  process.stderr.write(`内部错误：ParkPlan 无法启动（${why}）/ internal error: ParkPlan could not start (${why})\n`);
  process.exit(1);
};
process.on("uncaughtException", (error) => onFatal(error));
process.on("unhandledRejection", (reason) => onFatal(reason));

// A closed pipe (`parkplan … | head`) is not an error of ours.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  onFatal(error);
});
register();
const argv = process.argv.slice(2);
const { main, fatalError } = await import("../src/cli/main.ts");
onFatal = (error) => process.exit(fatalError(error, argv));
process.exitCode = await main(argv);
