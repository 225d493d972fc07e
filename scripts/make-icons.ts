/**
 * Renders assets/icon.svg to the add-in's PNG icons (16, 32, 64, 80 px) with headless chromium.
 * Run: npx tsx scripts/make-icons.ts (the PNGs are committed; CI does not run this).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
const svg = readFileSync(join(assets, "icon.svg"), "utf8");
const profile = mkdtempSync(join(tmpdir(), "parkplan-icons-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});
try {
  for (const size of [16, 32, 64, 80]) {
    const page = await browser.newPage();
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: join(assets, `icon-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
