/**
 * The two hosts. Adapters are imported lazily: the Office adapter only inside Excel, exceljs (the bulk
 * of the xlsx adapter) only when the standalone page opens a file.
 */
import { refreshScenarioCells } from "../functions/recalculate.js";
import { FileError } from "../errors/fileErrors.js";
import { WorkbookError, type WorkbookPort } from "../workbook/port.js";
import { canSelectCells, type OfficeHost, type StandaloneHost } from "./host.js";
import { downloadBlob } from "./download.js";

export function officeHost(language: string | null): OfficeHost {
  return {
    kind: "office",
    language,
    async connect() {
      const { OfficeWorkbook } = await import("../workbook/office/officeWorkbook.js");
      return new OfficeWorkbook();
    },
    async selectCell(port, sheet, cell) {
      if (canSelectCells(port)) await port.selectCell(sheet, cell);
    },
    // One module instance with the functions' chunk: webpack's single runtime (runtimeChunk) shares it.
    // Forgets the stored runs and re-runs the SCENARIO cells; resolves, never rejects.
    afterWrite: () => void refreshScenarioCells(),
  };
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const DOWNLOAD_FAILED = (file: string) => ({
  zh: `无法生成下载文件 ${file}：浏览器未能准备该文件（可能内存不足）。工作簿未改动；请关闭其他标签页后重试，或改用命令行 parkplan`,
  en: `cannot prepare the download ${file}: the browser could not build the file (perhaps out of memory). The workbook was not changed; close other tabs and try again, or use the parkplan command line`,
});

export function standaloneHost(language: string | null): StandaloneHost {
  return {
    kind: "standalone",
    language,
    async open(file) {
      const { XlsxWorkbook } = await import("../workbook/xlsx/xlsxWorkbook.js");
      return XlsxWorkbook.open(file.bytes, file.name);
    },
    async download(port: WorkbookPort, fileName: string) {
      const book = port as WorkbookPort & { toBuffer(): Promise<Uint8Array> };
      let blob: Blob;
      try {
        blob = new Blob([(await book.toBuffer()) as BlobPart], { type: XLSX_TYPE });
      } catch (error) {
        // A bilingual failure of the adapter passes through; anything else (memory, the browser) is named here.
        if (error instanceof WorkbookError || error instanceof FileError) throw error;
        throw new FileError(fileName, "write", "DOWNLOAD", DOWNLOAD_FAILED(fileName));
      }
      downloadBlob(fileName, blob);
    },
  };
}
