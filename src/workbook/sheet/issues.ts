/** Building SheetIssues: every message names sheet and cell, in Chinese then English. */
import type { SheetIssue } from "./types.js";

/** Collects issues for one sheet. */
export class IssueList {
  readonly items: SheetIssue[] = [];
  constructor(readonly sheet: string) {}

  add(code: string, severity: SheetIssue["severity"], cell: string | null, zh: string, en: string): void {
    const where = cell ? `${this.sheet}!${cell}` : this.sheet;
    this.items.push({ code, severity, sheet: this.sheet, cell, zh: `${where}：${zh}`, en: `${where}: ${en}` });
  }
  error(code: string, cell: string | null, zh: string, en: string): void {
    this.add(code, "error", cell, zh, en);
  }
  warn(code: string, cell: string | null, zh: string, en: string): void {
    this.add(code, "warning", cell, zh, en);
  }
  get fatal(): boolean {
    return this.items.some((i) => i.severity === "error");
  }
}

/** One line for logs and the CLI: "中文 / English". */
export function formatIssue(issue: SheetIssue): string {
  return `${issue.zh} / ${issue.en}`;
}

/** camelCase field → SNAKE for codes: developableLand → DEVELOPABLE_LAND. */
export function fieldCode(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}
