/** The self-contained HTML report of a scenario comparison (inline CSS and SVG, no scripts, no network). */
export { comparisonReport, type ReportContext } from "./report.js";
export { escapeHtml } from "./escape.js";
