/**
 * A recording fake of the Excel object model: an in-memory workbook behind the subset of office.js the
 * Office adapter uses, with office.js's batching semantics — calls are queued and applied at sync(),
 * loaded properties (and isNullObject) are readable only after the sync that loaded them. Written strings
 * are parsed the way Excel parses typed input ("=…" becomes a formula, "12" a number, "TRUE" a boolean, a
 * leading apostrophe keeps text), non-finite numbers are refused. Every sync is recorded with its request
 * and response size (UTF-8 JSON of the queued calls and of the loaded data) and its number of calls.
 *
 * It also refuses what Excel documents refusing, with Excel's error codes (name "RichApi.Error", `code`,
 * `debugInfo.errorLocation`): a request or response over 5 MB (Excel on the web); every sync while the
 * user edits a cell, unless the run asked for delayForCellEdit (then the fake waits: the user leaves the
 * cell); adding, deleting, renaming or moving sheets under a protected workbook structure; writing to a
 * protected sheet; deleting a very hidden sheet (documented: InvalidOperation) — and, stricter than the
 * docs say, moving or activating one, so the adapter never depends on either. Formulas of the form
 * `=Sheet!A1` are evaluated on read, follow a renamed sheet and become `#REF!` when their sheet is deleted.
 */
import type { CellRange } from "../../../src/workbook/grid.js";
import type { ExcelRunner } from "../../../src/workbook/office/runner.js";
import { utf8Length } from "../../../src/workbook/office/payload.js";

type Raw = string | number | boolean | { error: string } | null;
export interface FakeCell {
  v: Raw;
  fmt?: string;
  quote?: boolean;
  formula?: string;
  style?: Record<string, unknown>;
}
export interface FakeChart {
  name: string;
  type: string;
  source: CellRange;
  seriesBy: string;
  title?: string;
  xAxisTitle?: string;
  yAxisTitle?: string;
  topLeft?: string;
  width?: number;
  height?: number;
  displayBlanksAs?: string;
  series: FakeSeries[];
}
export interface FakeSeries {
  name?: string;
  /** Where the values come from; unset = whatever Excel guessed from the chart's source. */
  values?: CellRange;
  chartType?: string;
  xValues?: CellRange;
  fill?: string;
  lineStyle?: string;
}
export interface FakeSheet {
  id: number;
  name: string;
  visibility: string;
  /** Review → Protect Sheet: cells, formats, tables and charts cannot be changed. */
  protected: boolean;
  rows: (FakeCell | undefined)[][];
  merges: CellRange[];
  tables: { name: string; range: CellRange; hasHeaders: boolean; style?: string }[];
  conditionalFormats: { range: CellRange; type: string; formula?: string; fill?: string; font?: string }[];
  charts: FakeChart[];
  frozen: { rows: number; cols: number };
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Print settings applied through worksheet.pageLayout (ExcelApi 1.9). */
  pageLayout?: Record<string, unknown>;
}
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  calls: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const bytes = (v: unknown) => utf8Length(JSON.stringify(v) ?? "null");
const overlaps = (a: CellRange, b: CellRange) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
/** Excel's error shape: an OfficeExtension.Error carries name, code and debugInfo. */
const fail = (code: string, message: string, errorLocation = "") =>
  Object.assign(new Error(`${code}: ${message}`), { name: "RichApi.Error", code, debugInfo: { code, message, errorLocation } });
/** Excel on the web's cap on one request and one response. */
export const PAYLOAD_CAP = 5 * 1024 * 1024;

