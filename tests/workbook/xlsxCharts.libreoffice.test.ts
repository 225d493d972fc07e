/**
 * Issue 15.1 through LibreOffice: the command line projects the 嘉兴 sample, and LibreOffice, reading the
 * .xlsx it wrote, (a) prints the charts — the P10–P90 band's fill is drawn in the PDF, and that colour is
 * in no cell style, so only a chart can have drawn it — and (b) keeps them as chart objects bound to the
 * same cells when it converts the file to .ods. Without LibreOffice (soffice not on PATH) both are skipped
 * with that reason; with it installed they always run, on CI too.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpcPackage } from "../../src/workbook/package/opcPackage.js";
import { relsPartOf } from "../../src/workbook/package/rels.js";
import { findElements } from "../../src/workbook/package/xml.js";
import { sheetPart } from "../fixtures/fidelity/parts.js";

const ROOT = resolve(import.meta.dirname, "../..");
const SAMPLE = join(ROOT, "assets/samples/jiaxing-2017.xlsx");
const SCENARIO = join(ROOT, "assets/samples/jiaxing-2017.scenario.json");
const CHART_SHEET = "汇总";
/** The band's fill, #BDD7EE, as LibreOffice writes a fill colour into a PDF content stream. */
const BAND_FILL = /0\.7411\d* 0\.8431\d* 0\.9333\d* rg/g;

const soffice = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
const NO_SOFFICE = "LibreOffice is not installed (no soffice on PATH): the rendering checks need it";

const tmp = mkdtempSync(join(tmpdir(), "parkplan-xlsx-charts-"));
const projected = join(tmp, "jiaxing-2017-projected.xlsx");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function convert(file: string, to: string): string {
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${join(tmp, "lo-profile")}`, "--headless", "--convert-to", to, "--outdir", tmp, file],
    {
      stdio: "ignore",
      timeout: 240_000,
    },
  );
  return join(tmp, file.replace(/^.*\//, "").replace(/\.\w+$/, `.${to.replace(/:.*/, "")}`));
}

/** The decoded content stream of every page of a PDF, in page order (LibreOffice's PDFs: one Flate stream a page). */
function pageStreams(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const objects = new Map<number, number>();
  for (const m of text.matchAll(/(\d+) 0 obj\b/g)) objects.set(Number(m[1]), m.index);
  const body = (n: number) => text.slice(objects.get(n)!, text.indexOf("endobj", objects.get(n)));
  const stream = (n: number): string => {
    const b = body(n);
    const len = /\/Length (\d+)( 0 R)?/.exec(b)!;
    const length = len[2] ? Number(/obj\s*(\d+)/.exec(body(Number(len[1])))![1]) : Number(len[1]);
    let start = objects.get(n)! + b.indexOf("stream") + 6;
    if (text[start] === "\r") start++;
    if (text[start] === "\n") start++;
    const raw = pdf.subarray(start, start + length);
    return /FlateDecode/.test(b) ? inflateSync(raw).toString("latin1") : raw.toString("latin1");
  };
  return [...objects.keys()]
    .filter((n) => /\/Type\s*\/Page\b(?!s)/.test(body(n)))
    .sort((a, b) => objects.get(a)! - objects.get(b)!)
    .map((n) => stream(Number(/\/Contents (\d+) 0 R/.exec(body(n))![1])));
}

/** The charts ParkPlan wrote on a sheet: for each, the value range of every series ('汇总'!$B$5:$B$9). */
function writtenCharts(pkg: OpcPackage, sheet: string): { band: boolean; values: string[] }[] {
  const sheetRels = pkg.text(relsPartOf(sheetPart(pkg, sheet)));
  const drawingPart = /Target="\.\.\/drawings\/([^"]+)"/.exec(sheetRels)![1];
  const rels = pkg.text(`xl/drawings/_rels/${drawingPart}.rels`);
  return [...rels.matchAll(/Target="\.\.\/charts\/([^"]+)"/g)].map((m) => {
    const xml = pkg.text(`xl/charts/${m[1]}`);
    const values = findElements(xml, "val").map((v) => /<c:f>([^<]+)<\/c:f>/.exec(v.inner)![1].replace(/&apos;|'/g, "'"));
    return { band: xml.includes('<a:srgbClr val="BDD7EE"/>'), values };
  });
}

/** '汇总'!$B$5:$B$9 → 汇总.B5:汇总.B9, as LibreOffice names a range in an .ods chart (a plain sheet name). */
function odsRange(ref: string): string {
  const [, sheet, c1, r1, c2, r2] = /^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(ref)!;
  return `${sheet}.${c1}${r1}:${sheet}.${c2}${r2}`;
}

describe("the projected sample's charts in LibreOffice", () => {
  beforeAll(() => {
    if (!soffice) return;
    execFileSync(process.execPath, [join(ROOT, "bin/parkplan.js"), "simulate", SAMPLE, "--scenario", SCENARIO, "--out", projected], {
      cwd: ROOT,
      stdio: "ignore",
      timeout: 300_000,
    });
  }, 320_000);

  it("prints every fan chart's band (a colour no cell style has) in the PDF", (ctx) => {
    if (!soffice) ctx.skip(NO_SOFFICE);
    const pkg = OpcPackage.read(readFileSync(projected), Number.MAX_SAFE_INTEGER);
    const charts = writtenCharts(pkg, CHART_SHEET);
    const bands = charts.filter((c) => c.band).length;
    // The sample's 10 main platforms: one 亩均 chart and 10 output fans with Monte Carlo bands.
    expect([charts.length, bands]).toEqual([11, 10]);
    expect(pkg.text("xl/styles.xml").toUpperCase()).not.toContain("BDD7EE");
    const pages = pageStreams(readFileSync(convert(projected, "pdf")));
    const fills = pages.map((p) => (p.match(BAND_FILL) ?? []).length);
    // Each band is drawn (its polygon, maybe split over pages) and keyed in its legend.
    expect(fills.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2 * bands);
    expect(pages.length).toBeGreaterThan(fills.filter((f) => f > 0).length);
  }, 300_000);

  it("keeps each chart as a chart object over the same cells when converting to .ods", (ctx) => {
    if (!soffice) ctx.skip(NO_SOFFICE);
    const pkg = OpcPackage.read(readFileSync(projected), Number.MAX_SAFE_INTEGER);
    const charts = writtenCharts(pkg, CHART_SHEET);
    const ods = OpcPackage.read(readFileSync(convert(projected, "ods")), Number.MAX_SAFE_INTEGER);
    const content = ods.text("content.xml");
    const sheet = findElements(content, "table").find((t) => t.startTag.includes(`table:name="${CHART_SHEET}"`))!;
    const objects = findElements(sheet.inner, "object").map((o) => /draw:notify-on-update-of-ranges="([^"]*)"/.exec(o.startTag)?.[1] ?? "");
    expect(objects).toHaveLength(charts.length);
    for (const [k, chart] of charts.entries()) {
      const ranges = objects[k].split(" ");
      for (const ref of chart.values) expect(ranges, ref).toContain(odsRange(ref));
    }
  }, 300_000);
});
