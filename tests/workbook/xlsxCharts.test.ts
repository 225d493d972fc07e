/**
 * Issue 15.1: native charts in the .xlsx the package writer makes. The written drawing and chart parts are
 * parsed back as XML: every series names its header cell and the spec's ranges (quoted sheet names, Chinese
 * text intact), its caches equal the cells as the file holds them, the combo's groups and the band's hidden
 * legend entry are as specified; the sheet, its rels and the content types link everything; exceljs opens
 * the file; a re-write replaces ParkPlan's charts (same parts, none left over) and leaves a user's chart on
 * an untouched sheet byte for byte; a Strict package gets Strict DrawingML.
 */
import ExcelJS from "exceljs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { CONTENT_TYPES_PART, contentTypeOf, ensureOverride, overrideOf } from "../../src/workbook/package/contentTypes.js";
import { reachableParts, targetsOf } from "../../src/workbook/package/graph.js";
import { OpcPackage } from "../../src/workbook/package/opcPackage.js";
import { addRel, EMPTY_RELS, parseRels, relsPartOf, resolveTarget } from "../../src/workbook/package/rels.js";
import type { ChartSpec, SheetSpec, SpecCell } from "../../src/workbook/sheetSpec.js";
import { chartExtent, columnPixels, EMU_PER_PX } from "../../src/workbook/xlsx/drawingXml.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { buildResultSheets } from "../../src/workbook/results/index.js";
import { makeResult, runContext } from "./resultFixture.js";
import { everythingWorkbook, PLATFORM_SHEET, strictWorkbook } from "../fixtures/fidelity/make.js";
import { sheetPart } from "../fixtures/fidelity/parts.js";

const SHEET = "情景'甲";
/** The sheet name as a formula names it: quoted, the quote doubled. */
const Q = "'情景''甲'";
const BAND = "#BDD7EE";

const n = (v: number | null, fmt: SpecCell["fmt"] = "yi"): SpecCell => ({ v, fmt });
const t = (v: string, style?: SpecCell["style"]): SpecCell => (style ? { v, style } : { v });

/** Row 0 title; rows 1–6 a fan block (years × output, P10, band); rows 8–11 a per-platform block with a benchmark. */
function resultSheet(charts: ChartSpec[] = [fanChart, barChart]): SheetSpec {
  return {
    name: SHEET,
    rows: [
      [t("平台优化提升情景模拟 · 试验 & <核对>", "title")],
      [t("年份 / Year", "header"), t("产值（亿元）", "header"), t("P10", "header"), t("P10–P90 区间", "header")],
      [n(2020, undefined), n(700), n(700), n(0)],
      [n(2021, undefined), n(731.25), n(null), n(null)],
      [n(2022, undefined), n(760.5), n(720.125), n(81.5)],
      [n(2023, undefined), n(790), n(742), n(110)],
      [n(2024, undefined), n(Number.NaN), n(760), n(140.25)],
      [],
      [t("主平台 / Main platform", "header"), t("亩均产出（万元/亩）", "header"), t("基准线 500", "header")],
      [t("嘉兴经济技术开发区"), n(612.3, "perMu"), n(500, "perMu")],
      [t("平湖 & 嘉善 <合作区>"), n(480, "perMu"), n(500, "perMu")],
      [t("海宁经济开发区"), n(null, "perMu"), n(500, "perMu")],
    ],
    columnWidths: [18, 12, 10, 14, 4, 9],
    rowHeights: { 0: 30 },
    tables: [{ name: "PP_Fan", header: true, range: { top: 1, left: 0, bottom: 6, right: 3 } }],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, title: "试验" },
    charts,
  };
}

const fanChart: ChartSpec = {
  name: "PP_Chart_Fan",
  title: "全市产值 · 方案“甲” & <对照>",
  type: "line",
  range: { top: 1, left: 0, bottom: 6, right: 3 },
  series: [{ type: "line" }, { type: "areaStacked", fill: "none" }, { type: "areaStacked", fill: BAND }],
  xAxisTitle: "年份 / Year",
  yAxisTitle: "亿元 / 100M yuan",
  position: { row: 1, col: 6, width: 560, height: 300 },
};

