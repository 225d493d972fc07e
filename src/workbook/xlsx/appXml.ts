/**
 * docProps/app.xml lists the sheet names (TitlesOfParts) under a heading with their count (HeadingPairs:
 * "工作表"/"Worksheets", N). New sheets are added after the worksheet titles and the count raised; a part
 * of any other shape is left as it was (Excel rebuilds it on its next save).
 */
import { escapeText, findElement, findElements, splice, withAttr, attr } from "../package/xml.js";

export function addSheetTitles(xml: string, names: string[]): string {
  if (names.length === 0) return xml;
  const pairs = findElement(xml, "HeadingPairs");
  const titles = findElement(xml, "TitlesOfParts");
  if (!pairs || !titles) return xml;
  const pairVector = findElement(pairs.inner, "vector");
  const titleVector = findElement(titles.inner, "vector");
  if (!pairVector || !titleVector) return xml;
  const counts = findElements(pairVector.inner, "i4");
  const items = findElements(titleVector.inner, "lpstr");
  const sheetCount = counts.length ? Number(counts[0].inner) : NaN;
  if (!Number.isInteger(sheetCount) || sheetCount > items.length) return xml;
  const p = titleVector.qname.replace(/vector$/, "");
  const added = names.map((n) => `<${p}lpstr>${escapeText(n)}</${p}lpstr>`).join("");
  // Edit from the end of the document backwards so earlier offsets stay valid.
  const titleAt = titles.innerStart + titleVector.innerStart + (sheetCount ? items[sheetCount - 1].end : 0);
  let out = splice(xml, titleAt, titleAt, added);
  const tvStart = titles.innerStart + titleVector.start;
  out = splice(
    out,
    tvStart,
    tvStart + titleVector.startTag.length,
    withAttr(titleVector.startTag, "size", String(Number(attr(titleVector.startTag, "size") ?? items.length) + names.length)),
  );
  const countAt = pairs.innerStart + pairVector.innerStart + counts[0].innerStart;
  return splice(out, countAt, countAt + counts[0].inner.length, String(sheetCount + names.length));
}
