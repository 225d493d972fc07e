/**
 * What differs between the add-in and the standalone page, and nothing else: where the workbook comes
 * from and where results go. The App receives one Host; every other line of the pane is shared.
 */
import type { WorkbookPort } from "../workbook/port.js";

interface HostBase {
  /** Office's display language or the browser's. */
  language: string | null;
}

/** Inside Excel: the open workbook through the Office adapter. */
export interface OfficeHost extends HostBase {
  kind: "office";
  connect(): Promise<WorkbookPort>;
  /** Select sheet!cell in Excel (the adapter's capability); absent when the adapter cannot. */
  selectCell?(port: WorkbookPort, sheet: string, cell: string): Promise<void>;
  /** After a run is written: worksheet functions must read the store again (PARKPLAN.SCENARIO). */
  afterWrite?(): void;
}

/** The standalone page: an .xlsx opened from a file, results downloaded as a new file. */
export interface StandaloneHost extends HostBase {
  kind: "standalone";
  open(file: { name: string; bytes: ArrayBuffer }): Promise<WorkbookPort>;
  download(port: WorkbookPort, fileName: string): Promise<void>;
}

export type Host = OfficeHost | StandaloneHost;

/** An adapter that can select a cell in the user's view (the Office one). */
export interface CellSelecting {
  selectCell(sheet: string, cell: string): Promise<void>;
}

export function canSelectCells(port: WorkbookPort): port is WorkbookPort & CellSelecting {
  return typeof (port as Partial<CellSelecting>).selectCell === "function";
}

/** "jiaxing-2017.xlsx" → "jiaxing-2017-projected.xlsx", as the command line names its output. */
export function projectedFileName(input: string): string {
  const base = input.replace(/\.[^./\\]*$/, "") || "workbook";
  return `${base}-projected.xlsx`;
}

/** "jiaxing-2017.xlsx" → "jiaxing-2017-compared.xlsx", as `parkplan compare` names its output. */
export function comparedFileName(input: string): string {
  const base = input.replace(/\.[^./\\]*$/, "") || "workbook";
  return `${base}-compared.xlsx`;
}
