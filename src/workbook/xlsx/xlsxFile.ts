/**
 * Files on Node (the command line, tests): open an .xlsx file, save results to another path through a
 * temporary file renamed at the end, so a failure never leaves a half-written file, an existing file at
 * the target stays as it was until the rename, and the input is never overwritten. Every failure is a
 * FileError naming the path and what to do (src/errors/fileErrors.ts). File operations go through a
 * FileLayer so tests can inject what root cannot reproduce (no permission, a full disk, a locked file).
 */
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import * as fs from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { asFileError, FileError } from "../../errors/fileErrors.js";
import { WorkbookError } from "../port.js";
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, XlsxWorkbook } from "./xlsxWorkbook.js";

/** The file operations this module uses; `nodeFiles` is the real one. */
export interface FileLayer {
  stat(path: string): Promise<{ size: number; mode: number; isDirectory(): boolean }>;
  access(path: string, mode: number): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
  realpath(path: string): Promise<string>;
}

export const nodeFiles: FileLayer = {
  stat: (path) => fs.stat(path),
  access: (path, mode) => fs.access(path, mode),
  readFile: (path) => fs.readFile(path),
  writeFile: (path, data) => fs.writeFile(path, data),
  rename: (from, to) => fs.rename(from, to),
  rm: (path) => fs.rm(path, { force: true }),
  realpath: (path) => fs.realpath(path),
};

/** Default size limit of an input file and of its uncompressed parts (raised by `--max-size`): the adapter's. */
export const DEFAULT_MAX_BYTES: number = DEFAULT_MAX_UNCOMPRESSED_BYTES;

export interface OpenOptions {
  /** Refuse a file, or a zip whose declared uncompressed size, is above this many bytes. */
  maxBytes?: number;
  files?: FileLayer;
}

/** Bytes as MB (2^20 bytes, as --max-size reads them), three significant digits: "0.0283 MB", "512 MB". */
const megabytes = (bytes: number) => `${Number((bytes / (1024 * 1024)).toPrecision(3))} MB`;

export async function openXlsxFile(path: string, options: OpenOptions = {}): Promise<XlsxWorkbook> {
  const files = options.files ?? nodeFiles;
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const stat = await files.stat(path);
    if (stat.isDirectory()) throw new FileError(path, "read", "EISDIR");
    // Refused before reading: a file this big would exhaust memory on the way in.
    if (stat.size > limit) {
      throw new FileError(path, "read", "TOO_LARGE", {
        zh: `无法读取 ${path}：文件大小 ${megabytes(stat.size)} 超过上限 ${megabytes(limit)}。如确需处理，请用 --max-size <MB> 提高上限`,
        en: `cannot read ${path}: the file is ${megabytes(stat.size)}, above the limit of ${megabytes(limit)}. To process it anyway, raise the limit with --max-size <MB>`,
      });
    }
    bytes = await files.readFile(path);
  } catch (error) {
    throw asFileError(error, path, "read");
  }
  return XlsxWorkbook.open(bytes, resolve(path), { maxUncompressedBytes: limit });
}

/**
 * Can `path` be written? Checked before a long run and again at write time: the folder exists and is a
 * folder, the target is not a folder nor a read-only file. Throws FileError naming the path.
 */
export async function checkOutputPath(path: string, files: FileLayer = nodeFiles): Promise<void> {
  const target = resolve(path);
  try {
    const folder = await files.stat(dirname(target));
    if (!folder.isDirectory()) throw new FileError(path, "write", "ENOTDIR");
    await files.access(dirname(target), constants.W_OK);
    const existing = await statOrNull(target, files);
    if (existing?.isDirectory()) throw new FileError(path, "write", "EISDIR");
    // The mode bits, not access(): root may write anything, but a file marked read-only is the user's "keep".
    if (existing && (existing.mode & 0o222) === 0) {
      throw new FileError(path, "write", "READ_ONLY", {
        zh: `无法写出 ${path}：该文件是只读的，未改动。请取消只读属性或另选输出文件名`,
        en: `cannot write ${path}: the file is read-only and was left as it was. Clear its read-only flag or choose another output file name`,
      });
    }
  } catch (error) {
    throw asFileError(error, path, "write");
  }
}

async function statOrNull(path: string, files: FileLayer) {
  try {
    return await files.stat(path);
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw error;
  }
}

/** Write `data` to `path` through a temporary file in the same folder; on failure the temporary file is removed. */
export async function writeFileAtomic(path: string, data: Uint8Array | string, files: FileLayer = nodeFiles): Promise<void> {
  await checkOutputPath(path, files);
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await files.writeFile(temp, data);
    await files.rename(temp, target);
  } catch (error) {
    await files.rm(temp).catch(() => undefined);
    throw asFileError(error, path, "write");
  }
}

export async function saveXlsxFile(book: XlsxWorkbook, path: string, files: FileLayer = nodeFiles): Promise<void> {
  const target = resolve(path);
  const source = book.sourcePath;
  if (source && (target === source || (await realpathOrSelf(target, files)) === (await realpathOrSelf(source, files)))) {
    throw new WorkbookError(
      "overwrite-input",
      `不覆盖输入文件 ${path}：请另选输出路径`,
      `will not overwrite the input file ${path}: choose another output path`,
    );
  }
  await writeFileAtomic(path, await book.toBuffer(), files);
}

async function realpathOrSelf(path: string, files: FileLayer): Promise<string> {
  try {
    return await files.realpath(path);
  } catch {
    return path;
  }
}
