/**
 * The --json document (stable; documented in src/cli/README.md). Model units; NaN becomes null.
 */
import { YEAR_METRICS, type SimulationResult, type YearFigures } from "../../models/results.js";
import type { SheetIssue } from "../workbook/sheet/index.js";

/** Every metric of the model's year figures (models/results.ts), in its order. */
const YEAR_FIELDS = ["year", ...YEAR_METRICS] as const;

/** A share, NaN (null in the document) when the whole is not positive. */
const share = (part: number, whole: number) => (whole > 0 ? part / whole : NaN);

/** Every metric of a year on the deterministic path, and the two shares the plans set targets on (R&D/output, high-tech VA/VA). */
const pickYear = (y: YearFigures) => ({
  ...Object.fromEntries(YEAR_FIELDS.map((k) => [k, y[k]])),
  rdShare: share(y.rd, y.output),
  highTechShare: share(y.highTechValueAdded, y.valueAdded),
  binding: y.binding,
});

const platformJson = (p: SimulationResult["platforms"][number]) => ({
  name: p.name,
  county: p.county,
  level: p.level,
  status: p.status,
  mainPlatform: p.mainPlatform,
  years: p.years.map(pickYear),
  ...(p.stats ? { stats: p.stats } : {}),
});

const rollupJson = (u: SimulationResult["rollups"][number]) => ({
  name: u.name,
  kind: u.kind,
  years: u.years.map(pickYear),
  ...(u.stats ? { stats: u.stats } : {}),
});

const targetJson = (t: SimulationResult["targets"][number]) => ({
  id: t.id,
  subject: t.subject,
  year: t.year,
  metric: t.metric,
  threshold: t.threshold,
  thresholdMax: t.thresholdMax,
  // "between" with the plan's allowance: the plan's own upper bound (JX-1 "1–2": 2; thresholdMax is the allowance's 4).
  strictMax: t.strictMax ?? null,
  value: t.value,
  met: t.met,
  probability: t.probability,
  firstYear: t.firstYear,
  // Monte Carlo: P(met by each year), base year first (the first-met-year distribution is its steps), and the median first year.
  metBy: t.metBy,
  medianFirstYear: t.medianFirstYear,
  // Why a target could not be evaluated (the missing column or references field), and notes such as "met with the allowance".
  reason: t.reason ? `${t.reason.zh} / ${t.reason.en}` : null,
  notes: t.notes.map((n) => `${n.zh} / ${n.en}`),
});

/** growth.fromHistory's fit: per platform { mean, sd, years }, the fitted ρ and the ρ used; undefined (omitted) when off. */
const calibrationJson = (result: SimulationResult) =>
  result.calibration
    ? {
        rho: result.calibration.rho,
        correlation: result.calibration.correlation,
        platforms: result.calibration.platforms.map((p) => ({ name: p.name, mean: p.mean, sd: p.sd, years: p.years })),
      }
    : undefined;

/**
 * A field of the document: a value, a list whose items are made one at a time (the big ones), or an
 * object of such fields (classOdds: its year, then its per-platform list).
 */
type Field = { value: unknown } | { items: readonly unknown[]; item: (x: never) => unknown } | { fields: [string, Field][] };

const list = <T>(items: readonly T[], item: (x: T) => unknown): Field => ({ items, item: item as (x: never) => unknown });

/**
 * Monte Carlo: each platform's probability of each 亩均评价 class in the last report year (SimulationResult.classOdds),
 * { year, platforms: [{ name, classes: { A, B, C, D }, unclassified }] }; null without trials.
 */
const classOddsField = (result: SimulationResult): Field =>
  result.classOdds
    ? {
        fields: [
          ["year", { value: result.classOdds.year }],
          ["platforms", list(result.classOdds.platforms, (p) => ({ name: p.name, classes: p.classes, unclassified: p.unclassified }))],
        ],
      }
    : { value: null };