/** `=预测!B5` or `='my sheet'!B5`: the sheet and the cell a simple cross-sheet formula points at. */
const REF = /^=(?:'((?:[^']|'')+)'|([^'!=]+))!\$?([A-Z]+)\$?(\d+)$/;
export function refOf(formula: string): { sheet: string; col: number; row: number } | null {
  const m = REF.exec(formula);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const col = [...m[3]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheet, col, row: Number(m[4]) - 1 };
}
const columnName = (c: number): string => (c < 26 ? "" : columnName(Math.floor(c / 26) - 1)) + String.fromCharCode(65 + (c % 26));
const quoteSheet = (name: string) => (/^[\p{L}\p{N}_]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** What Excel makes of a value written through range.values. */
export function parseInput(x: unknown): FakeCell | null {
  if (x === null || x === undefined) return null;
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw fail("InvalidArgument", `${x} is not a number Excel can store`);
    return { v: x };
  }
  if (typeof x === "boolean") return { v: x };
  if (typeof x !== "string") throw fail("InvalidArgument", `cannot write ${typeof x}`);
  if (x === "") return { v: null };
  if (x.startsWith("'")) return { v: x.slice(1), quote: true };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(x.trim()))
    return { v: x.trim().endsWith("%") ? parseFloat(x) / 100 : Number(x.trim()) };
  if (/^[=+\-@]/.test(x)) return { v: { error: "#NAME?" }, formula: x };
  if (/^(true|false)$/i.test(x)) return { v: x.toUpperCase() === "TRUE" };
  if (/^#(N\/A|NAME\?|REF!|VALUE!|DIV\/0!|NUM!|NULL!)$/.test(x)) return { v: { error: x } };
  if (/^\d{4}[-/年]\d{1,2}([-/月]\d{0,2}日?)?$/.test(x)) return { v: 43831, fmt: "yyyy/m/d" };
  return { v: x };
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  syncs: SyncRecord[] = [];
  /** The active sheet and the selected range, as activate() and select() leave them. */
  selection: { sheet: string; range: CellRange } | null = null;
  /** Counts suspendApiCalculationUntilNextSync / suspendScreenUpdatingUntilNextSync calls. */
  suspended = { calculation: 0, screen: 0 };
  /** Make the n-th sync from now (1 = the next) fail before applying anything, like a lost connection. */
  failAfter: number | null = null;
  /** The user is typing in a cell: syncs fail unless the run asked to wait (delayForCellEdit). */
  cellEditMode = false;
  /** Runs that waited for the user to leave a cell. */
  waitedForCellEdit = 0;
  /** Review → Protect Workbook: sheets cannot be added, deleted, renamed or moved. */
  structureProtected = false;
  /** Page layout refused (e.g. no printer driver on the host), with this Excel error code. */
  refusePageLayout: string | null = null;
  /** Excel's guess from a chart's source: one series per column, or (like a numeric first column) one more. */
  chartGuess: "perColumn" | "extra" = "perColumn";
  /** The options each Excel.run was called with, in order. */
  runOptions: Excel.RunOptions[] = [];
  private nextId = 1;

  readonly run: ExcelRunner = async (options, batch) => {
    this.runOptions.push({ ...options });
    if (this.cellEditMode && options.delayForCellEdit) {
      // Excel holds the batch until the user leaves the cell; the fake's user does so at once.
      this.waitedForCellEdit++;
      this.cellEditMode = false;
    }
    const ctx = new FakeContext(this);
    const out = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length) await ctx.sync();
    return out;
  };

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  names(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Add a sheet directly (test set-up, no sync): rows of raw values, as a user would have typed them. */
  addSheet(name: string, rows: Raw[][] = []): FakeSheet {
    const s = this.createSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (this.cells(s, r)[c] = { v })));
    return s;
  }

  /** Syncs recorded since `from` (an index into `syncs`). */
  since(from: number): SyncRecord[] {
    return this.syncs.slice(from);
  }

  createSheet(name: string): FakeSheet {
    this.checkName(name);
    const s: FakeSheet = {
      id: this.nextId++,
      name,
      visibility: "Visible",
      protected: false,
      rows: [],
      merges: [],
      tables: [],
      conditionalFormats: [],
      charts: [],
      frozen: { rows: 0, cols: 0 },
      columnWidths: new Map(),
      rowHeights: new Map(),
    };
    this.sheets.push(s);
    return s;
  }

  checkName(name: string, except?: FakeSheet): void {
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw fail("InvalidArgument", `bad sheet name ${name}`);
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase()))
      throw fail("ItemAlreadyExists", `sheet ${name}`);
  }

  cells(s: FakeSheet, r: number): (FakeCell | undefined)[] {
    return (s.rows[r] ??= []);
  }

  /** A cell's current value: a cross-sheet formula reads its target now, as Excel recalculates. */
  valueOf(cell: FakeCell | undefined, depth = 0): Raw {
    if (!cell) return null;
    const ref = cell.formula && !cell.quote ? refOf(cell.formula) : null;
    if (!ref || depth > 8) return cell.v;
    const target = this.sheet(ref.sheet);
    if (!target) return { error: "#REF!" };
    const v = this.valueOf(target.rows[ref.row]?.[ref.col], depth + 1);
    return v === null ? 0 : v;
  }

  /** Formulas of every sheet that point at `from`: rewritten to `to`, or to #REF! when the sheet is deleted. */
  retarget(from: string, to: string | null): void {
    for (const s of this.sheets) {
      for (const row of s.rows) {
        for (const cell of row ?? []) {
          const ref = cell?.formula && !cell.quote ? refOf(cell.formula) : null;
          if (!cell || !ref || ref.sheet.toLowerCase() !== from.toLowerCase()) continue;
          const at = cell.formula!.slice(cell.formula!.lastIndexOf("!") + 1);
          cell.formula = to === null ? `=#REF!${at}` : `=${quoteSheet(to)}!${at}`;
          if (to === null) cell.v = { error: "#REF!" };
        }
      }
    }
  }

  /** Structure changes refused under a protected workbook structure, as Excel does. */
  checkStructure(what: string): void {
    if (this.structureProtected) throw fail("AccessDenied", `the workbook structure is protected: cannot ${what}`, `Worksheet.${what}`);
  }

  /** Changes to a protected sheet's cells refused. */
  checkUnprotected(s: FakeSheet, what: string): void {
    if (s.protected) throw fail("AccessDenied", `sheet ${s.name} is protected: cannot ${what}`, `Range.${what}`);
  }

  /** Bounding box of the cells holding values, or null. */
  usedRange(s: FakeSheet): CellRange | null {
    let box: CellRange | null = null;
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || cell.v === null) return;
        box = box
          ? { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) }
          : { top: r, left: c, bottom: r, right: c };
      }),
    );
    return box;
  }
}

interface Op {
  desc: unknown;
  apply: () => unknown;
}

class FakeContext {
  queue: Op[] = [];
  readonly workbook: { worksheets: WorksheetCollection; protection: Protection };
  readonly application: Record<string, () => void>;

