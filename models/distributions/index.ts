/** The distributions of growth (model.md §2.2): the normal CDF, the triangular and PERT quantiles, their fast per-draw forms. */
export { normalCdf } from "./normalCdf.js";
export { logBeta, logGamma } from "./logGamma.js";
export { betaQuantile, regularizedIncompleteBeta } from "./beta.js";
export { checkLowModeHigh, makeTriangularGrowth, triangularQuantile } from "./triangular.js";
export { evaluateHermite, hermiteTable, type HermiteTable } from "./monotoneHermite.js";
export { makePertGrowth, PERT_DEFAULT_SHAPE, pertGrowthExact, pertParameters, pertQuantile, type PertParameters } from "./pertQuantile.js";
