/**
 * --json written platform by platform: the pieces jsonPieces yields concatenate to exactly the document
 * toJson(jsonDocument(…)) writes in one string, on the sample workbook (Monte Carlo statistics), on a
 * generated 2,000-platform run, and on a hand-made result with the values JSON treats specially; and
 * writePieces waits for a stream that asks it to.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../../models/results.js";
import { runScenario } from "../../src/pipeline/runScenario.js";
import { jsonDocument, jsonPieces, toJson, writePieces } from "../../src/cli/jsonOutput.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { meritScenario, scaleWorkbookBytes } from "../bench/scaleWorkbook.js";
import { makeResult } from "../workbook/resultFixture.js";

const streamed = (result: SimulationResult, issues: Parameters<typeof jsonPieces>[1] = []) => [...jsonPieces(result, issues)];

describe("jsonPieces", () => {
  it("writes the sample's document byte for byte, one piece per platform", { timeout: 60_000 }, async () => {
    const book = await XlsxWorkbook.open(readFileSync("assets/samples/jiaxing-2017.xlsx"), "jiaxing-2017.xlsx");
    // The sample's own scenario file, as the command line finds it: 1,000 Monte Carlo runs.
    const scenario = JSON.parse(readFileSync("assets/samples/jiaxing-2017.scenario.json", "utf8")) as Record<string, unknown>;
    const { result, input } = await runScenario(book, { scenario, write: false });
    expect(result.platforms.some((p) => p.stats !== undefined)).toBe(true);
    expect(input.issues.length).toBeGreaterThan(0);
    const pieces = streamed(result, input.issues);
    expect(pieces.join("")).toBe(toJson(jsonDocument(result, input.issues)));
    // Every platform is a piece of its own (twice: its paths, and its class odds), and the text parses back to the document.
    expect(result.classOdds!.platforms).toHaveLength(result.platforms.length);
    expect(pieces.length).toBeGreaterThan(2 * result.platforms.length + result.rollups.length + result.targets.length);
    expect(JSON.parse(pieces.join("")).platforms.map((p: { name: string }) => p.name)).toEqual(result.platforms.map((p) => p.name));
  });

  it("writes a generated 2,000-platform run byte for byte", { timeout: 120_000 }, async () => {
    const book = await XlsxWorkbook.open(await scaleWorkbookBytes(2_000), "/tmp/scale-2000.xlsx");
    const { result, input } = await runScenario(book, { scenario: meritScenario(2_000), write: false });
    expect(result.platforms).toHaveLength(2_000);
    expect(streamed(result, input.issues).join("")).toBe(toJson(jsonDocument(result, input.issues)));
  });

  it("keeps what JSON treats specially: NaN and infinities as null, undefined left out, empty lists", () => {
    const base = makeResult();
    const odd: SimulationResult = {
      ...base,
      platforms: base.platforms.map((p, k) => ({
        ...p,
        level: k === 0 ? undefined : p.level,
        years: p.years.map((y) => ({ ...y, output: NaN, tax: Infinity, energy: -Infinity })),
      })) as SimulationResult["platforms"],
      rollups: [],
      targets: [],
      warnings: [{ code: "x", zh: '多行\n文字 "引号"', en: "two\nlines" }] as SimulationResult["warnings"],
      // A nested object streamed field by field: its list empty.
      classOdds: { year: 2020, platforms: [] },
      allMet: undefined,
    };
    const text = streamed(odd).join("");
    expect(text).toBe(toJson(jsonDocument(odd, [])));
    const back = JSON.parse(text);
    expect(back.rollups).toEqual([]);
    expect(back.classOdds).toEqual({ year: 2020, platforms: [] });
    expect(back.allMet).toBeNull();
    expect(back.platforms[0].years[0].output).toBeNull();
    expect(back.platforms[0].years[0].tax).toBeNull();
    expect("level" in back.platforms[0]).toBe(false);
    expect(back.warnings[0].message).toBe('多行\n文字 "引号" / two\nlines');
  });
});

describe("writePieces", () => {
  it("joins pieces into chunks and waits for drain when the stream is full", async () => {
    const written: string[] = [];
    let waits = 0;
    const sink = {
      write: (chunk: string) => (written.push(chunk), written.length % 2 === 1),
      once: (_event: "drain", listener: () => void) => (waits++, setTimeout(listener, 0)),
    };
    const pieces = Array.from({ length: 100 }, (_, k) => `${k},`);
    await writePieces(sink, pieces, 30);
    expect(written.join("")).toBe(pieces.join(""));
    expect(written.every((c, k) => c.length >= 30 || k === written.length - 1)).toBe(true);
    expect(waits).toBe(Math.floor(written.length / 2));
  });
});
