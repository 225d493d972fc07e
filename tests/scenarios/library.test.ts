/**
 * The scenario library in a workbook's store: round trips through a MemoryWorkbook and an .xlsx saved
 * and reopened, every operation, damaged entries and newer documents kept byte for byte and reported,
 * and scenario .json files.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ScenarioError } from "../../models/scenario.js";
import {
  deleteScenario,
  duplicateScenario,
  getScenario,
  LIBRARY_KEY,
  LibraryError,
  listScenarios,
  loadLibrary,
  renameScenario,
  saveScenario,
  scenarioFromText,
  scenarioToText,
} from "../../src/scenarios/index.js";
import { exportScenarioFile, importScenarioFile, readScenarioFile } from "../../src/scenarios/scenarioFile.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import type { WorkbookPort } from "../../src/workbook/port.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

const T1 = new Date("2025-01-02T03:04:05.000Z");
const T2 = new Date("2025-02-03T04:05:06.000Z");
const at = (d: Date) => ({ now: () => d });
const BASE = { name: "基准", horizon: [2020], land: { quota: 500, strategy: "proportional" }, monteCarlo: { runs: 10, seed: "a" } };
const MERIT = { name: "亩均论英雄", land: { quota: 500, strategy: "merit" } };

/** An .xlsx workbook written to bytes and reopened after every store write: only what survives the file is read. */
class ReopeningXlsx implements WorkbookPort {
  readonly kind = "xlsx" as const;
  constructor(private inner: XlsxWorkbook) {}
  listSheets = () => this.inner.listSheets();
  readGrid = (sheet: string) => this.inner.readGrid(sheet);
  readStore = (key: string) => this.inner.readStore(key);
  writeSheets = (specs: Parameters<WorkbookPort["writeSheets"]>[0]) => this.inner.writeSheets(specs);
  async writeStore(key: string, json: string): Promise<void> {
    await this.inner.writeStore(key, json);
    this.inner = await XlsxWorkbook.open(await this.inner.toBuffer());
  }
}

const PORTS: [string, () => WorkbookPort][] = [
  ["memory", () => new MemoryWorkbook()],
  ["xlsx (saved and reopened)", () => new ReopeningXlsx(XlsxWorkbook.create())],
];

