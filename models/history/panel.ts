/**
 * A platform's history (issue 13): the figures of the years before the base year, read from a wide sheet
 * (year in the header), a long sheet (a 年份 column) or one sheet per year, in the model's canonical units.
 * The base year's figures stay on the Platform itself; history holds only earlier years, oldest first.
 * Calibration (growth.fromHistory) reads it; nothing else in the model does.
 */

/** The figures a history year may carry (the amounts of the platform record that change from year to year). */
export const HISTORY_FIELDS = ["output", "land", "valueAdded", "tax", "energy", "rd", "highTechValueAdded", "employees"] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export interface HistoryYear {
  year: number;
  /** Canonical units (亿元, 亩, 万吨标煤 …); a figure the sheet does not give for that year is absent. */
  figures: Partial<Record<HistoryField, number>>;
  /** Where each figure was read, "sheet!A1", so warnings can name the cell. */
  cells?: Partial<Record<HistoryField, string>>;
}

/** Years before the base year, oldest first (empty or absent: no history). */
export type PlatformHistory = readonly HistoryYear[];