const barChart: ChartSpec = {
  name: "PP_Chart_PerMu",
  title: "亩均产出 / Output per mu",
  type: "columnClustered",
  range: { top: 8, left: 0, bottom: 11, right: 2 },
  series: [{}, { type: "line" }],
  yAxisTitle: "万元/亩",
  position: { row: 17, col: 0, width: 480, height: 240 },
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) =>
    ["c:ser", "c:pt", "c:legendEntry", "xdr:oneCellAnchor", "c:lineChart", "c:barChart", "c:areaChart", "c:axId"].includes(name),
});

type Xml = Record<string, unknown>;
/** The part as a parsed document, after checking it is well-formed XML. */
function parsed(pkg: OpcPackage, part: string): Xml {
  const text = pkg.text(part);
  expect(XMLValidator.validate(text), part).toBe(true);
  return parser.parse(text) as Xml;
}
const at = (node: unknown, ...path: string[]): Xml => path.reduce((x, key) => (x as Xml)?.[key] as Xml, node as Xml);
const valOf = (node: unknown, key: string): string | undefined => at(node, key)?.["@val"] as string | undefined;

const read = (bytes: Uint8Array) => OpcPackage.read(bytes, Number.MAX_SAFE_INTEGER);

async function written(specs: SheetSpec[], input?: Uint8Array): Promise<Uint8Array> {
  const book = input ? await XlsxWorkbook.open(input) : XlsxWorkbook.create();
  await book.writeSheets(specs);
  return book.toBuffer();
}

interface WrittenChart {
  part: string;
  name: string;
  anchor: Xml;
  chart: Xml;
}

/** The charts of a sheet, through the sheet's <drawing r:id>, its rels, the drawing and the drawing's rels. */
function chartsOf(pkg: OpcPackage, sheet: string): WrittenChart[] {
  const part = sheetPart(pkg, sheet);
  const drawingEl = /<drawing r:id="([^"]+)"\/>/.exec(pkg.text(part));
  if (!drawingEl) return [];
  const rel = parseRels(pkg.text(relsPartOf(part))).find((r) => r.id === drawingEl[1]);
  expect(rel?.type).toMatch(/\/drawing$/);
  const drawing = resolveTarget(part, rel!.target);
  const drawingRels = parseRels(pkg.text(relsPartOf(drawing)));
  const anchors = at(parsed(pkg, drawing), "xdr:wsDr")["xdr:oneCellAnchor"] as unknown as Xml[];
  return anchors.map((anchor) => {
    const frame = at(anchor, "xdr:graphicFrame");
    const id = at(frame, "a:graphic", "a:graphicData", "c:chart")["@r:id"] as string;
    const chartRel = drawingRels.find((r) => r.id === id)!;
    expect(chartRel.type).toMatch(/\/chart$/);
    const chartPart = resolveTarget(drawing, chartRel.target);
    return {
      part: chartPart,
      name: at(frame, "xdr:nvGraphicFramePr", "xdr:cNvPr")["@name"] as string,
      anchor,
      chart: at(parsed(pkg, chartPart), "c:chartSpace", "c:chart"),
    };
  });
}

interface ParsedSeries {
  group: string;
  grouping: string | undefined;
  idx: number;
  order: number;
  txRef: string;
  txCache: string;
  catRef: string;
  catCache: Map<number, string>;
  valRef: string;
  valCache: Map<number, string>;
  ptCount: number;
  spPr: Xml | undefined;
}

const points = (cache: Xml): Map<number, string> =>
  new Map(((cache?.["c:pt"] as unknown as Xml[]) ?? []).map((p) => [Number(p["@idx"]), String(p["c:v"])]));

