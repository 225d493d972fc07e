/**
 * .xlsx files on Node (the command line, tests): open a file, save results to another path through a
 * temporary file renamed at the end, so a failure never leaves a half-written file and the input is
 * never overwritten.
 */
import { randomBytes } from "node:crypto";
import { readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { WorkbookError } from "../port.js";
import { XlsxWorkbook } from "./xlsxWorkbook.js";

export async function openXlsxFile(path: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(await readFile(path), resolve(path));
}

export async function saveXlsxFile(book: XlsxWorkbook, path: string): Promise<void> {
  const target = resolve(path);
  const source = book.sourcePath;
  if (source && (target === source || (await realpathOrSelf(target)) === (await realpathOrSelf(source)))) {
    throw new WorkbookError("overwrite-input", `不覆盖输入文件 ${path}：请另选输出路径`, `will not overwrite the input file ${path}: choose another output path`);
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, await book.toBuffer());
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

async function realpathOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}
