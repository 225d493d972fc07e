/**
 * One header cell's text → its label, its unit and any year it carries:
 * "工业用地面积（公顷）" → label 工业用地面积, unit 公顷; "产值/万元" → 产值, 万元; "2017年产值" → 产值, year 2017.
 * Brackets that are not units ("所在县（市、区）") stay in the label.
 */
import { parseUnit, type AnyUnit } from "../../../models/units.js";
import { normaliseText } from "./text.js";

export interface ParsedHeader {
  label: string;
  unit: AnyUnit | null;
  /** Text of brackets that were neither units nor years, e.g. "亿美元" (used to warn about unknown units). */
  otherBrackets: string[];
  year: number | null;
}

const COUNT_UNITS = /^(个|家|人|户|项|年|万人)$/;
/** 口径 and price words a bracket may hold beside a unit ("（万元，可比价）"): read by scope.ts from the header text. */
const QUALIFIERS = /^(规上|规模以上|全口径|可比价格?|现价|当年价格?|不变价格?)(口径)?$/;
const YEAR_PIECE = /^((?:19|20)\d{2})年?度?$/;
const BRACKETS = /\(([^)]*)\)|\[([^\]]*)\]|【([^】]*)】/g;

/** Split a bracket's text into pieces: "单位：万元，2017年" → ["万元", "2017年"]. */
function pieces(content: string): string[] {
  return content
    .replace(/^\s*单位\s*[:：]/, "")
    .split(/[,，、;；\s]+/)
    .filter((p) => p !== "");
}

export function parseHeader(text: string): ParsedHeader {
  let label = normaliseText(text).replace(/\s*[\r\n]+\s*/g, "");
  let unit: AnyUnit | null = null;
  let year: number | null = null;
  const otherBrackets: string[] = [];

  const lead = /^((?:19|20)\d{2})\s*年度?/.exec(label);
  if (lead) {
    year = Number(lead[1]);
    label = label.slice(lead[0].length);
  }

  label = label.replace(BRACKETS, (whole, a?: string, b?: string, c?: string) => {
    const content = a ?? b ?? c ?? "";
    // "(10k yuan)" is one unit; "(万元，2017年)" is split into pieces.
    const single = parseUnit(content.replace(/^\s*单位\s*[:：]/, ""));
    if (single) {
      if (!unit) unit = single;
      return "";
    }
    const parts = pieces(content);
    let ok = parts.length > 0;
    let found: AnyUnit | null = null;
    let foundYear: number | null = null;
    for (const p of parts) {
      const u = parseUnit(p);
      const y = YEAR_PIECE.exec(p);
      if (u) found = u;
      else if (y) foundYear = Number(y[1]);
      else if (!COUNT_UNITS.test(p) && !QUALIFIERS.test(p)) ok = false;
    }
    if (!ok) {
      otherBrackets.push(content);
      return whole;
    }
    if (found && !unit) unit = found;
    if (foundYear !== null && year === null) year = foundYear;
    return "";
  });

  if (!unit) {
    const slash = /^(.+?)\s*[/_]\s*([^/_]+)$/.exec(label);
    const u = slash ? parseUnit(slash[2]) : undefined;
    if (slash && u) {
      unit = u;
      label = slash[1];
    } else if (/[%％]$/.test(label)) {
      unit = "%";
      label = label.replace(/\s*[%％]$/, "");
    }
  }
  return { label: label.trim(), unit, otherBrackets, year };
}