function seriesOf(chart: Xml): ParsedSeries[] {
  const plot = at(chart, "c:plotArea");
  const out: ParsedSeries[] = [];
  for (const group of ["c:areaChart", "c:barChart", "c:lineChart"]) {
    for (const g of (plot[group] as unknown as Xml[]) ?? []) {
      const axis = (name: string) => (at(plot, name)["c:axId"] as unknown as Xml[])[0]["@val"];
      expect((g["c:axId"] as unknown as Xml[]).map((a) => a["@val"])).toEqual([axis("c:catAx"), axis("c:valAx")]);
      for (const s of g["c:ser"] as unknown as Xml[]) {
        const cat = at(s, "c:cat", "c:numRef") ?? at(s, "c:cat", "c:strRef");
        const val = at(s, "c:val", "c:numRef");
        out.push({
          group,
          grouping: valOf(g, "c:grouping"),
          idx: Number(valOf(s, "c:idx")),
          order: Number(valOf(s, "c:order")),
          txRef: at(s, "c:tx", "c:strRef", "c:f") as unknown as string,
          txCache: points(at(s, "c:tx", "c:strRef", "c:strCache")).get(0)!,
          catRef: cat["c:f"] as unknown as string,
          catCache: points((cat["c:numCache"] ?? cat["c:strCache"]) as Xml),
          valRef: val["c:f"] as unknown as string,
          valCache: points(at(val, "c:numCache")),
          ptCount: Number(valOf(at(val, "c:numCache"), "c:ptCount")),
          spPr: s["c:spPr"] as Xml | undefined,
        });
      }
    }
  }
  return out;
}

const column = (c: number) => String.fromCharCode(65 + c);
const cellText = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

