/**
 * Hostile output and input paths for simulate, compare (--out, --report), reproduce and check: a missing
 * folder, a folder, a path under a file, a read-only file, and — through an injected file layer, since
 * this suite may run as root, whom chmod does not stop — no permission, a read-only disk, a full disk,
 * a file locked by another program. Each must end with exit 1, the path, what to do, in both languages.
 */
import { copyFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { HostileCase } from "./case.js";
import { nodeFiles, type FileLayer } from "../../src/workbook/xlsx/xlsxFile.js";

const SAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), "../../assets/samples");

/** A case that also replaces file operations (the runner passes `files(dir)` to main). */
export interface InjectedCase extends HostileCase {
  files?(dir: string): FileLayer;
}

/** The 嘉兴 sample as book.xlsx with its scenario beside it (deterministic: runs 0, so a case is quick). */
export function sampleBook(dir: string): string {
  copyFileSync(join(SAMPLES, "jiaxing-2017.xlsx"), join(dir, "book.xlsx"));
  writeScenario(dir, "book.scenario.json", {});
  return "book.xlsx";
}

/** The sample's scenario with `changes` on top, runs 0. */
export function writeScenario(dir: string, name: string, changes: Record<string, unknown>): string {
  const doc = JSON.parse(readFileSync(join(SAMPLES, "jiaxing-2017.scenario.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(join(dir, name), JSON.stringify({ ...doc, monteCarlo: { runs: 0, seed: "hostile" }, ...changes }, null, 2));
  return name;
}

/** The sample and two scenarios named A and B, for compare. */
function compareInputs(dir: string): string[] {
  sampleBook(dir);
  return ["book.xlsx", writeScenario(dir, "a.json", { name: "A" }), writeScenario(dir, "b.json", { name: "B" })];
}

const systemError = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

type Operation = "access" | "readFile" | "writeFile" | "rename";

/**
 * The real file layer, except that `operation` on a path ending with `suffix` fails with `code`. A failing
 * writeFile first writes half the data, as a full disk does, so a temporary file is really left to clean.
 */
export function failing(operation: Operation, code: string, suffix = ""): FileLayer {
  // A write goes to a temporary file named after the target (".result.xlsx.3f9a….tmp").
  const fails = (path: string) => (operation === "writeFile" ? basename(path).includes(suffix) : path.endsWith(suffix));
  return {
    ...nodeFiles,
    async access(path, mode) {
      if (operation === "access" && fails(path)) throw systemError(code, "access", path);
      return nodeFiles.access(path, mode);
    },
    async readFile(path) {
      if (operation === "readFile" && fails(path)) throw systemError(code, "open", path);
      return nodeFiles.readFile(path);
    },
    async writeFile(path, data) {
      if (operation === "writeFile" && fails(path)) {
        await nodeFiles.writeFile(path, data.slice(0, Math.floor(data.length / 2)));
        throw systemError(code, "write", path);
      }
      return nodeFiles.writeFile(path, data);
    },
    async rename(from, to) {
      if (operation === "rename" && fails(to)) throw systemError(code, "rename", to);
      return nodeFiles.rename(from, to);
    },
  };
}

const EXISTING = "an earlier result, to keep\n";
/** An earlier output at `name`, which a failed write must leave byte-identical. */
const earlier = (dir: string, name: string) => writeFileSync(join(dir, name), EXISTING);

const simulateTo = (out: string) => (dir: string) => ["simulate", sampleBook(dir), "--out", out];

export const pathCases: InjectedCase[] = [
  {
    id: "out-missing-folder",
    what: "simulate --out into a folder that does not exist",
    setup: simulateTo("no-such-folder/result.xlsx"),
    expect: { exit: 1, mentions: ["no-such-folder/result.xlsx"], zh: "不存在", en: "does not exist", absent: ["no-such-folder"] },
  },
  {
    id: "out-path-is-folder",
    what: "simulate --out naming an existing folder",
    setup(dir) {
      mkdirSync(join(dir, "results.xlsx"));
      return simulateTo("results.xlsx")(dir);
    },
    expect: { exit: 1, mentions: ["results.xlsx"], zh: "是一个文件夹", en: "is a folder" },
  },
  {
    id: "out-default-is-folder",
    what: "simulate without --out where ./book-projected.xlsx is a folder",
    setup(dir) {
      mkdirSync(join(dir, "book-projected.xlsx"));
      return ["simulate", sampleBook(dir)];
    },
    expect: { exit: 1, mentions: ["book-projected.xlsx"], zh: "是一个文件夹", en: "is a folder" },
  },
  {
    id: "out-under-file",
    what: "simulate --out under a path that is a file",
    setup: simulateTo("book.scenario.json/result.xlsx"),
    expect: { exit: 1, mentions: ["book.scenario.json/result.xlsx"], zh: "是文件而不是文件夹", en: "is a file, not a folder" },
  },
  {
    id: "out-target-read-only",
    what: "simulate --out onto an earlier result marked read-only",
    setup(dir) {
      earlier(dir, "old.xlsx");
      chmodSync(join(dir, "old.xlsx"), 0o444);
      return simulateTo("old.xlsx")(dir);
    },
    expect: { exit: 1, mentions: ["old.xlsx"], zh: "只读", en: "read-only" },
    cleanup: (dir) => chmodSync(join(dir, "old.xlsx"), 0o644),
  },
  {
    id: "out-no-permission",
    what: "simulate --out into a folder the user may not write to",
    setup(dir) {
      mkdirSync(join(dir, "locked"));
      return simulateTo("locked/result.xlsx")(dir);
    },
    files: () => failing("access", "EACCES", "/locked"),
    expect: { exit: 1, mentions: ["locked/result.xlsx"], zh: "没有权限", en: "permission denied", absent: ["locked/result.xlsx"] },
  },
  {
    id: "out-read-only-disk",
    what: "simulate --out onto a read-only disk",
    setup(dir) {
      mkdirSync(join(dir, "cdrom"));
      return simulateTo("cdrom/result.xlsx")(dir);
    },
    files: () => failing("access", "EROFS", "/cdrom"),
    expect: { exit: 1, mentions: ["cdrom/result.xlsx"], zh: "只读", en: "read-only", absent: ["cdrom/result.xlsx"] },
  },
  {
    id: "out-disk-full",
    what: "simulate --out over an earlier result when the disk fills during the write",
    setup(dir) {
      earlier(dir, "result.xlsx");
      return simulateTo("result.xlsx")(dir);
    },
    files: () => failing("writeFile", "ENOSPC", "result.xlsx"),
    expect: { exit: 1, mentions: ["result.xlsx"], zh: "磁盘空间已满", en: "disk is full" },
  },
  {
    id: "out-locked-by-excel",
    what: "simulate --out over a result that is open in Excel (the final rename is refused)",
    setup(dir) {
      earlier(dir, "open-in-excel.xlsx");
      return simulateTo("open-in-excel.xlsx")(dir);
    },
    files: () => failing("rename", "EBUSY", "open-in-excel.xlsx"),
    expect: { exit: 1, mentions: ["open-in-excel.xlsx"], zh: "正被其他程序使用", en: "in use or locked" },
  },
  {
    id: "out-not-permitted",
    what: "simulate --out over a file Windows refuses to replace (EPERM)",
    setup(dir) {
      earlier(dir, "result.xlsx");
      return simulateTo("result.xlsx")(dir);
    },
    files: () => failing("rename", "EPERM", "result.xlsx"),
    expect: { exit: 1, mentions: ["result.xlsx"], zh: "不被允许", en: "not permitted" },
  },
  {
    id: "out-too-many-open-files",
    what: "simulate --out when the system has run out of file handles",
    setup: simulateTo("result.xlsx"),
    files: () => failing("writeFile", "EMFILE", "result.xlsx"),
    expect: { exit: 1, mentions: ["result.xlsx"], zh: "打开的文件过多", en: "too many open files", absent: ["result.xlsx"] },
  },
  {
    id: "compare-out-missing-folder",
    what: "compare --out into a folder that does not exist",
    setup: (dir) => ["compare", ...compareInputs(dir), "--out", "gone/cmp.xlsx"],
    expect: { exit: 1, mentions: ["gone/cmp.xlsx"], zh: "不存在", en: "does not exist", absent: ["gone"] },
  },
  {
    id: "compare-report-is-folder",
    what: "compare --report naming an existing folder (checked before the runs: nothing written)",
    setup(dir) {
      mkdirSync(join(dir, "report.html"));
      return ["compare", ...compareInputs(dir), "--out", "cmp.xlsx", "--report", "report.html"];
    },
    expect: { exit: 1, mentions: ["report.html"], zh: "是一个文件夹", en: "is a folder", absent: ["cmp.xlsx"] },
  },
  {
    id: "compare-report-under-file",
    what: "compare --report under a path that is a file",
    setup: (dir) => ["compare", ...compareInputs(dir), "--out", "cmp.xlsx", "--report", "a.json/report.html"],
    expect: { exit: 1, mentions: ["a.json/report.html"], zh: "是文件而不是文件夹", en: "is a file, not a folder", absent: ["cmp.xlsx"] },
  },
  {
    id: "compare-out-no-permission",
    what: "compare --out into a folder the user may not write to",
    setup(dir) {
      mkdirSync(join(dir, "shared"));
      return ["compare", ...compareInputs(dir), "--out", "shared/cmp.xlsx"];
    },
    files: () => failing("access", "EACCES", "/shared"),
    expect: { exit: 1, mentions: ["shared/cmp.xlsx"], zh: "没有权限", en: "permission denied", absent: ["shared/cmp.xlsx"] },
  },
  {
    id: "compare-report-disk-full",
    what: "compare --report over an earlier report when the disk fills while writing it",
    setup(dir) {
      earlier(dir, "report.html");
      return ["compare", ...compareInputs(dir), "--out", "cmp.xlsx", "--report", "report.html"];
    },
    files: () => failing("writeFile", "ENOSPC", "report.html"),
    // The workbook was written before the report, and the output says so.
    expect: { exit: 1, mentions: ["report.html", "cmp.xlsx"], zh: "磁盘空间已满", en: "disk is full" },
  },
  {
    id: "reproduce-input-is-folder",
    what: "reproduce on a folder instead of a projected workbook",
    setup(dir) {
      mkdirSync(join(dir, "projected.xlsx"));
      return ["reproduce", "projected.xlsx", "嘉兴 2020 攻坚方案"];
    },
    expect: { exit: 1, mentions: ["projected.xlsx"], zh: "是一个文件夹", en: "is a folder" },
  },
  {
    id: "reproduce-input-unreadable",
    what: "reproduce on a workbook the user may not read",
    setup: (dir) => ["reproduce", sampleBook(dir), "嘉兴 2020 攻坚方案"],
    files: () => failing("readFile", "EACCES", "book.xlsx"),
    expect: { exit: 1, mentions: ["book.xlsx"], zh: "无法读取", en: "cannot read" },
  },
  {
    id: "reproduce-input-too-large",
    what: "reproduce on a workbook above --max-size (refused before reading)",
    setup: (dir) => ["reproduce", sampleBook(dir), "嘉兴 2020 攻坚方案", "--max-size", "0.01"],
    expect: { exit: 1, mentions: ["book.xlsx", "0.01 MB", "--max-size"], zh: "超过上限", en: "above the limit" },
  },
  {
    id: "check-input-too-large",
    what: "check on a workbook above --max-size",
    setup: (dir) => ["check", sampleBook(dir), "--max-size", "0.02"],
    expect: { exit: 1, mentions: ["book.xlsx", "0.02 MB"], zh: "超过上限", en: "above the limit" },
  },
  {
    id: "internal-error-is-reported",
    what: "an unexpected bug while reading (injected): the internal-error message and a log file, no stack",
    setup: (dir) => ["check", sampleBook(dir)],
    files: () => ({
      ...nodeFiles,
      readFile: async () => {
        throw new TypeError("injected bug: cannot read properties of undefined");
      },
    }),
    expect: { exit: 1, mentions: ["parkplan-error-", ".log"], zh: "内部错误", en: "internal error" },
  },
];
