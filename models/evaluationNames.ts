/**
 * The names of the 亩均效益综合评价: its indicators and classes. Apart from scenario.ts (which builds its
 * zod schema at import), so the worksheet functions can score without loading zod.
 */
export const INDICATORS = [
  "taxPerMu",
  "valueAddedPerMu",
  "valueAddedPerEnergy",
  "valueAddedPerEmission",
  "laborProductivity",
  "rdShare",
] as const;
export type Indicator = (typeof INDICATORS)[number];
export const CLASSES = ["A", "B", "C", "D"] as const;
export type EvaluationClass = (typeof CLASSES)[number];
