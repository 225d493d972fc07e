/**
 * The compiled command line (scripts/build-cli.mjs → dist-cli/) and bin/parkplan.js's choice between it and
 * the sources: the bundle prints what the sources print, loads only commander up front, maps internal-error
 * stacks back to the .ts files; bin runs the bundle only while it is current, else the sources through tsx,
 * else says to run `npm run build:cli`.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ENGINE_VERSION } from "../../models/version.js";
import { main } from "../../src/cli/main.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(REPO, "bin/parkplan.js");
const DIST = join(REPO, "dist-cli");
const SAMPLE = join(REPO, "assets/samples/jiaxing-2017.xlsx");
const COMMANDS = ["simulate", "compare", "reproduce", "check", "presets"];

const root = mkdtempSync(join(tmpdir(), "parkplan-bundle-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(bin: string, args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Run {
  const r = spawnSync(process.execPath, [...nodeArgs, bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The repository's bin, made to run the bundle (PARKPLAN_CLI=dist: no fallback to the sources). */
const viaBundle = (args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []) =>
  run(BIN, args, { PARKPLAN_CLI: "dist", ...env }, nodeArgs);

/** main() in this process, with stdout and stderr captured. */
async function inProcess(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const { write: stdoutWrite } = process.stdout;
  const { write: stderrWrite } = process.stderr;
  process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    return { code: await main(args), stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.exitCode = undefined;
  }
}

/** Every module dist-cli/<file> imports statically, transitively: relative chunks and bare packages. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const text = readFileSync(join(DIST, file), "utf8");
  for (const [, spec] of text.matchAll(/^(?:import|export)\s[^;]*?["']([^"']+)["'];/gms)) {
    if (seen.has(spec)) continue;
    seen.add(spec);
    if (spec.startsWith("./")) staticImports(spec.slice(2), seen);
  }
  return seen;
}

describe("the compiled command line", () => {
  beforeAll(() => {
    // Always rebuild: unchanged sources give the same files (content-hashed chunks), changed ones a current bundle.
    const build = spawnSync(process.execPath, [join(REPO, "scripts/build-cli.mjs")], { cwd: REPO, encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
  }, 60_000);

  test("--version prints models/version.ts's ENGINE_VERSION", () => {
    const r = viaBundle(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `${ENGINE_VERSION}\n`, stderr: "" });
  });

  test("--help lists every command, exactly as the sources print it", async () => {
    const r = viaBundle(["--help"]);
    expect(r.code).toBe(0);
    for (const command of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(r).toEqual(await inProcess(["--help"]));
  });

  test("check on the sample: exit 0, the same output as main() in-process", async () => {
    const r = viaBundle(["check", SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("嘉兴经济技术开发区");
    expect(r).toEqual(await inProcess(["check", SAMPLE]));
  });

  test("--version and --help load only commander: the commands and their packages are separate chunks", () => {
    const imports = [...staticImports("main.mjs")];
    expect(imports.filter((spec) => !spec.startsWith("./"))).toEqual(["commander"]);
    const chunks = readdirSync(DIST).filter((name) => name.endsWith(".mjs"));
    for (const name of ["commands", "compare", "reproduce", "fatal"]) expect(chunks.some((c) => c.startsWith(`${name}-`))).toBe(true);
  });

  test("mathjs is compiled in (only its unit system), not loaded whole from node_modules", () => {
    const chunks = readdirSync(DIST).filter((name) => name.endsWith(".mjs"));
    const text = chunks.map((name) => readFileSync(join(DIST, name), "utf8")).join("\n");
    expect(text).not.toMatch(/from\s+["']mathjs["']|import\(["']mathjs["']\)/);
    expect(text).toContain("createUnitClass");
  });

  test("every chunk's relative imports, static and dynamic, are files of the bundle", () => {
    for (const file of readdirSync(DIST).filter((name) => name.endsWith(".mjs"))) {
      const text = readFileSync(join(DIST, file), "utf8");
      for (const [, spec] of text.matchAll(/["'](\.\/[^"']+\.mjs)["']/g))
        expect(existsSync(join(DIST, spec)), `${file} → ${spec}`).toBe(true);
    }
  });

  test.skipIf(!existsSync(join(REPO, "src/engine/node/trialThread.ts")))("the engine's worker thread sits next to the chunks", () => {
    expect(existsSync(join(DIST, "trialThread.mjs"))).toBe(true);
  });

  test("an internal error through the bundle: bilingual message; the log's stack names the .ts sources", () => {
    // Reading the workbook throws as a bug would, inside the bundle's file layer.
    const preload = join(root, "buggy-read.mjs");
    writeFileSync(
      preload,
      `import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
const real = fs.promises.readFile;
fs.promises.readFile = function (path, ...rest) {
  if (String(path).endsWith(".xlsx")) throw new TypeError("injected bug");
  return real.call(this, path, ...rest);
};
syncBuiltinESMExports();
`,
    );
    const logs = mkdtempSync(join(root, "logs-"));
    const r = viaBundle(["check", SAMPLE], { TMPDIR: logs }, ["--import", preload]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("内部错误");
    expect(r.stderr).toContain("internal error");
    expect(r.stderr).not.toMatch(/^\s+at |TypeError/m);
    const [log] = readdirSync(logs);
    expect(r.stderr).toContain(join(logs, log));
    const details = readFileSync(join(logs, log), "utf8");
    expect(details).toContain("TypeError: injected bug");
    expect(details).toMatch(/^\s+at .*src\/workbook\/xlsx\/xlsxFile\.ts:\d+:\d+/m);
    expect(details).toMatch(/^\s+at .*src\/cli\/commands\.ts:\d+:\d+/m);
    expect(details).not.toMatch(/chunk-\w+\.mjs/);
  });

  test("an error outside any command's handling (a stray timer) still gets the message and a log, exit 1", () => {
    const preload = join(root, "stray-timer.mjs");
    writeFileSync(
      preload,
      `import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
const real = fs.promises.readFile;
fs.promises.readFile = function (path, ...rest) {
  if (!String(path).endsWith(".xlsx")) return real.call(this, path, ...rest);
  setTimeout(() => { throw new RangeError("stray timer"); });
  return new Promise(() => {});
};
syncBuiltinESMExports();
`,
    );
    const logs = mkdtempSync(join(root, "logs-"));
    const r = viaBundle(["check", SAMPLE], { TMPDIR: logs }, ["--import", preload]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("内部错误");
    expect(r.stderr).not.toMatch(/^\s+at |RangeError/m);
    const [log] = readdirSync(logs);
    expect(readFileSync(join(logs, log), "utf8")).toContain("RangeError: stray timer");
  });
});

/**
 * bin/parkplan.js's choice, in a folder laid out like a checkout (its own bin/, the repository's sources
 * linked in) with a stand-in bundle that says it ran, so which way bin went shows in the output.
 */
