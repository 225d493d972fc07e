/** Engine version (this package) and the version of shared/docs/model.md the engine implements. */
export const ENGINE_VERSION = "0.2.0";
export const MODEL_VERSION = 1;
