/**
 * What the pane's polite live regions say while work runs: the phase's sentence, and during the trials
 * the share done in quarters. A screen reader would otherwise read every progress message (hundreds).
 */
import type { Translate } from "../../i18n/index.js";

/** Announcements per run while trials count up: 0 %, 25 %, 50 %, 75 %, 100 %. */
export const LIVE_STEPS = 4;

/** The share done rounded down to a step, in percent; null without a count (deterministic, preparing). */
export function progressStep(progress: { done: number; total: number } | null): number | null {
  if (!progress || !(progress.total > 0)) return null;
  const share = Math.min(Math.max(progress.done, 0), progress.total) / progress.total;
  return (Math.floor(share * LIVE_STEPS) * 100) / LIVE_STEPS;
}

/** The live region's text: "{label}：已完成 50%" while counting, else the phase's own sentence. */
export function liveText(status: string, label: string, progress: { done: number; total: number } | null, t: Translate): string {
  const percent = progressStep(progress);
  return percent === null ? status : t("live.progress", { label, percent });
}
