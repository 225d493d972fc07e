/** Side-by-side comparison of scenario runs as plain data (see compareResults). */
export { compareResults, baselineIndex, ComparisonError, type NamedResult } from "./compareResults.js";
export { FIGURES, THOUSAND_YI, OUTPUT_PER_MU_BENCHMARK } from "./figures.js";
export type * from "./types.js";
export { cellImprovement, probabilityImprovement } from "./improvement.js";
export { headlines, HEADLINE_FIGURES, type Headline, type HeadlineFigure } from "./headline.js";
