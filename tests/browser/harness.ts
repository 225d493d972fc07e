/**
 * The browser tests' fixture: one production build (webpack's Node API, no source maps) into a temp
 * folder, served on 127.0.0.1 by scripts/serve.js, and Debian's chromium through playwright-core.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import webpack, { type Configuration } from "webpack";
// @ts-expect-error plain JS modules without type declarations
import configure from "../../webpack.config.js";
// @ts-expect-error plain JS modules without type declarations
import { serve } from "../../scripts/serve.js";

export const CHROMIUM = process.env.PARKPLAN_CHROMIUM ?? "/usr/bin/chromium";

export interface Site {
  url: string;
  dist: string;
  close(): Promise<void>;
}

/** Build the add-in and the standalone page once, then serve them. */
export async function buildAndServe(): Promise<Site> {
  const dist = mkdtempSync(join(tmpdir(), "parkplan-dist-"));
  const config = (configure as (env: object, options: object) => Configuration)({ nomaps: true }, { mode: "production" });
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

/** Chromium in a fresh profile, Chinese UI, downloads allowed; fails with a clear message when missing. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`找不到 Chromium：${CHROMIUM}。浏览器测试需要 Debian 的 chromium（apt-get install chromium fonts-noto-cjk），或用 PARKPLAN_CHROMIUM 指定路径。 / Chromium not found at ${CHROMIUM}: the browser tests need Debian's chromium (apt-get install chromium fonts-noto-cjk), or set PARKPLAN_CHROMIUM.`);
  }
  const profile = mkdtempSync(join(tmpdir(), "parkplan-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--lang=zh-CN"],
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