  constructor(readonly excel: FakeExcel) {
    this.workbook = {
      worksheets: new WorksheetCollection(this),
      protection: new Protection(this, "workbook.protection", () => excel.structureProtected),
    };
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.push({ o: "app", m: "suspendCalc" }, () => void excel.suspended.calculation++),
      suspendScreenUpdatingUntilNextSync: () => this.push({ o: "app", m: "suspendScreen" }, () => void excel.suspended.screen++),
    };
  }

  push(desc: unknown, apply: () => unknown): void {
    this.queue.push({ desc, apply });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const record = { requestBytes: ops.reduce((n, op) => n + bytes(op.desc), 0), responseBytes: 0, calls: ops.length };
    this.excel.syncs.push(record);
    if (this.excel.failAfter !== null && --this.excel.failAfter === 0) {
      this.excel.failAfter = null;
      throw fail("ConnectionFailure", "the request did not reach Excel");
    }
    if (this.excel.cellEditMode) throw fail("InvalidOperationInCellEditMode", "Excel is in cell-editing mode");
    if (record.requestBytes > PAYLOAD_CAP) throw fail("RequestPayloadSizeLimitExceeded", `request of ${record.requestBytes} bytes`);
    for (const op of ops) {
      const response = op.apply();
      if (response !== undefined) record.responseBytes += bytes(response);
    }
    if (record.responseBytes > PAYLOAD_CAP) throw fail("ResponsePayloadSizeLimitExceeded", `response of ${record.responseBytes} bytes`);
  }
}

/** Base of every proxy: queued calls, properties readable only once loaded and synced. */
class Proxy {
  private readonly loaded = new Map<string, unknown>();
  constructor(
    readonly ctx: FakeContext,
    readonly path: string,
  ) {}
  protected call(m: string, args: unknown[], apply: () => unknown): void {
    this.ctx.push({ o: this.path, m, a: args }, apply);
  }
  protected set(p: string, v: unknown, apply: () => void): void {
    this.ctx.push({ o: this.path, p, v }, apply);
  }
  protected value<T>(p: string): T {
    if (!this.loaded.has(p)) throw fail("PropertyNotLoaded", `${p} of ${this.path} was read before load() and sync()`);
    return this.loaded.get(p) as T;
  }
  protected readProperty(p: string): unknown {
    throw fail("InvalidArgument", `${p} cannot be loaded on ${this.path}`);
  }
  /** Mark a property as loaded (the collections fill their items this way). */
  provide(p: string, v: unknown): void {
    this.loaded.set(p, v);
  }
  load(props: string | string[]): this {
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim());
    this.ctx.push({ o: this.path, load: list }, () => {
      const out: Record<string, unknown> = {};
      for (const p of list) out[p] = this.readProperty(p);
      for (const p of list) this.loaded.set(p, out[p]);
      return out;
    });
    return this;
  }
}

/** workbook.protection / worksheet.protection: `protected`, readable once loaded. */
class Protection extends Proxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly read: () => boolean,
  ) {
    super(ctx, path);
  }
  protected override readProperty(p: string): unknown {
    return p === "protected" ? this.read() : super.readProperty(p);
  }
  get protected(): boolean {
    return this.value("protected");
  }
}

/** Proxies an *OrNullObject call returns: isNullObject is known after the next sync. */
class Nullable extends Proxy {
  protected resolved: unknown = undefined;
  private synced = false;
  protected watch(resolve: () => unknown): void {
    this.ctx.push({ o: this.path, resolve: 1 }, () => {
      this.resolved = resolve();
      this.synced = true;
    });
  }
  get isNullObject(): boolean {
    if (!this.synced) throw fail("PropertyNotLoaded", `isNullObject of ${this.path} was read before sync()`);
    return this.resolved === null;
  }
}

class WorksheetCollection extends Proxy {
  constructor(ctx: FakeContext) {
    super(ctx, "worksheets");
  }
  get items(): Worksheet[] {
    return this.value("items");
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, `ws(${name})`, () => this.ctx.excel.sheet(name) ?? null, true);
  }
  add(name: string): Worksheet {
    let created: FakeSheet | null = null;
    const ws = new Worksheet(this.ctx, `ws+(${name})`, () => created);
    this.call("add", [name], () => {
      this.ctx.excel.checkStructure("add");
      created = this.ctx.excel.createSheet(name);
    });
    return ws;
  }
  getCount(): { value: number } {
    const result = { value: NaN };
    this.call("getCount", [], () => (result.value = this.ctx.excel.sheets.length));
    return result;
  }
  override load(props: string): this {
    const list = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.push({ o: this.path, load: props }, () => {
      const items = this.ctx.excel.sheets.map((s) => {
        const ws = new Worksheet(this.ctx, `ws#${s.id}`, () => s);
        for (const p of list) ws.provide(p, ws.readNow(p));
        return ws;
      });
      this.provide("items", items);
      return items.map((_, k) => list.map((p) => this.ctx.excel.sheets[k][p as keyof FakeSheet]));
    });
    return this;
  }
}