describe("charts in the .xlsx", () => {
  it("every series names its header cell and the spec's ranges, and its caches equal the cells written", async () => {
    const out = await written([resultSheet()]);
    const pkg = read(out);
    const grid = await (await XlsxWorkbook.open(out)).readGrid(SHEET);
    const charts = chartsOf(pkg, SHEET);
    expect(charts.map((c) => c.name)).toEqual(["PP_Chart_Fan", "PP_Chart_PerMu"]);
    for (const [k, spec] of [fanChart, barChart].entries()) {
      const { top, left, bottom, right } = spec.range;
      const series = seriesOf(charts[k].chart);
      expect(series).toHaveLength(right - left);
      expect(series.map((s) => s.idx)).toEqual(series.map((_, i) => i));
      expect(series.map((s) => s.order)).toEqual(series.map((_, i) => i));
      for (const s of series) {
        const col = s.valRef.match(/!\$([A-Z])\$/)![1].charCodeAt(0) - 65;
        expect(col).toBeGreaterThan(left);
        expect(col).toBeLessThanOrEqual(right);
        expect(s.txRef).toBe(`${Q}!$${column(col)}$${top + 1}`);
        expect(s.txCache).toBe(cellText(grid.values[top][col]));
        expect(s.catRef).toBe(`${Q}!$${column(left)}$${top + 2}:$${column(left)}$${bottom + 1}`);
        expect(s.valRef).toBe(`${Q}!$${column(col)}$${top + 2}:$${column(col)}$${bottom + 1}`);
        expect(s.ptCount).toBe(bottom - top);
        for (let i = 0; i < bottom - top; i++) {
          const cell = grid.values[top + 1 + i]?.[col];
          expect(s.valCache.get(i), `${s.valRef} point ${i}`).toBe(typeof cell === "number" ? String(cell) : undefined);
          expect(s.catCache.get(i)).toBe(cellText(grid.values[top + 1 + i]?.[left]) || undefined);
        }
      }
    }
  });

  it("draws the fan as a combo: the band stacked behind the line, its lower edge invisible and out of the legend", async () => {
    const pkg = read(await written([resultSheet()]));
    const [fan, bars] = chartsOf(pkg, SHEET);
    const series = seriesOf(fan.chart);
    // Drawing order: the stacked band (P10, then its width), then the line; spec order inside each group.
    expect(series.map((s) => [s.group, s.grouping, s.txCache])).toEqual([
      ["c:areaChart", "stacked", "P10"],
      ["c:areaChart", "stacked", "P10–P90 区间"],
      ["c:lineChart", "standard", "产值（亿元）"],
    ]);
    expect(at(series[0].spPr, "a:noFill")).toBe("");
    expect(at(series[0].spPr, "a:ln", "a:noFill")).toBe("");
    expect(at(series[1].spPr, "a:solidFill", "a:srgbClr")["@val"]).toBe("BDD7EE");
    const legend = at(fan.chart, "c:legend")["c:legendEntry"] as unknown as Xml[];
    expect(legend.map((e) => [valOf(e, "c:idx"), valOf(e, "c:delete")])).toEqual([["0", "1"]]);
    // Years are numbers: the categories are a numRef; blank cells spanned (Office's "Interplotted").
    expect(at(fan.chart, "c:plotArea", "c:lineChart")).toBeDefined();
    expect(series[2].catCache.get(0)).toBe("2020");
    expect(pkg.text(fan.part)).toContain(`<c:cat><c:numRef><c:f>${Q.replace(/'/g, "'")}!$A$3:$A$7</c:f>`);
    expect(valOf(fan.chart, "c:dispBlanksAs")).toBe("span");
    // Titles: the chart's and both axes', Chinese and XML specials intact.
    const title = (node: Xml) => at(node, "c:title", "c:tx", "c:rich", "a:p", "a:r", "a:t") as unknown as string;
    expect(title(fan.chart)).toBe("全市产值 · 方案“甲” & <对照>");
    expect(title(at(fan.chart, "c:plotArea", "c:catAx"))).toBe("年份 / Year");
    expect(title(at(fan.chart, "c:plotArea", "c:valAx"))).toBe("亿元 / 100M yuan");

    // Platform names are text: a strRef with the names, XML specials escaped and read back.
    const barSeries = seriesOf(bars.chart);
    expect(barSeries.map((s) => [s.group, s.grouping])).toEqual([
      ["c:barChart", "clustered"],
      ["c:lineChart", "standard"],
    ]);
    expect(valOf((at(bars.chart, "c:plotArea")["c:barChart"] as unknown as Xml[])[0], "c:barDir")).toBe("col");
    expect([...barSeries[0].catCache.values()]).toEqual(["嘉兴经济技术开发区", "平湖 & 嘉善 <合作区>", "海宁经济开发区"]);
    expect(at(bars.chart, "c:plotArea", "c:catAx", "c:title")).toBeUndefined();
    expect(valOf(bars.chart, "c:legend")).toBeUndefined();
  });

  it("anchors each chart at its cell with its size, in the worksheet's schema order, every part typed and linked", async () => {
    const pkg = read(await written([resultSheet()]));
    const part = sheetPart(pkg, SHEET);
    const xml = pkg.text(part);
    // CT_Worksheet: … pageSetup, headerFooter, drawing, … tableParts.
    const order = ["<pageSetup", "<headerFooter", "<drawing ", "<tableParts"].map((tag) => xml.indexOf(tag));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const [fan, bars] = chartsOf(pkg, SHEET);
    for (const [c, spec] of [
      [fan, fanChart],
      [bars, barChart],
    ] as const) {
      const from = at(c.anchor, "xdr:from");
      expect([from["xdr:col"], from["xdr:row"], from["xdr:colOff"], from["xdr:rowOff"]].map(Number)).toEqual([
        spec.position.col,
        spec.position.row,
        0,
        0,
      ]);
      expect(at(c.anchor, "xdr:ext")["@cx"]).toBe(String(spec.position.width * EMU_PER_PX));
      expect(at(c.anchor, "xdr:ext")["@cy"]).toBe(String(spec.position.height * EMU_PER_PX));
    }
    const types = pkg.text(CONTENT_TYPES_PART);
    const drawing = targetsOf(pkg, part).find((p) => p.startsWith("xl/drawings/"))!;
    expect(overrideOf(types, drawing)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    for (const c of [fan, bars])
      expect(overrideOf(types, c.part)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    const reachable = reachableParts(pkg);
    for (const name of pkg.names().filter((p) => !p.includes("_rels/") && p !== CONTENT_TYPES_PART)) {
      expect(reachable.has(name), name).toBe(true);
      expect(contentTypeOf(types, name), name).not.toBeNull();
    }
  });

  it("a probability chart's value axis stops at 100 % and reads as percentages; other axes scale freely", async () => {
    const odds: SheetSpec = {
      name: "情景对比",
      rows: [
        [t("目标 / Target", "header"), t("方案甲", "header"), t("方案乙", "header")],
        [t("JX-1"), n(1, "pct"), n(0.95, "pct")],
        [t("JX-2"), n(0.4, "pct"), n(null, "pct")],
      ],
      charts: [
        {
          name: "PP_Chart_Odds",
          title: "达标概率",
          type: "columnClustered",
          range: { top: 0, left: 0, bottom: 2, right: 2 },
          position: { row: 4, col: 0, width: 400, height: 200 },
        },
      ],
    };
    const pkg = read(await written([odds, resultSheet()]));
    const valAx = (c: WrittenChart) => at(c.chart, "c:plotArea", "c:valAx");
    const [bars] = chartsOf(pkg, "情景对比");
    expect([valOf(at(valAx(bars), "c:scaling"), "c:max"), valOf(at(valAx(bars), "c:scaling"), "c:min")]).toEqual(["1", "0"]);
    expect(at(valAx(bars), "c:numFmt")["@formatCode"]).toBe("0%");
    const [fan] = chartsOf(pkg, SHEET);
    expect(valOf(at(valAx(fan), "c:scaling"), "c:max")).toBeUndefined();
    expect(at(valAx(fan), "c:numFmt")["@formatCode"]).toBe("General");
  });

  it("chartExtent finds the cell under a chart's corner from the sheet's widths and heights (Excel's measure)", () => {
    // Stored widths 4 and 9 (padding included) are 28 and 63 px at 7-px digits; Excel's default column
    // (9.140625 stored, 8.43 shown) is 64 px, as is a column without a width.
    expect([columnPixels(4), columnPixels(9), columnPixels(9.140625), columnPixels(undefined)]).toEqual([28, 63, 64, 64]);
    const spec = resultSheet();
    // 100 px from E: E (28 px) and F (63 px) hold 91 → the corner is 9 px into G.
    expect(chartExtent(spec, { ...fanChart, position: { row: 0, col: 4, width: 100, height: 50 } })).toEqual({
      col: 6,
      colOff: 9 * EMU_PER_PX,
      // Row 0 is 30 pt = 40 px, so 50 px ends 10 px into row 1.
      row: 1,
      rowOff: 10 * EMU_PER_PX,
    });
  });

  it("汇总's charts cover no cell of its data, in Excel's measure of its columns and rows", () => {
    const result = makeResult();
    const main = result.rollups.find((u) => u.kind === "main")!;
    main.stats = { "2018": { output: { mean: 1290, p10: 1150, p50: 1287, p90: 1400 } } };
    const sheet = buildResultSheets(result, runContext)[2];
    expect(sheet.charts?.length).toBeGreaterThan(1);
    for (const chart of sheet.charts!) {
      const end = chartExtent(sheet, chart);
      const covered: string[] = [];
      for (let r = chart.position.row; r <= end.row; r++)
        for (let c = chart.position.col; c <= end.col; c++) {
          const v = sheet.rows[r]?.[c]?.v;
          if (v !== null && v !== undefined && v !== "") covered.push(`${column(c)}${r + 1}`);
        }
      expect(covered, chart.name).toEqual([]);
    }
  });

  it("opens in exceljs with the cells beside the charts as written", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await written([resultSheet()])) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SHEET)!;
    expect(ws.getCell("B5").value).toBe(760.5);
    expect(ws.getCell("A11").value).toBe("平湖 & 嘉善 <合作区>");
  });

  it("a re-write replaces ParkPlan's charts in the same parts, leaves none over, and removes them all when a sheet has none", async () => {
    const first = await written([resultSheet()]);
    const firstParts = chartsOf(read(first), SHEET).map((c) => c.part);
    const drawingOf = (pkg: OpcPackage) => targetsOf(pkg, sheetPart(pkg, SHEET)).find((p) => p.startsWith("xl/drawings/"));

    const again = read(await written([resultSheet()], first));
    expect(chartsOf(again, SHEET).map((c) => c.part)).toEqual(firstParts);
    expect(drawingOf(again)).toBe(drawingOf(read(first)));

    const fewer = read(await written([resultSheet([barChart])], first));
    const kept = chartsOf(fewer, SHEET);
    expect(kept.map((c) => [c.name, c.part])).toEqual([["PP_Chart_PerMu", firstParts[0]]]);
    expect(fewer.names().filter((p) => p.startsWith("xl/charts/"))).toEqual([firstParts[0]]);
    expect(fewer.text(CONTENT_TYPES_PART)).not.toContain(firstParts[1]);

    const none = read(await written([resultSheet([])], first));
    expect(none.names().filter((p) => /^xl\/(charts|drawings)\//.test(p))).toEqual([]);
    expect(none.text(sheetPart(none, SHEET))).not.toContain("<drawing");
    expect(none.text(CONTENT_TYPES_PART)).not.toMatch(/drawing|chart/);
  });

  it("a re-write after Excel gave ParkPlan's chart style and colour parts drops them with the old chart", async () => {
    const first = read(await written([resultSheet()]));
    const [fan] = chartsOf(first, SHEET);
    // What Excel adds on save: chartN.xml → colorsN.xml (typed), through the chart's own rels.
    const colours = "xl/charts/colors1.xml";
    first.set(
      colours,
      `<?xml version="1.0" encoding="UTF-8"?>\n<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>`,
    );
    first.set(
      relsPartOf(fan.part),
      addRel(EMPTY_RELS, {
        id: "rId1",
        type: "http://schemas.microsoft.com/office/2011/relationships/chartColorStyle",
        target: "colors1.xml",
        external: false,
      }),
    );
    first.set(CONTENT_TYPES_PART, ensureOverride(first.text(CONTENT_TYPES_PART), colours, "application/vnd.ms-office.chartcolorstyle+xml"));
    const again = read(await written([resultSheet()], first.toBytes()));
    expect(chartsOf(again, SHEET)[0].part).toBe(fan.part);
    expect(again.has(colours)).toBe(false);
    expect(again.has(relsPartOf(fan.part))).toBe(false);
    expect(again.text(CONTENT_TYPES_PART)).not.toContain(colours);
  });

  it("keeps a user's chart on an untouched sheet byte for byte and takes other part names for its own", async () => {
    const input = await everythingWorkbook();
    const before = read(input);
    // The platform sheet has a drawing with an image (exceljs's) and one with a chart (parts.ts).
    const userDrawing = targetsOf(before, sheetPart(before, PLATFORM_SHEET)).find((p) =>
      targetsOf(before, p).some((q) => q.startsWith("xl/charts/")),
    )!;
    const userChart = targetsOf(before, userDrawing)[0];
    expect(userChart).toBe("xl/charts/chart1.xml");
    const out = read(await written([resultSheet()], input));
    for (const p of [userDrawing, userChart, relsPartOf(userDrawing)]) {
      expect(Buffer.from(out.originalEntry(p)!.localRecord).equals(Buffer.from(before.originalEntry(p)!.localRecord)), p).toBe(true);
    }
    const ours = chartsOf(out, SHEET).map((c) => c.part);
    expect(ours).not.toContain(userChart);
    expect(ours).toHaveLength(2);
    // A re-run still leaves the user's chart alone.
    const again = read(await written([resultSheet()], out.toBytes()));
    expect(again.text(userChart)).toBe(before.text(userChart));
    expect(chartsOf(again, SHEET).map((c) => c.part)).toEqual(ours);
  });

  it("writes Strict DrawingML and relationship types into a Strict package", async () => {
    const pkg = read(await written([resultSheet()], await strictWorkbook()));
    const [fan] = chartsOf(pkg, SHEET);
    expect(pkg.text(fan.part)).toContain('xmlns:c="http://purl.oclc.org/ooxml/drawingml/chart"');
    const drawing = targetsOf(pkg, sheetPart(pkg, SHEET)).find((p) => p.startsWith("xl/drawings/"))!;
    expect(pkg.text(drawing)).toContain('xmlns:xdr="http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"');
    expect(parseRels(pkg.text(relsPartOf(drawing))).map((r) => r.type)).toEqual([
      "http://purl.oclc.org/ooxml/officeDocument/relationships/chart",
      "http://purl.oclc.org/ooxml/officeDocument/relationships/chart",
    ]);
  });
});
