/**
 * The unit converter the sheet reader uses. The reader is synchronous (a SheetGrid in, Platform records
 * out), so this module waits for the unit system once, when it is first imported: everything that reads
 * sheets (the pipeline, the pane's workbook service, the command line) already loads the reader lazily or
 * asynchronously, and a top-level await makes that load include mathjs. The add-in's first load never
 * imports the reader, so it never waits for mathjs.
 */
import { loadUnits } from "../../../models/units.js";

export const units = await loadUnits();