export class Worksheet extends Nullable {
  private cache: FakeSheet | null | undefined;
  readonly tables: TableCollection;
  readonly charts: ChartCollection;
  readonly freezePanes: Record<string, (x?: unknown) => void>;
  readonly protection: Protection;

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly find: () => FakeSheet | null,
    nullable = false,
  ) {
    super(ctx, path);
    this.protection = new Protection(ctx, `${path}.protection`, () => this.target().protected);
    if (nullable) this.watch(() => this.target(false));
    this.tables = new TableCollection(ctx, `${path}.tables`, this);
    this.charts = new ChartCollection(ctx, `${path}.charts`, this);
    const freeze = (rows: number, cols: number) => () => void (this.target().frozen = { rows, cols });
    this.freezePanes = {
      freezeRows: (n) => this.call("freezeRows", [n], freeze(n as number, 0)),
      freezeColumns: (n) => this.call("freezeColumns", [n], freeze(0, n as number)),
      unfreeze: () => this.call("unfreeze", [], freeze(0, 0)),
      freezeAt: (r) =>
        this.call("freezeAt", [(r as Range).path], () => {
          const box = (r as Range).box();
          this.target().frozen = { rows: box.bottom + 1, cols: box.right + 1 };
        }),
    };
  }
  /** The sheet behind the proxy, resolved once (at apply time) and then kept even if renamed. */
  target(must = true): FakeSheet {
    if (this.cache === undefined) this.cache = this.find();
    if (!this.cache && must) throw fail("ItemNotFound", `${this.path} does not exist`);
    if (this.cache && !this.ctx.excel.sheets.includes(this.cache) && must) throw fail("ItemNotFound", `${this.path} was deleted`);
    return this.cache as FakeSheet;
  }
  readNow(p: string): unknown {
    const s = this.target();
    if (p === "position") return this.ctx.excel.sheets.indexOf(s);
    if (p === "name" || p === "visibility") return s[p];
    return super.readProperty(p);
  }
  protected override readProperty(p: string): unknown {
    if (this.target(false) === null) return null;
    return this.readNow(p);
  }
  get name(): string {
    return this.value("name");
  }
  set name(v: string) {
    this.set("name", v, () => {
      const s = this.target();
      this.ctx.excel.checkStructure("rename");
      this.ctx.excel.checkName(v, s);
      const old = s.name;
      s.name = v;
      this.ctx.excel.retarget(old, v);
    });
  }
  get position(): number {
    return this.value("position");
  }
  set position(v: number) {
    this.set("position", v, () => {
      const list = this.ctx.excel.sheets;
      const s = this.target();
      if (v < 0 || v >= list.length) throw fail("InvalidArgument", `position ${v}`);
      if (list.indexOf(s) === v) return;
      this.ctx.excel.checkStructure("move");
      if (s.visibility === "VeryHidden")
        throw fail("InvalidOperation", `sheet ${s.name} is very hidden: cannot move it`, "Worksheet.position");
      list.splice(list.indexOf(s), 1);
      list.splice(v, 0, s);
    });
  }
  set visibility(v: string) {
    this.set("visibility", v, () => void (this.target().visibility = v));
  }
  get visibility(): string {
    return this.value("visibility");
  }
  delete(): void {
    this.call("delete", [], () => {
      const s = this.target();
      const list = this.ctx.excel.sheets;
      this.ctx.excel.checkStructure("delete");
      // Documented: deleting a very hidden sheet fails with InvalidOperation.
      if (s.visibility === "VeryHidden")
        throw fail("InvalidOperation", `sheet ${s.name} is very hidden: cannot delete it`, "Worksheet.delete");
      if (!list.some((x) => x !== s && x.visibility === "Visible")) throw fail("InvalidOperation", "cannot delete the last visible sheet");
      list.splice(list.indexOf(s), 1);
      this.ctx.excel.retarget(s.name, null);
    });
  }
  getRange(address?: string): Range {
    if (address !== undefined) throw fail("NotImplemented", "the fake addresses ranges by index only");
    return new Range(this.ctx, `${this.path}.all`, this, () => ({ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }));
  }
  /** Page layout (ExcelApi 1.9): settings are recorded on the fake sheet when the queue is applied. */
  get pageLayout(): Record<string, unknown> {
    const record = (key: string, value: unknown) =>
      this.call(`pageLayout.${key}`, [value], () => {
        const refusal = this.ctx.excel.refusePageLayout;
        if (refusal) throw fail(refusal, "the print setup was refused", `PageLayout.${key}`);
        (this.target().pageLayout ??= {})[key] = value;
      });
    const page = {
      setPrintTitleRows: (rows: string) => record("printTitleRows", rows),
      setPrintArea: (area: string) => record("printArea", area),
      headersFooters: { defaultForAllPages: {} as Record<string, unknown> },
    };
    for (const key of ["orientation", "paperSize", "zoom"]) {
      Object.defineProperty(page, key, { set: (v: unknown) => record(key, v) });
    }
    for (const key of ["centerHeader", "centerFooter"]) {
      Object.defineProperty(page.headersFooters.defaultForAllPages, key, { set: (v: unknown) => record(key, v) });
    }
    return page;
  }
  activate(): void {
    this.call("activate", [], () => {
      const s = this.target();
      if (s.visibility === "VeryHidden")
        throw fail("InvalidOperation", `sheet ${s.name} is very hidden: cannot activate it`, "Worksheet.activate");
      this.ctx.excel.selection = { sheet: s.name, range: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    if (rows < 1 || cols < 1) throw fail("InvalidArgument", `empty range ${rows}×${cols}`);
    return new Range(this.ctx, `${this.path}.r(${row},${col},${rows},${cols})`, this, () => ({
      top: row,
      left: col,
      bottom: row + rows - 1,
      right: col + cols - 1,
    }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(this.ctx, `${this.path}.used(${valuesOnly ?? false})`, this, () => this.ctx.excel.usedRange(this.target()), true);
  }
}

export class Range extends Nullable {
  private cached: CellRange | null | undefined;
  readonly format: RangeFormat;
  readonly conditionalFormats: { add: (type: string) => ConditionalFormat; clearAll: () => void };

  constructor(
    ctx: FakeContext,
    path: string,
    readonly ws: Worksheet,
    private readonly locate: () => CellRange | null,
    nullable = false,
  ) {
    super(ctx, path);
    if (nullable) this.watch(() => this.box(false));
    this.format = new RangeFormat(ctx, `${path}.format`, this);
    this.conditionalFormats = {
      add: (type) => {
        const entry = { range: { top: 0, left: 0, bottom: 0, right: 0 }, type };
        this.call("conditionalFormats.add", [type], () => {
          entry.range = this.box();
          this.ws.target().conditionalFormats.push(entry);
        });
        return new ConditionalFormat(ctx, `${path}.cf`, entry);
      },
      clearAll: () =>
        this.call("conditionalFormats.clearAll", [], () => {
          const sheet = this.ws.target();
          this.ctx.excel.checkUnprotected(sheet, "conditionalFormats");
          sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !overlaps(f.range, this.box()));
        }),
    };
  }
  select(): void {
    this.call("select", [], () => void (this.ctx.excel.selection = { sheet: this.ws.target().name, range: this.box() }));
  }
  box(must = true): CellRange {
    if (this.cached === undefined) this.cached = this.locate();
    if (!this.cached && must) throw fail("ItemNotFound", `${this.path} is a null object`);
    return this.cached as CellRange;
  }
  private each(f: (cells: (FakeCell | undefined)[], r: number, c: number, i: number, j: number) => void): void {
    const b = this.box();
    const sheet = this.ws.target();
    for (let r = b.top; r <= b.bottom; r++) {
      const row = this.ctx.excel.cells(sheet, r);
      for (let c = b.left; c <= b.right; c++) f(row, r, c, r - b.top, c - b.left);
    }
  }
  /** A scalar or an array of exactly the range's shape, as Excel requires. */
  private shaped(v: unknown, what: string): (i: number, j: number) => unknown {
    if (!Array.isArray(v)) return () => v;
    const b = this.box();
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw fail("InvalidArgument", `${what} does not match ${this.path} (${rows}×${cols})`);
    }
    return (i, j) => (v as unknown[][])[i][j];
  }
  protected override readProperty(p: string): unknown {
    const b = this.box(false);
    if (!b) return null;
    const grid = (f: (cell: FakeCell | undefined) => unknown) => {
      const out: unknown[][] = Array.from({ length: b.bottom - b.top + 1 }, () => []);
      this.each((row, _r, c, i) => out[i].push(f(row[c])));
      return out;
    };
    switch (p) {
      case "values":
        return grid((cell) => {
          const v = this.ctx.excel.valueOf(cell);
          return v === null ? "" : typeof v === "object" ? v.error : v;
        });
      case "formulas":
        return grid((cell) => {
          if (cell?.formula && !cell.quote) return cell.formula;
          const v = cell?.v;
          return v === null || v === undefined ? "" : typeof v === "object" ? v.error : v;
        });
      case "address": {
        const name = this.ws.target().name;
        const corner = (r: number, c: number) => `${columnName(c)}${r + 1}`;
        const cells =
          b.top === b.bottom && b.left === b.right ? corner(b.top, b.left) : `${corner(b.top, b.left)}:${corner(b.bottom, b.right)}`;
        return `${quoteSheet(name)}!${cells}`;
      }
      case "valueTypes":
        return grid((cell) => {
          const v = this.ctx.excel.valueOf(cell);
          if (v === null || v === undefined) return "Empty";
          if (typeof v === "object") return "Error";
          return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
        });
      case "numberFormat":
        return grid((cell) => cell?.fmt ?? "General");
      case "rowIndex":
        return b.top;
      case "columnIndex":
        return b.left;
      case "rowCount":
        return b.bottom - b.top + 1;
      case "columnCount":
        return b.right - b.left + 1;
      default:
        return super.readProperty(p);
    }
  }
  get values(): unknown[][] {
    return this.value("values");
  }
  set values(v: unknown[][]) {
    this.set("values", v, () => {
      this.ctx.excel.checkUnprotected(this.ws.target(), "values");
      const at = this.shaped(v, "values");
      this.each((row, _r, c, i, j) => {
        const parsed = parseInput(at(i, j));
        if (parsed === null) return;
        row[c] = { ...row[c], v: parsed.v, quote: parsed.quote, formula: parsed.formula, ...(parsed.fmt ? { fmt: parsed.fmt } : {}) };
      });
    });
  }
  get valueTypes(): string[][] {
    return this.value("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.value("formulas");
  }
  get address(): string {
    return this.value("address");
  }
  get numberFormat(): string[][] {
    return this.value("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.set("numberFormat", v, () => {
      this.ctx.excel.checkUnprotected(this.ws.target(), "numberFormat");
      const at = this.shaped(v, "numberFormat");
      this.each((row, _r, c, i, j) => void (row[c] = { v: null, ...row[c], fmt: String(at(i, j)) }));
    });
  }
  get rowIndex(): number {
    return this.value("rowIndex");
  }
  get columnIndex(): number {
    return this.value("columnIndex");
  }
  get rowCount(): number {
    return this.value("rowCount");
  }
  get columnCount(): number {
    return this.value("columnCount");
  }
  /** Apply a style property to every cell (used by RangeFormat). */
  styleCells(key: string, v: unknown): void {
    this.ctx.excel.checkUnprotected(this.ws.target(), "format");
    this.each((row, _r, c) => {
      const cell = (row[c] ??= { v: null });
      cell.style = { ...cell.style, [key]: v };
    });
  }
  merge(across = false): void {
    this.call("merge", [across], () => {
      const b = this.box();
      const sheet = this.ws.target();
      if (sheet.merges.some((m) => overlaps(m, b))) throw fail("InvalidOperation", "merge overlaps a merged area");
      if (sheet.tables.some((t) => overlaps(t.range, b))) throw fail("InvalidOperation", "cannot merge inside a table");
      sheet.merges.push({ ...b });
    });
  }
  clear(applyTo = "All"): void {
    this.call("clear", [applyTo], () => {
      const sheet = this.ws.target();
      this.ctx.excel.checkUnprotected(sheet, "clear");
      const b = this.box();
      // Only cells that exist: a whole-sheet clear must not walk 17 billion cells.
      sheet.rows.forEach((row, r) => {
        if (!row || r < b.top || r > b.bottom) return;
        row.forEach((cell, c) => {
          if (!cell || c < b.left || c > b.right) return;
          row[c] =
            applyTo === "Contents"
              ? { ...cell, v: null, quote: false, formula: undefined }
              : applyTo === "Formats"
                ? { v: cell.v, quote: cell.quote, formula: cell.formula }
                : undefined;
        });
      });
    });
  }
  unmerge(): void {
    this.call("unmerge", [], () => {
      const sheet = this.ws.target();
      this.ctx.excel.checkUnprotected(sheet, "unmerge");
      const b = this.box();
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, b));
    });
  }
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(this.ctx, `${this.path}.merged`, this, () => {
      const b = this.box();
      const list = this.ws.target().merges.filter((m) => overlaps(m, b));
      return list.length ? list : null;
    });
  }
  /** ExcelApi 1.9: the formula cells of the range (each as its own area), or a null object when there are none. */
  getSpecialCellsOrNullObject(type: string): RangeAreas {
    if (type !== "Formulas") throw fail("NotImplemented", `the fake finds formula cells only, not ${type}`);
    return new RangeAreas(this.ctx, `${this.path}.formulas`, this, () => {
      const b = this.box();
      const list: CellRange[] = [];
      this.ws.target().rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell?.formula && !cell.quote && r >= b.top && r <= b.bottom && c >= b.left && c <= b.right)
            list.push({ top: r, left: c, bottom: r, right: c });
        }),
      );
      return list.length ? list : null;
    });
  }
}