describe("bin/parkplan.js: the bundle while it is current, else the sources", () => {
  const STAND_IN = `export async function main(argv) { process.stdout.write("bundle " + argv.join(" ") + "\\n"); return 0; }
export async function fatalError() { return 1; }
`;
  let checkoutCount = 0;

  /** A checkout with a stand-in dist-cli/ recording `inputs` (file → mtime); node_modules (tsx) only if asked. */
  function checkout(options: { tsx: boolean; info?: { missing: string[]; inputs: Record<string, number> } }): string {
    const dir = join(root, `checkout-${checkoutCount++}`);
    mkdirSync(join(dir, "bin"), { recursive: true });
    cpSync(BIN, join(dir, "bin/parkplan.js"));
    for (const folder of ["src", "models"]) symlinkSync(join(REPO, folder), join(dir, folder));
    if (options.tsx) symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
    if (options.info) {
      mkdirSync(join(dir, "dist-cli"));
      writeFileSync(join(dir, "dist-cli/main.mjs"), STAND_IN);
      writeFileSync(join(dir, "dist-cli/build-info.json"), JSON.stringify(options.info));
    }
    return join(dir, "bin/parkplan.js");
  }
  const mtime = (file: string) => statSync(join(REPO, file)).mtimeMs;
  const current = () => ({
    missing: [],
    inputs: { "models/version.ts": mtime("models/version.ts"), "src/cli/main.ts": mtime("src/cli/main.ts") },
  });
  const edited = () => ({ missing: [], inputs: { ...current().inputs, "src/cli/main.ts": mtime("src/cli/main.ts") - 1000 } });
  const NOT_BUILT =
    /^ParkPlan 命令行尚未编译，请在 ParkPlan 文件夹中运行 npm run build:cli \/ the ParkPlan command line is not compiled: run npm run build:cli/;
  const OUT_OF_DATE =
    /^ParkPlan 命令行的编译版本已过期.*npm run build:cli \/ the compiled ParkPlan command line is out of date: run npm run build:cli/;

  test("current: the bundle runs, tsx or not", () => {
    expect(run(checkout({ tsx: false, info: current() }), ["--version"])).toEqual({ code: 0, stdout: "bundle --version\n", stderr: "" });
    expect(run(checkout({ tsx: true, info: current() }), ["--version"]).stdout).toBe("bundle --version\n");
  });

  test("a bundled source edited since the build: the sources through tsx", () => {
    expect(run(checkout({ tsx: true, info: edited() }), ["--version"])).toEqual({ code: 0, stdout: `${ENGINE_VERSION}\n`, stderr: "" });
  });

  test("an entry that was missing at build time and exists now makes the bundle stale", () => {
    const r = run(checkout({ tsx: false, info: { ...current(), missing: ["src/cli/main.ts"] } }), ["--version"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(OUT_OF_DATE);
  });

  test("a bundled source deleted since the build makes the bundle stale", () => {
    const info = current();
    const r = run(checkout({ tsx: false, info: { ...info, inputs: { ...info.inputs, "src/cli/gone.ts": 1 } } }), ["--version"]);
    expect(r.stderr).toMatch(OUT_OF_DATE);
  });

  test("stale or missing without tsx: says to run npm run build:cli, exit 1, nothing on stdout", () => {
    expect(run(checkout({ tsx: false, info: edited() }), ["--version"])).toMatchObject({
      code: 1,
      stdout: "",
      stderr: expect.stringMatching(OUT_OF_DATE),
    });
    expect(run(checkout({ tsx: false }), ["--version"])).toMatchObject({ code: 1, stdout: "", stderr: expect.stringMatching(NOT_BUILT) });
  });

  test("no bundle at all (npm ci --ignore-scripts): the sources through tsx", () => {
    const r = run(checkout({ tsx: true }), ["check", SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("嘉兴经济技术开发区");
  });

  test("PARKPLAN_CLI forces one way: source over a current bundle, dist over a stale one", () => {
    expect(run(checkout({ tsx: true, info: current() }), ["--version"], { PARKPLAN_CLI: "source" }).stdout).toBe(`${ENGINE_VERSION}\n`);
    expect(run(checkout({ tsx: false, info: edited() }), ["--version"], { PARKPLAN_CLI: "dist" }).stdout).toBe("bundle --version\n");
  });
});
