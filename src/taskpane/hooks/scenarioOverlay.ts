/**
 * One truth for an imported or loaded scenario: the document the pane runs, saves and exports is the
 * imported document with the form's edits laid over it. A field of the document is the form's only when
 * the analyst changed the form fields it comes from; every other field (those the form cannot hold —
 * references, growth.byPlatform, a year map of quotas, an own target list … — and those left alone) is
 * the imported document's, as written. So an untouched import exports as the very document imported,
 * and runs as the command line runs that file. Pure.
 */
import type { ScenarioForm } from "./scenarioForm.js";

type Doc = Record<string, unknown>;
type FormKey = keyof ScenarioForm;

/** Each document field the form writes, and the form fields it is made from. */
const FORM_SOURCES: readonly (readonly [path: string, fields: readonly FormKey[]])[] = [
  ["name", ["name"]],
  ["baseYear", ["baseYear"]],
  ["horizon", ["baseYear", "endYear"]],
  ["targets", ["preset"]],
  ...(["distribution", "mean", "sd", "low", "mode", "high"] as const).map(
    (k) => [`growth.${k}`, ["growthDistribution", "growthMean", "growthSd", "growthLow", "growthMode", "growthHigh"]] as const,
  ),
  ["growth.correlation", ["correlation"]],
  ["growth.persistence", ["persistence"]],
  ["growth.byLevel", ["byLevel", "growthDistribution"]],
  ["growth.fromHistory", ["fromHistory"]],
  ["land.quota", ["landQuota"]],
  ["land.strategy", ["landStrategy"]],
  ["land.lagYears", ["lagYears"]],
  ["land.entry", ["entryOutputPerMu", "entryTaxPerMu"]],
  ["energy.intensityDecline", ["energyDecline"]],
  ["energy.cap", ["energyCap"]],
  ["energy.strategy", ["energyStrategy"]],
  ["exits.relocationShare", ["relocation"]],
  ["exits.mode", ["exitMode"]],
  ["exits.landReturnShare", ["landReturn"]],
  ["exits.landReturnLag", ["landReturn", "landReturnLag"]],
  ["monteCarlo.runs", ["runs"]],
  ["monteCarlo.seed", ["seed"]],
  ["ratios", ["ratios"]],
];

const isObj = (v: unknown): v is Doc => v !== null && typeof v === "object" && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function get(doc: Doc, path: string[]): unknown {
  let at: unknown = doc;
  for (const key of path) at = isObj(at) ? at[key] : undefined;
  return at;
}

/** Set (or, for undefined, delete) a field; an emptied section is removed. */
function put(doc: Doc, path: string[], value: unknown): void {
  const [key, ...rest] = path;
  if (rest.length === 0) {
    if (value === undefined) delete doc[key];
    else doc[key] = structuredClone(value);
    return;
  }
  if (!isObj(doc[key])) {
    if (value === undefined) return;
    doc[key] = {};
  }
  const part = doc[key] as Doc;
  put(part, rest, value);
  if (Object.keys(part).length === 0) delete doc[key];
}

/** The imported scenario and the form it gave. */
export interface ScenarioBase {
  document: Doc;
  form: ScenarioForm;
}

/**
 * The imported document with the form's edits over it (`formDocument` is toScenarioDocument's), and the
 * document fields the form's edits replaced.
 */
export function overlayDocument(formDocument: Doc, base: ScenarioBase, form: ScenarioForm): { document: Doc; edited: string[] } {
  const document = structuredClone(base.document);
  const edited: string[] = [];
  for (const [path, fields] of FORM_SOURCES) {
    if (fields.every((f) => same(form[f], base.form[f]))) continue;
    const keys = path.split(".");
    put(document, keys, get(formDocument, keys));
    edited.push(path);
  }
  return { document, edited };
}