class RangeAreas extends Nullable {
  readonly areas: AreaCollection;
  constructor(ctx: FakeContext, path: string, range: Range, found: () => CellRange[] | null) {
    super(ctx, path);
    this.watch(found);
    this.areas = new AreaCollection(ctx, `${path}.areas`, range.ws, () => (this.resolved as CellRange[] | null) ?? []);
  }
  protected override readProperty(p: string): unknown {
    const list = (this.resolved as CellRange[] | null) ?? [];
    if (p === "areaCount") return list.length;
    if (p === "cellCount") return list.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
    return super.readProperty(p);
  }
  get areaCount(): number {
    return this.value("areaCount");
  }
  get cellCount(): number {
    return this.value("cellCount");
  }
}

class AreaCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly ws: Worksheet,
    private readonly list: () => CellRange[],
  ) {
    super(ctx, path);
  }
  get items(): Range[] {
    return this.value("items");
  }
  override load(props: string): this {
    const list = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.push({ o: this.path, load: props }, () => {
      const items = this.list().map((m, k) => {
        const r = new Range(this.ctx, `${this.path}[${k}]`, this.ws, () => m);
        for (const p of list) r.provide(p, (r as unknown as { readProperty(p: string): unknown }).readProperty(p));
        return r;
      });
      this.provide("items", items);
      return this.list();
    });
    return this;
  }
}

