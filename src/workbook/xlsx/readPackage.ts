/**
 * Opening an .xlsx/.xlsm: the package is read (sizes checked from the central directory before anything
 * is inflated), its small parts inflated no further than each declares; worksheets and shared strings
 * are streamed, held to their declared size as they are read (workbookReader.ts). The package itself
 * stays as read, for the writer to patch. `loadExcelJs` (exceljs over the parts, Strict OOXML translated
 * to Transitional for it) is left for the writer's fidelity check and for tests; reading never loads it.
 */
import type ExcelJS from "exceljs";
import { conformanceOf, toTransitional } from "../package/conformance.js";
import { defaultCodec } from "../package/codec.js";
import { OpcPackage, PackageSizeError } from "../package/opcPackage.js";
import { recordsOf, writeZip } from "../package/zip.js";
import { WorkbookError } from "../port.js";
import { workbookPartOf } from "./patchWorkbook.js";

/**
 * Largest total uncompressed size of a package read by default (256 MiB). The streaming reader holds the
 * grid, not the XML: measured on the project's machine (tests/bench/read.bench.ts), 100,000 rows × 20
 * columns (55 MB of sheet XML + 6 MB of shared strings) read in 2.5 s at 248 MB peak RSS, about 4 bytes
 * of memory per byte of parts. So 256 MiB of parts (≈ 430,000 rows × 20 columns as ParkPlan writes them,
 * ≈ 300,000 in Excel's wordier XML) stays near 1 GB; exceljs, which needed 10–14 bytes of heap per byte
 * of sheet XML and set the old 100 MiB limit, is no longer on the read path.
 */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;

/** Parts streamed when read rather than inflated on opening: worksheets and the shared strings, the big ones. */
export function isStreamedPart(name: string): boolean {
  return /^xl\/(worksheets\/[^/]+|sharedStrings[^/]*)\.xml$/i.test(name);
}

const mb = (bytes: number) => `${Number((bytes / (1024 * 1024)).toPrecision(3))} MB`;

/** A failure while reading a package (its size, its ZIP or XML structure) as the WorkbookError the user sees. */
export function packageError(what: string, err: unknown): WorkbookError {
  if (err instanceof WorkbookError) return err;
  if (err instanceof PackageSizeError) return tooLarge(what, err);
  return notXlsx(what, err instanceof Error ? err.message : String(err));
}

function tooLarge(what: string, err: PackageSizeError): WorkbookError {
  if (err.lied) {
    return new WorkbookError(
      "too-large",
      `无法读取 ${what}：部件 ${err.part} 解压后超过其声明的 ${err.size} 字节（文件已损坏或为压缩炸弹），未读取`,
      `cannot read ${what}: part ${err.part} inflates to more than the ${err.size} bytes it declares (a damaged file or a zip bomb); nothing was read`,
    );
  }
  const part = err.part ? `部件 ${err.part} ` : "全部部件";
  const partEn = err.part ? `part ${err.part}` : "the package";
  return new WorkbookError(
    "too-large",
    `无法读取 ${what}：${part}解压后 ${mb(err.size)}，超过上限 ${mb(err.limit)}。如确需处理，请用 --max-size <MB> 提高上限`,
    `cannot read ${what}: ${partEn} inflates to ${mb(err.size)}, above the limit of ${mb(err.limit)}. To process it anyway, raise the limit with --max-size <MB>`,
  );
}

function notXlsx(what: string, why: string): WorkbookError {
  return new WorkbookError(
    "not-xlsx",
    `无法读取 ${what}：不是有效的 .xlsx 文件（${why}）`,
    `cannot read ${what}: not a valid .xlsx file (${why})`,
  );
}

/**
 * Read the package, refusing it (WorkbookError "too-large" / "not-xlsx") before anything big is inflated.
 * Every part but the streamed ones is inflated now, bounded by its declared size and CRC-checked, so a
 * lying entry among them is caught here; the streamed ones are checked the same way as they are read.
 */
export function readPackage(bytes: Uint8Array, what: string, maxUncompressedBytes: number): OpcPackage {
  try {
    const pkg = OpcPackage.read(bytes, maxUncompressedBytes);
    for (const name of pkg.names()) if (!isStreamedPart(name)) pkg.bytes(name);
    return pkg;
  } catch (err) {
    throw packageError(what, err);
  }
}

const encoder = new TextEncoder();
const isXml = (name: string) => /\.(xml|rels|vml)$/i.test(name);

/** An exceljs workbook over the package's parts (stored, not deflated again: exceljs inflates it at once). */
export async function loadExcelJs(pkg: OpcPackage, what: string): Promise<ExcelJS.Workbook> {
  const codec = defaultCodec();
  let strict = false;
  try {
    strict = conformanceOf(pkg.text(workbookPartOf(pkg))) === "strict";
  } catch (err) {
    throw notXlsx(what, err instanceof Error ? err.message : String(err));
  }
  const records = pkg.names().map((name) => {
    const raw = pkg.bytes(name);
    const data = strict && isXml(name) ? toTransitionalBytes(raw) : raw;
    return recordsOf({ name, method: 0, crc: codec.crc32(data), size: data.length, data });
  });
  // Loaded on first use: the read path never pulls exceljs in.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(writeZip(records) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw notXlsx(what, err instanceof Error ? err.message : String(err));
  } finally {
    pkg.dropCaches();
  }
  return wb;
}

function toTransitionalBytes(raw: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(raw);
  const translated = toTransitional(text);
  return translated === text ? raw : encoder.encode(translated);
}
