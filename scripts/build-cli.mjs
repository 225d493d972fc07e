#!/usr/bin/env node
// Compiles the command line into dist-cli/ with esbuild, so `parkplan` starts without compiling TypeScript.
// Runs from the package's `prepare` script during `npm ci` (only installed devDependencies), and as
// `npm run build:cli`. Not dist/: webpack empties that folder on every add-in build, and it is what gets deployed.
//
// Writes dist-cli/build-info.json last: the modification time of every source file that went into the
// bundle, which bin/parkplan.js compares to decide whether the bundle is still current.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = join(ROOT, "dist-cli");

/**
 * The bundle's entry points: output name (dist-cli/<name>.mjs) → source. The engine's worker thread sits
 * next to the CLI's chunks, where the pool finds it as new URL("./trialThread.mjs", import.meta.url).
 */
export const ENTRIES = {
  main: "src/cli/main.ts",
  trialThread: "src/engine/node/trialThread.ts",
};

/**
 * Packages compiled into the bundle (with what they import) instead of loaded from node_modules, and why.
 * Every other package stays external: loaded by Node from node_modules as the sources load it.
 */
export const BUNDLED_PACKAGES = {
  mathjs:
    "its index module builds every mathjs function (~1 s of CPU at each start that reads a sheet); " +
    "bundled, esbuild keeps only the unit system the sheet reader uses",
};

const packageName = (specifier) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

/** Bare imports stay external, except BUNDLED_PACKAGES and whatever those import in turn. */
const externalPackages = {
  name: "external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === "entry-point" || args.path.startsWith("node:")) return undefined;
      if (/[\\/]node_modules[\\/]/.test(args.importer) || Object.hasOwn(BUNDLED_PACKAGES, packageName(args.path))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** A bundled file inside node_modules stands for its package: npm rewrites the package folder on an upgrade. */
const stalenessProbe = (input) => input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//)?.[1].concat("/package.json") ?? input;

/** esbuild is a devDependency: an install without them (npm ci --omit=dev) cannot build the command line. */
async function loadEsbuild() {
  try {
    return await import("esbuild");
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new Error(
      "未安装 esbuild（开发依赖），无法编译命令行：请运行 npm ci（不带 --omit=dev）/ " +
        "esbuild (a devDependency) is not installed, so the command line cannot be compiled: run npm ci without --omit=dev",
    );
  }
}

/** Replace `path` in one step (write beside it, then rename), so a running `parkplan` never reads half a file. */
function writeAtomic(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * Build dist-cli/. Chunk names carry a hash of their contents, so a rebuild of unchanged sources rewrites the
 * same files: a `parkplan` (or a test) running meanwhile is undisturbed. build-info.json goes last (it makes
 * the new build current), then files of an earlier build are removed.
 */
export async function buildCli({ log = console.error } = {}) {
  const { build } = await loadEsbuild();
  const started = Date.now();
  const present = {};
  const missing = [];
  for (const [name, source] of Object.entries(ENTRIES)) {
    if (existsSync(join(ROOT, source))) present[name] = join(ROOT, source);
    else missing.push(source);
  }
  for (const source of missing)
    log(`build-cli: warning: entry ${source} does not exist yet; skipped (its output is missing from dist-cli/)`);

  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: present,
    outdir: OUT_DIR,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true, // each command's dynamic import() becomes a chunk loaded on demand
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [externalPackages],
    sourcemap: "linked", // internal-error logs map back to the .ts sources (bin enables source maps)
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  const inputs = {};
  const probes = new Set([...Object.keys(result.metafile.inputs).map(stalenessProbe), relative(ROOT, fileURLToPath(import.meta.url))]);
  for (const file of probes) {
    const mtime = statSync(join(ROOT, file)).mtimeMs;
    // Edited while the build ran: what was bundled may be the old text, so leave the bundle stale.
    if (mtime > started) {
      log(`build-cli: ${file} changed during the build; run the build again`);
      inputs[file] = -1;
    } else inputs[file] = mtime;
  }

  mkdirSync(OUT_DIR, { recursive: true });
  const written = new Set(["build-info.json"]);
  for (const file of result.outputFiles) {
    writeAtomic(file.path, file.contents);
    written.add(basename(file.path));
  }
  writeAtomic(join(OUT_DIR, "build-info.json"), JSON.stringify({ missing, inputs }, null, 1) + "\n");
  for (const name of readdirSync(OUT_DIR)) {
    if (!written.has(name) && !name.endsWith(".tmp")) rmSync(join(OUT_DIR, name), { recursive: true, force: true });
  }
  return { outDir: OUT_DIR, missing, ms: Date.now() - started };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { outDir, ms } = await buildCli();
    console.error(`build-cli: ${relative(ROOT, outDir)}/ in ${ms} ms`);
  } catch (error) {
    // esbuild has printed the errors with file and line already.
    console.error(`build-cli: failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    process.exit(1);
  }
}
