/**
 * The writer's own check, run on every output before it is handed back: every part of the input is in
 * the output byte for byte (same compressed record), except the parts the patch replaced or removed and
 * the few it edited; in those, every element of the input that holds no other element is still there
 * (compared as text), apart from the counts and entries the edit had to change; every written part is
 * typed and reachable through a relationship, and every relationship a written rels part holds reaches a
 * part that is there (a drawing's chart, a sheet's table); exceljs opens the output when the written parts are small
 * enough (EXCELJS_CHECK_LIMIT): exceljs holds 10–14 bytes of heap per byte of sheet XML, so opening a
 * 10,000-platform output took longer than the whole run and most of its memory. Big outputs get every
 * other check; their sheet XML comes from the same generator the small outputs (and the tests) prove.
 * A failure is a bug of the writer: an internal error, and nothing is written.
 */
import { CONTENT_TYPES_PART, overrideOf } from "../package/contentTypes.js";
import { reachableParts, targetsOf } from "../package/graph.js";
import { OpcPackage } from "../package/opcPackage.js";
import { attr } from "../package/xml.js";
import type { PatchReport } from "./patchWorkbook.js";
import { loadExcelJs } from "./readPackage.js";

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Leaf elements (no child elements) of an XML document, as text, with what an edit may change left out. */
export function leafElements(xml: string, skip: (tag: string, local: string) => boolean = () => false): string[] {
  const leaves: string[] = [];
  const stack: { start: number; tag: string; hasChild: boolean }[] = [];
  const re = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (!m[2]) continue;
    const local = m[2].replace(/^.*:/, "");
    if (m[1]) {
      const open = stack.pop();
      if (open && !open.hasChild && !skip(open.tag, local)) leaves.push(xml.slice(open.start, m.index + m[0].length));
    } else {
      if (stack.length) stack[stack.length - 1].hasChild = true;
      if (m[4]) {
        if (!skip(m[0], local)) leaves.push(m[0]);
      } else stack.push({ start: m.index, tag: m[0], hasChild: false });
    }
  }
  return leaves;
}

function missingLeaves(before: string[], after: string[]): string[] {
  const have = new Map<string, number>();
  for (const leaf of after) have.set(leaf, (have.get(leaf) ?? 0) + 1);
  const missing: string[] = [];
  for (const leaf of before) {
    const n = have.get(leaf) ?? 0;
    if (n === 0) missing.push(leaf);
    else have.set(leaf, n - 1);
  }
  return missing;
}

const APPENDED_TO = new Set([
  "sheets",
  "definedNames",
  "Relationships",
  "Types",
  "sst",
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellXfs",
  "dxfs",
]);

/** What an edit of each part may drop or change: sheet-local names shift, counts move, removed parts lose their override. */
function editSkip(part: string, report: PatchReport): (tag: string, local: string) => boolean {
  const removed = new Set(report.removed.map((p) => `/${p}`.toLowerCase()));
  return (tag, local) => {
    // An empty container the edit appended to is no longer a leaf.
    if (APPENDED_TO.has(local)) return true;
    if (part === CONTENT_TYPES_PART && local === "Override") return removed.has((attr(tag, "PartName") ?? "").toLowerCase());
    if (local === "definedName") return attr(tag, "localSheetId") !== null;
    if (part === "docProps/app.xml") return local === "i4";
    if (local === "sheet") return attr(tag, "state") !== null;
    return false;
  };
}

export class FidelityError extends Error {
  constructor(detail: string) {
    super(
      `内部错误：写出的工作簿未通过完整性检查（${detail}），未写出任何文件 / internal error: the written workbook failed its integrity check (${detail}); nothing was written`,
    );
    this.name = "FidelityError";
  }
}

/** Written parts (uncompressed bytes) up to which exceljs must open the output. */
export const EXCELJS_CHECK_LIMIT = 16 * 1024 * 1024;

export async function checkFidelity(input: OpcPackage, outputBytes: Uint8Array, report: PatchReport): Promise<void> {
  const output = OpcPackage.read(outputBytes, Number.MAX_SAFE_INTEGER);
  const written = new Set(report.written);
  const edited = new Set(report.edited);
  const removed = new Set(report.removed);
  for (const part of input.names()) {
    if (removed.has(part)) {
      if (output.has(part)) throw new FidelityError(`${part} should have been removed`);
      continue;
    }
    if (!output.has(part)) throw new FidelityError(`${part} is missing`);
    if (written.has(part)) continue;
    if (edited.has(part)) {
      const skip = editSkip(part, report);
      const lost = missingLeaves(leafElements(input.text(part), skip), leafElements(output.text(part), skip));
      if (lost.length) throw new FidelityError(`${part} lost ${lost[0].slice(0, 120)}`);
      continue;
    }
    const a = input.originalEntry(part);
    const b = output.originalEntry(part);
    if (!a || !b || a.crc !== b.crc || !equalBytes(a.localRecord, b.localRecord)) throw new FidelityError(`${part} changed`);
  }
  const types = output.text(CONTENT_TYPES_PART);
  const reachable = reachableParts(output);
  for (const part of written) {
    if (!output.has(part)) throw new FidelityError(`${part} was not written`);
    const rels = /^(.*?)_rels\/([^/]*)\.rels$/.exec(part);
    if (rels) {
      const missing = targetsOf(output, rels[1] + rels[2]).find((target) => !output.has(target));
      if (missing) throw new FidelityError(`${part} relates to ${missing}, which is not there`);
      continue;
    }
    // Every part the writer makes is typed by an override (an .xml default would say only "XML").
    if (!overrideOf(types, part)) throw new FidelityError(`${part} has no content type`);
    if (!reachable.has(part)) throw new FidelityError(`${part} is not referenced`);
  }
  const writtenBytes = output.names().reduce((n, part) => n + (written.has(part) ? (output.declaredSize(part) ?? 0) : 0), 0);
  if (writtenBytes > EXCELJS_CHECK_LIMIT) return;
  try {
    await loadExcelJs(output, "(output)");
  } catch (err) {
    throw new FidelityError(`exceljs cannot open it: ${err instanceof Error ? err.message : String(err)}`);
  }
}
