/**
 * The two hosts. Adapters are imported lazily: the Office adapter only inside Excel, exceljs (the bulk
 * of the xlsx adapter) only when the standalone page opens a file.
 */
import { refreshScenarioCells } from "../functions/recalculate.js";
import type { WorkbookPort } from "../workbook/port.js";
import { canSelectCells, type OfficeHost, type StandaloneHost } from "./host.js";

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
      const bytes = await book.toBuffer();
      const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      // Give the browser time to start the download before the URL goes.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}
