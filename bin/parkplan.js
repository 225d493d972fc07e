#!/usr/bin/env node
// Runs the TypeScript command line directly through tsx, so `npx parkplan` works right after
// `npm install` with no build step.
import { register } from "tsx/esm/api";

// A closed pipe (`parkplan … | head`) is not an error of ours.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
