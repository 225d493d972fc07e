/**
 * Actions of the add-in page (shared runtime): "showPane" for a ribbon control, and "RunScenario", the
 * keyboard shortcut of shortcuts.json (Ctrl+Alt+R, on a Mac ⌘⌥R): it shows the pane and starts the run
 * its Run button starts (runShortcut.ts).
 */
import { RUN_SCENARIO, runScenarioAction } from "./runShortcut.js";

type OfficeActions = { actions: Pick<typeof Office.actions, "associate">; addin: Pick<typeof Office.addin, "showAsTaskpane"> };

/** Associate every action this page serves (each id of shortcuts.json among them). */
export function associateActions(office: OfficeActions): void {
  office.actions.associate("showPane", async () => {
    await office.addin.showAsTaskpane();
  });
  office.actions.associate(RUN_SCENARIO, () => runScenarioAction(() => office.addin.showAsTaskpane()));
}

Office.onReady(() => {
  // Outside Office (the standalone page does not load this chunk, but a stray load must not throw).
  if (typeof Office.actions?.associate !== "function") return;
  associateActions(Office);
});
