/**
 * The browser tests' fixture: one production build (webpack's Node API, no source maps) into a temp
 * folder, served on 127.0.0.1 by scripts/serve.js, and a Chromium-family browser (found by
 * findBrowser.ts) through playwright-core. Without a browser, the browser tests are skipped with one
 * line saying what to install, except in CI (CI=true), where that is a failure.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import type { Server } from "node:http";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import webpack, { type Configuration } from "webpack";
// @ts-expect-error plain JS modules without type declarations
import configure from "../../webpack.config.js";
// @ts-expect-error plain JS modules without type declarations
import { serve } from "../../scripts/serve.js";
import { findBrowser, type BrowserProbe, type BrowserSearch } from "./findBrowser.js";

/** The optional dependency that ships a Chromium for Linux x64 (a variable: it may be absent). */
const PACKAGED_BROWSER = "@sparticuz/chromium";

const machine: BrowserProbe = {
  env: process.env,
  platform: process.platform,
  arch: process.arch,
  homedir: homedir(),
  isFile: (file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  },
  packagedBrowser: async () => {
    try {
      const mod = (await import(PACKAGED_BROWSER)) as { default: { executablePath(): Promise<string> } };
      return await mod.default.executablePath();
    } catch {
      return null;
    }
  },
};

let search: Promise<BrowserSearch> | undefined;

/**
 * The browser for this run, looked up once. Not found: in CI it throws (the run fails); elsewhere it
 * prints one line with the command to run and returns null, and the caller skips its browser tests.
 */
export async function browserForTests(): Promise<string | null> {
  search ??= findBrowser(machine);
  const result = await search;
  if (result.found) return result.path;
  const line = `浏览器测试需要 Chromium、Chrome 或 Edge（${result.reason}）：请运行 ${result.install}，或用 PARKPLAN_BROWSER 指定浏览器。 / The browser tests need Chromium, Chrome or Edge (${result.reason}): run \`${result.install}\`, or set PARKPLAN_BROWSER.`;
  if (process.env.CI === "true") throw new Error(line);
  process.stderr.write(`\n*** SKIPPED BROWSER TESTS *** ${line}\n\n`);
  return null;
}

/** Families of CJK fonts fontconfig knows (Linux); null where there is no fontconfig to ask. */
export function cjkFonts(): string[] | null {
  if (process.platform !== "linux") return null;
  try {
    return execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Screenshots with Chinese text need a CJK font, else they show empty boxes. Kept screenshots
 * (PARKPLAN_SCREENSHOTS=1) refuse to be made without one; test-only screenshots just say so once.
 */
export function checkCjkFonts(keepShots: boolean): void {
  const fonts = cjkFonts();
  if (fonts === null || fonts.length > 0) return;
  const line =
    "没有中文字体，截图中的中文会显示为方框：请运行 sudo apt-get install fonts-noto-cjk / No CJK font: Chinese text in screenshots shows as boxes; run `sudo apt-get install fonts-noto-cjk`.";
  if (keepShots) throw new Error(line);
  process.stderr.write(`\n*** ${line}\n\n`);
}

export interface Site {
  url: string;
  dist: string;
  close(): Promise<void>;
}

/** Build the add-in and the standalone page once, then serve them. */
export async function buildAndServe(): Promise<Site> {
  const dist = mkdtempSync(join(tmpdir(), "parkplan-dist-"));
  const config = (configure as (env: object, options: object) => Configuration)({ nomaps: true, nomanifest: true }, { mode: "production" });
  config.output = { ...config.output, path: dist };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
  const { server, url } = (await serve(dist, 0)) as { server: Server; url: string };
  return {
    url,
    dist,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** The single-file page (webpack --env single) built into a temp folder: returns the path of parkplan.html. */
export async function buildSingleFile(): Promise<{ file: string; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "parkplan-single-"));
  const configs = (configure as (env: object, options: object) => Configuration[])(
    { single: true, singleOut: dir },
    { mode: "production" },
  );
  await new Promise<void>((resolve, reject) =>
    webpack(configs, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
  return { file: join(dir, "parkplan.html"), close: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The browser in a fresh profile, Chinese UI, downloads allowed (`executablePath` from browserForTests). */
export async function launchChromium(executablePath: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "parkplan-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--lang=zh-CN",
    ],
    locale: "zh-CN",
    acceptDownloads: true,
    viewport: { width: 420, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
