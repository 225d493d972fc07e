/**
 * What a command line run touches besides its arguments: the file layer (the real file system unless a
 * test injects failures root cannot reproduce) and the folder of internal-error logs (the OS temp folder).
 */
import type { FileLayer } from "../workbook/xlsx/xlsxFile.js";

export interface CliEnvironment {
  files?: FileLayer;
  logDir?: string;
}
