/** The table part of a SpecTable (`xl/tables/tableN.xml`): its columns are the header cells' text. */
import { a1 } from "../grid.js";
import { escapeAttr } from "../package/xml.js";
import type { SheetSpec, SpecTable } from "../sheetSpec.js";

export function tableXml(spec: SheetSpec, table: SpecTable, id: number, mainNs: string): string {
  const { top, left, bottom, right } = table.range;
  const ref = `${a1(top, left)}:${a1(bottom, right)}`;
  const names = Array.from({ length: right - left + 1 }, (_, k) =>
    table.header ? String(spec.rows[top]?.[left + k]?.v ?? "") : `Column${k + 1}`,
  );
  const columns = names.map((n, k) => `<tableColumn id="${k + 1}" name="${escapeAttr(n)}"/>`).join("");
  const header = table.header ? "" : ' headerRowCount="0"';
  const filter = table.header ? `<autoFilter ref="${ref}"/>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${mainNs}" id="${id}" name="${escapeAttr(table.name)}" displayName="${escapeAttr(table.name)}" ref="${ref}"${header}>` +
    `${filter}<tableColumns count="${names.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