class RangeFormat extends Proxy {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly borders: { getItem: (edge: string) => Record<string, unknown> };
  constructor(ctx: FakeContext, path: string, range: Range) {
    super(ctx, path);
    const setter = (prefix: string) =>
      new globalThis.Proxy({} as Record<string, unknown>, {
        set: (_t, key: string, v) => {
          this.set(`${prefix}${key}`, v, () => range.styleCells(`${prefix}${key}`, v));
          return true;
        },
      });
    this.font = setter("font.");
    this.fill = setter("fill.");
    this.borders = { getItem: (edge) => setter(`border.${edge}.`) };
    const sheetwide = (key: string, apply: (s: FakeSheet, b: CellRange, v: number) => void) => ({
      set: (v: number) => this.set(key, v, () => apply(range.ws.target(), range.box(), v)),
    });
    Object.defineProperty(
      this,
      "columnWidth",
      sheetwide("columnWidth", (s, b, v) => {
        for (let c = b.left; c <= b.right; c++) s.columnWidths.set(c, v);
      }),
    );
    Object.defineProperty(
      this,
      "rowHeight",
      sheetwide("rowHeight", (s, b, v) => {
        for (let r = b.top; r <= b.bottom; r++) s.rowHeights.set(r, v);
      }),
    );
    const standard = (
      key: string,
      sizes: (s: FakeSheet) => Map<number, number>,
      lo: (b: CellRange) => number,
      hi: (b: CellRange) => number,
    ) =>
      sheetwide(key, (s, b, v) => {
        if (v) for (const k of [...sizes(s).keys()]) if (k >= lo(b) && k <= hi(b)) sizes(s).delete(k);
      });
    Object.defineProperty(
      this,
      "useStandardWidth",
      standard(
        "useStandardWidth",
        (s) => s.columnWidths,
        (b) => b.left,
        (b) => b.right,
      ),
    );
    Object.defineProperty(
      this,
      "useStandardHeight",
      standard(
        "useStandardHeight",
        (s) => s.rowHeights,
        (b) => b.top,
        (b) => b.bottom,
      ),
    );
    for (const key of ["wrapText", "verticalAlignment"]) {
      Object.defineProperty(this, key, { set: (v: unknown) => this.set(key, v, () => range.styleCells(key, v)) });
    }
  }
}

