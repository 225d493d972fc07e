/**
 * Ribbon commands. The manifest's button opens the task pane itself (ShowTaskpane), so the only action
 * registered is "showPane", for a future ExecuteFunction control or a keyboard shortcut.
 */
Office.onReady(() => {
  // Outside Office (the standalone page does not load this chunk, but a stray load must not throw).
  if (typeof Office.actions?.associate !== "function") return;
  Office.actions.associate("showPane", async () => {
    await Office.addin.showAsTaskpane();
  });
});

export {};
