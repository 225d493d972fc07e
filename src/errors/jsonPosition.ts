/**
 * Where JSON.parse stopped, as line and column (1-based) a user can find in an editor: V8 reports only
 * "at position N", or nothing at the end of the text.
 */
export interface TextPosition {
  line: number;
  column: number;
}

export function jsonErrorPosition(text: string, error: unknown): TextPosition {
  const match = /at position (\d+)/.exec(error instanceof Error ? error.message : String(error));
  const offset = match ? Math.min(Number(match[1]), text.length) : text.length;
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** "第 3 行第 5 列" / "line 3, column 5". */
export function describePosition(p: TextPosition): { zh: string; en: string } {
  return { zh: `第 ${p.line} 行第 ${p.column} 列`, en: `line ${p.line}, column ${p.column}` };
}