class ConditionalFormat extends Proxy {
  readonly custom: { rule: Record<string, unknown>; format: { fill: Record<string, unknown>; font: Record<string, unknown> } };
  constructor(ctx: FakeContext, path: string, entry: FakeSheet["conditionalFormats"][number]) {
    super(ctx, path);
    const on = (apply: (v: string) => void) =>
      new globalThis.Proxy({} as Record<string, unknown>, {
        set: (_t, key: string, v) => {
          this.set(key, v, () => apply(String(v)));
          return true;
        },
      });
    this.custom = {
      rule: on((v) => (entry.formula = v)),
      format: { fill: on((v) => (entry.fill = v)), font: on((v) => (entry.font = v)) },
    };
  }
}

class TableCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly ws: Worksheet,
  ) {
    super(ctx, path);
  }
  get items(): Table[] {
    return this.value("items");
  }
  add(range: Range, hasHeaders: boolean): Table {
    const entry = { name: "", range: { top: 0, left: 0, bottom: 0, right: 0 }, hasHeaders };
    this.call("add", [range.path, hasHeaders], () => {
      const sheet = this.ws.target();
      entry.range = { ...range.box() };
      if (sheet.tables.some((t) => overlaps(t.range, entry.range)) || sheet.merges.some((m) => overlaps(m, entry.range))) {
        throw fail("InvalidOperation", "a table cannot overlap another table or merged cells");
      }
      this.ctx.excel.checkUnprotected(sheet, "tables.add");
      entry.name = `Table${sheet.tables.length + 1}_${sheet.id}`;
      sheet.tables.push(entry);
    });
    return new Table(this.ctx, `${this.path}+`, this.ws, entry);
  }
  override load(props: string): this {
    this.ctx.push({ o: this.path, load: props }, () => {
      const items = this.ws.target().tables.map((t) => {
        const table = new Table(this.ctx, `${this.path}(${t.name})`, this.ws, t);
        table.provide("name", t.name);
        return table;
      });
      this.provide("items", items);
      return items.map((t) => t.name);
    });
    return this;
  }
}

class Table extends Proxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly ws: Worksheet,
    private readonly entry: FakeSheet["tables"][number],
  ) {
    super(ctx, path);
  }
  get name(): string {
    return this.value("name");
  }
  set name(v: string) {
    this.set("name", v, () => {
      const clash = this.ctx.excel.sheets.some((s) => s.tables.some((t) => t !== this.entry && t.name.toLowerCase() === v.toLowerCase()));
      if (clash) throw fail("ItemAlreadyExists", `table ${v}`);
      this.entry.name = v;
    });
  }
  set style(v: string) {
    this.set("style", v, () => void (this.entry.style = v));
  }
  delete(): void {
    this.call("delete", [], () => {
      const sheet = this.ws.target();
      this.ctx.excel.checkUnprotected(sheet, "tables.delete");
      sheet.tables = sheet.tables.filter((t) => t !== this.entry);
    });
  }
  getRange(): Range {
    return new Range(this.ctx, `${this.path}.range`, this.ws, () => this.entry.range);
  }
}

class ChartCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly ws: Worksheet,
  ) {
    super(ctx, path);
  }
  add(type: string, source: Range, seriesBy: string): Chart {
    const chart: FakeChart = { name: "", type, source: { top: 0, left: 0, bottom: 0, right: 0 }, seriesBy, series: [] };
    this.call("add", [type, source.path, seriesBy], () => {
      const sheet = this.ws.target();
      this.ctx.excel.checkUnprotected(sheet, "charts.add");
      chart.source = { ...source.box() };
      const count = seriesBy === "Columns" ? chart.source.right - chart.source.left + 1 : chart.source.bottom - chart.source.top + 1;
      chart.series = Array.from({ length: count + (this.ctx.excel.chartGuess === "extra" ? 1 : 0) }, () => ({}));
      chart.name = `Chart ${sheet.charts.length + 1}`;
      sheet.charts.push(chart);
    });
    return new Chart(this.ctx, `${this.path}+`, chart, this.ws);
  }
  get items(): Chart[] {
    return this.value("items");
  }
  override load(props: string): this {
    this.ctx.push({ o: this.path, load: props }, () => {
      const items = this.ws.target().charts.map((c) => {
        const chart = new Chart(this.ctx, `${this.path}(${c.name})`, c, this.ws);
        chart.provide("name", c.name);
        return chart;
      });
      this.provide("items", items);
      return items.map((c) => c.name);
    });
    return this;
  }
}

class SeriesCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly chart: FakeChart,
  ) {
    super(ctx, path);
  }
  protected override readProperty(p: string): unknown {
    return p === "count" ? this.chart.series.length : super.readProperty(p);
  }
  get count(): number {
    return this.value("count");
  }
  getItemAt(k: number): ChartSeries {
    let entry: FakeSeries | undefined;
    const path = `${this.path}[${k}]`;
    return new ChartSeries(this.ctx, path, this.chart, () => {
      entry ??= this.chart.series[k];
      if (!entry) throw fail("ItemNotFound", `${path}: the chart has ${this.chart.series.length} series`);
      return entry;
    });
  }
  add(name?: string): ChartSeries {
    const entry: FakeSeries = name === undefined ? {} : { name };
    this.call("add", [name], () => void this.chart.series.push(entry));
    return new ChartSeries(this.ctx, `${this.path}+`, this.chart, () => entry);
  }
}

class Chart extends Proxy {
  readonly title: Record<string, unknown>;
  readonly axes: { categoryAxis: { title: Record<string, unknown> }; valueAxis: { title: Record<string, unknown> } };
  readonly series: SeriesCollection;
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly chart: FakeChart,
    private readonly ws: Worksheet,
  ) {
    super(ctx, path);
    const on = (key: string, apply: (v: string) => void) =>
      new globalThis.Proxy({} as Record<string, unknown>, {
        set: (_t, p: string, v) => {
          this.set(`${key}.${p}`, v, () => apply(String(v)));
          return true;
        },
      });
    this.title = on("title", (v) => (chart.title = v));
    this.axes = {
      categoryAxis: { title: on("x", (v) => (chart.xAxisTitle = v)) },
      valueAxis: { title: on("y", (v) => (chart.yAxisTitle = v)) },
    };
    this.series = new SeriesCollection(ctx, `${path}.series`, chart);
  }
  get name(): string {
    return this.value("name");
  }
  delete(): void {
    this.call("delete", [], () => {
      const sheet = this.ws.target();
      this.ctx.excel.checkUnprotected(sheet, "charts.delete");
      sheet.charts = sheet.charts.filter((c) => c !== this.chart);
    });
  }
  set name(v: string) {
    this.set("name", v, () => void (this.chart.name = v));
  }
  set width(v: number) {
    this.set("width", v, () => void (this.chart.width = v));
  }
  set height(v: number) {
    this.set("height", v, () => void (this.chart.height = v));
  }
  set displayBlanksAs(v: string) {
    this.set("displayBlanksAs", v, () => void (this.chart.displayBlanksAs = v));
  }
  setPosition(start: string): void {
    this.call("setPosition", [start], () => void (this.chart.topLeft = start));
  }
}

class ChartSeries extends Proxy {
  readonly format: { fill: { clear: () => void; setSolidColor: (c: string) => void }; line: Record<string, unknown> };
  constructor(ctx: FakeContext, path: string, chart: FakeChart, item: () => FakeSeries) {
    super(ctx, path);
    this.format = {
      fill: {
        clear: () => this.call("fill.clear", [], () => void (item().fill = "none")),
        setSolidColor: (c) => this.call("fill.setSolidColor", [c], () => void (item().fill = c)),
      },
      line: new globalThis.Proxy({} as Record<string, unknown>, {
        set: (_t, p: string, v) => {
          this.set(`line.${p}`, v, () => void (item().lineStyle = String(v)));
          return true;
        },
      }),
    };
    Object.defineProperty(this, "chartType", { set: (v: string) => this.set("chartType", v, () => void (item().chartType = v)) });
    Object.defineProperty(this, "setXAxisValues", {
      value: (r: Range) => this.call("setXAxisValues", [r.path], () => void (item().xValues = { ...r.box() })),
    });
    Object.defineProperty(this, "setValues", {
      value: (r: Range) => this.call("setValues", [r.path], () => void (item().values = { ...r.box() })),
    });
    Object.defineProperty(this, "name", { set: (v: string) => this.set("name", v, () => void (item().name = v)) });
    Object.defineProperty(this, "delete", {
      value: () =>
        this.call("delete", [], () => {
          const at = chart.series.indexOf(item());
          if (at >= 0) chart.series.splice(at, 1);
        }),
    });
  }
}