/** The document's fields in order: the one description both jsonDocument and jsonPieces follow. */
function fields(result: SimulationResult, issues: readonly SheetIssue[]): [string, Field][] {
  return [
    ["engine", { value: result.engine }],
    ["scenario", { value: result.scenario }],
    [
      "warnings",
      {
        value: [
          ...issues.map((i) => ({ sheet: i.sheet, cell: i.cell, code: i.code, message: `${i.zh} / ${i.en}` })),
          ...result.warnings.map((w) => ({ sheet: null, cell: null, code: w.code, message: `${w.zh} / ${w.en}` })),
        ],
      },
    ],
    ["platforms", list(result.platforms, platformJson)],
    ["rollups", list(result.rollups, rollupJson)],
    ["targets", list(result.targets, targetJson)],
    ["classOdds", classOddsField(result)],
    // Monte Carlo: per target id, P(every evaluable subject meets it in the same trial); null without trials.
    ["allMet", { value: result.allMet ?? null }],
    ["calibration", { value: calibrationJson(result) }],
  ];
}

/** A field made whole (undefined: left out, as JSON.stringify omits an undefined property). */
function fieldValue(f: Field): unknown {
  if ("value" in f) return f.value;
  if ("items" in f) return f.items.map((x) => f.item(x as never));
  return objectOf(f.fields);
}

const objectOf = (entries: [string, Field][]): Record<string, unknown> =>
  Object.fromEntries(
    entries.flatMap(([key, f]) => {
      const value = fieldValue(f);
      return value === undefined ? [] : [[key, value]];
    }),
  );

export function jsonDocument(result: SimulationResult, issues: readonly SheetIssue[]): unknown {
  return objectOf(fields(result, issues));
}

const finiteOrNull = (_key: string, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? null : value);

/** JSON text with NaN and ±Infinity as null (JSON has no such numbers). */
export function toJson(doc: unknown): string {
  return JSON.stringify(doc, finiteOrNull, 2);
}

/** `value` as toJson writes it `depth` levels down (its lines indented by 2 × depth more); undefined when JSON omits it. */
const nestedJson = (value: unknown, depth: number): string | undefined =>
  JSON.stringify(value, finiteOrNull, 2)?.replace(/\n/g, `\n${"  ".repeat(depth)}`);

/**
 * The --json document in pieces, platform by platform, so 100,000 platforms never make one string or one
 * document: the pieces concatenate to exactly toJson(jsonDocument(result, issues)). JSON.stringify writes
 * newlines only as indentation (a newline inside a string is escaped), so a nested value is its own text
 * with every line indented one level more.
 */
export function* jsonPieces(result: SimulationResult, issues: readonly SheetIssue[]): Generator<string> {
  yield* objectPieces(fields(result, issues), 0);
}

/** An object of fields `depth` levels down, as toJson writes it there: "{}" when every field is left out. */
function* objectPieces(entries: [string, Field][], depth: number): Generator<string> {
  const indent = "  ".repeat(depth + 1);
  let first = true;
  for (const [key, f] of entries) {
    const head = `${first ? "{\n" : ",\n"}${indent}${JSON.stringify(key)}: `;
    if ("value" in f) {
      const text = nestedJson(f.value, depth + 1);
      if (text === undefined) continue; // as JSON.stringify omits an undefined property
      yield head + text;
    } else if ("fields" in f) {
      yield head;
      yield* objectPieces(f.fields, depth + 1);
    } else if (f.items.length === 0) yield `${head}[]`;
    else {
      yield `${head}[`;
      for (let k = 0; k < f.items.length; k++) {
        // An item JSON cannot hold is null in an array, as JSON.stringify writes it.
        yield `${k === 0 ? "\n" : ",\n"}${indent}  ${nestedJson(f.item(f.items[k] as never), depth + 2) ?? "null"}`;
      }
      yield `\n${indent}]`;
    }
    first = false;
  }
  yield first ? "{}" : `\n${"  ".repeat(depth)}}`;
}

/** What writePieces needs of a stream (process.stdout). */
export interface PieceSink {
  write(chunk: string): boolean;
  once(event: "drain", listener: () => void): unknown;
}

/** Write pieces gathered into chunks of about a megabyte, waiting whenever the stream asks to (a slow pipe). */
export async function writePieces(out: PieceSink, pieces: Iterable<string>, chunkChars = 1 << 20): Promise<void> {
  let buffered: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (chars === 0) return;
    const chunk = buffered.join("");
    buffered = [];
    chars = 0;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", resolve));
  };
  for (const piece of pieces) {
    buffered.push(piece);
    chars += piece.length;
    if (chars >= chunkChars) await flush();
  }
  await flush();
}