describe.each(PORTS)("scenario library in a %s workbook", (_kind, make) => {
  test("an empty workbook has an empty library and no problems", async () => {
    expect(await listScenarios(make())).toEqual({ entries: [], problems: [], writable: true });
  });

  test("save, list, rename, duplicate, delete round trip with deterministic ids and injected times", async () => {
    const port = make();
    const a = await saveScenario(port, { scenario: BASE }, at(T1));
    const b = await saveScenario(port, { scenario: MERIT }, at(T1));
    expect([a.id, b.id]).toEqual(["s1", "s2"]);
    expect(a).toEqual({ id: "s1", name: "基准", savedAt: "2025-01-02T03:04:05.000Z", scenario: BASE });

    const copy = await duplicateScenario(port, "s1", at(T2));
    expect(copy).toEqual({ id: "s3", name: "基准 副本", savedAt: T2.toISOString(), scenario: { ...BASE, name: "基准 副本" } });
    expect((await duplicateScenario(port, "s1", at(T2))).name).toBe("基准 副本 2");

    const renamed = await renameScenario(port, "s2", "  亩均方案 ", at(T2));
    expect(renamed).toMatchObject({ id: "s2", name: "亩均方案", scenario: { ...MERIT, name: "亩均方案" } });

    await deleteScenario(port, "s3");
    const { entries, problems } = await listScenarios(port);
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.id, e.name])).toEqual([
      ["s1", "基准"],
      ["s4", "基准 副本 2"],
      ["s2", "亩均方案"],
    ]);
    // The freed id is reused by the next new entry.
    expect((await saveScenario(port, { scenario: { name: "第三" } }, at(T1))).id).toBe("s3");
  });

  test("save with an existing id replaces that entry in place; an injected id generator is used for new ones", async () => {
    const port = make();
    await saveScenario(port, { scenario: BASE }, { ...at(T1), newId: () => "fixed-a" });
    await saveScenario(port, { scenario: MERIT }, { ...at(T1), newId: (taken) => `x${taken.size}` });
    await saveScenario(port, { id: "fixed-a", scenario: { ...BASE, growth: { mean: 0.1 } } }, at(T2));
    const { entries } = await loadLibrary(port);
    expect(entries.map((e) => e.id)).toEqual(["fixed-a", "x1"]);
    expect(entries[0]).toEqual({ id: "fixed-a", name: "基准", savedAt: T2.toISOString(), scenario: { ...BASE, growth: { mean: 0.1 } } });
  });

  test("refusals are bilingual and change nothing: taken name, bad name, unknown id, invalid scenario", async () => {
    const port = make();
    await saveScenario(port, { scenario: BASE }, at(T1));
    const before = await port.readStore(LIBRARY_KEY);
    await expect(saveScenario(port, { scenario: { ...MERIT, name: "基准" } })).rejects.toMatchObject({
      code: "name-taken",
      zh: expect.stringContaining("基准"),
      en: expect.stringContaining("already has"),
    });
    await expect(renameScenario(port, "s1", "   ")).rejects.toMatchObject({ code: "bad-name" });
    await expect(renameScenario(port, "nope", "新名")).rejects.toMatchObject({ code: "not-found" });
    await expect(duplicateScenario(port, "nope")).rejects.toBeInstanceOf(LibraryError);
    await expect(saveScenario(port, { scenario: { land: { quota: -1 } } })).rejects.toBeInstanceOf(ScenarioError);
    expect(await port.readStore(LIBRARY_KEY)).toBe(before);
  });

  test("damaged entries are reported and kept exactly, in place, through later saves", async () => {
    const port = make();
    const damaged = [
      { id: "bad1", name: "坏情景", savedAt: "2020", scenario: { land: { quota: "很多" } } },
      { id: "s1", name: "缺少场景" },
      "not an entry",
      { id: "new1", name: "新字段", savedAt: "2030", scenario: { futureField: 1 } },
    ];
    const good = { id: "s2", name: "好", savedAt: T1.toISOString(), scenario: MERIT };
    await port.writeStore(
      LIBRARY_KEY,
      JSON.stringify({ version: 1, note: "kept", scenarios: [damaged[0], good, damaged[1], damaged[2], damaged[3]] }),
    );

    const loaded = await loadLibrary(port);
    expect(loaded.entries).toEqual([good]);
    expect(loaded.writable).toBe(true);
    expect(loaded.problems.map((p) => [p.code, p.index, p.id, p.name])).toEqual([
      ["damaged-entry", 0, "bad1", "坏情景"],
      ["damaged-entry", 2, "s1", "缺少场景"],
      ["damaged-entry", 3, null, null],
      ["damaged-entry", 4, "new1", "新字段"],
    ]);
    expect(loaded.problems[0].zh).toContain("land.quota");
    expect(loaded.problems[0].zh).toContain("已保留");
    expect(loaded.problems[0].en).toContain("kept unchanged");
    expect(loaded.problems[3].en).toContain("newer ParkPlan");

    // A new save takes the first id not used by any entry, damaged ones included (s1 is taken by a damaged entry).
    expect((await saveScenario(port, { scenario: BASE }, at(T2))).id).toBe("s3");
    await renameScenario(port, "s2", "好方案", at(T2));
    await expect(saveScenario(port, { id: "bad1", scenario: BASE })).rejects.toMatchObject({ code: "locked" });
    const doc = JSON.parse((await port.readStore(LIBRARY_KEY)) as string);
    expect(doc.note).toBe("kept");
    expect(doc.scenarios).toEqual([
      damaged[0],
      { ...good, name: "好方案", savedAt: T2.toISOString(), scenario: { ...MERIT, name: "好方案" } },
      damaged[1],
      damaged[2],
      damaged[3],
      expect.objectContaining({ id: "s3" }),
    ]);
  });

  test("a duplicate id keeps the first entry and reports the second", async () => {
    const port = make();
    const e = { id: "s1", name: "甲", savedAt: "t", scenario: {} };
    await port.writeStore(LIBRARY_KEY, JSON.stringify({ version: 1, scenarios: [e, { ...e, name: "乙" }] }));
    const loaded = await loadLibrary(port);
    expect(loaded.entries.map((x) => x.name)).toEqual(["甲"]);
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        code: "damaged-entry",
        index: 1,
        zh: expect.stringContaining("重复"),
        en: expect.stringContaining("duplicate id"),
      }),
    ]);
  });

  test.each([
    [
      "written by a newer version",
      JSON.stringify({ version: 2, scenarios: [{ id: "s1", name: "x", savedAt: "t", scenario: {} }] }),
      "newer-version",
      "newer ParkPlan",
    ],
    ["not JSON", "{ this is not json", "unreadable", "not valid JSON"],
    ["without a scenarios list", JSON.stringify({ version: 1, items: [] }), "unreadable", "lacks version or scenarios"],
  ])("a library %s is reported, kept untouched and never written over", async (_what, text, code, en) => {
    const port = make();
    await port.writeStore(LIBRARY_KEY, text);
    const loaded = await loadLibrary(port);
    expect(loaded).toMatchObject({ entries: [], writable: false, problems: [{ code, index: null, en: expect.stringContaining(en) }] });
    await expect(saveScenario(port, { scenario: BASE })).rejects.toMatchObject({
      code: "locked",
      zh: expect.stringContaining("情景库无法保存"),
    });
    await expect(deleteScenario(port, "s1")).rejects.toMatchObject({ code: "locked" });
    expect(await port.readStore(LIBRARY_KEY)).toBe(text);
  });
});

describe("scenario .json files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "parkplan-scenarios-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("export writes the plain scenario document; import reads it back as a new entry", async () => {
    const port = new MemoryWorkbook();
    await saveScenario(port, { scenario: MERIT }, at(T1));
    const file = join(dir, "merit.scenario.json");
    await exportScenarioFile(port, "s1", file);
    expect(await readFile(file, "utf8")).toBe(JSON.stringify(MERIT, null, 2) + "\n");
    expect(await readScenarioFile(file)).toEqual(MERIT);

    const other = new MemoryWorkbook();
    const entry = await importScenarioFile(other, file, at(T2));
    expect(entry).toEqual({ id: "s1", name: "亩均论英雄", savedAt: T2.toISOString(), scenario: MERIT });
    expect(await getScenario(other, "s1")).toEqual(entry);
  });

  test("text round trip; bad files give a ScenarioError naming the file and the field", async () => {
    expect(scenarioFromText(scenarioToText(BASE), "x.json")).toEqual(BASE);
    expect(scenarioFromText("\uFEFF" + JSON.stringify(MERIT), "bom.json")).toEqual(MERIT);
    expect(() => scenarioFromText("[1]", "list.json")).toThrow(/list\.json.*JSON 对象/);
    expect(() => scenarioFromText("{", "broken.json")).toThrow(/broken\.json.*not valid JSON/);
    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ land: { strategy: "lottery" } }));
    await expect(readScenarioFile(bad)).rejects.toThrow(/land\.strategy[\s\S]*bad\.json/);
    await expect(readScenarioFile(join(dir, "missing.json"))).rejects.toThrow(/cannot read the scenario file/);
  });
});
