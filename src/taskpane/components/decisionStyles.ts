/** The 决策 section's styles (shared by its form and its results): everything wraps within 320 px. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useDecisionStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
  text: { fontSize: tokens.fontSizeBase200, margin: 0, overflowWrap: "anywhere" },
  list: { fontSize: tokens.fontSizeBase200, margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  table: { fontSize: tokens.fontSizeBase200, borderCollapse: "collapse", width: "100%", tableLayout: "fixed" },
  cell: { padding: "1px 4px", overflowWrap: "anywhere", textAlign: "left" },
  num: { padding: "1px 4px", textAlign: "right", whiteSpace: "nowrap" },
  met: { fontWeight: tokens.fontWeightSemibold },
  track: { position: "relative", height: "8px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: "2px" },
  // The two-way table: compact cells that fit 5 × 5 in a 320 px pane; a wider grid scrolls inside its own box.
  gridWrap: { overflowX: "auto", maxWidth: "100%" },
  grid: { fontSize: tokens.fontSizeBase100, borderCollapse: "collapse", width: "100%" },
  gridHead: {
    padding: "1px 3px",
    textAlign: "right",
    whiteSpace: "nowrap",
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  gridCorner: { padding: "1px 3px", textAlign: "left", whiteSpace: "nowrap", backgroundColor: tokens.colorNeutralBackground3 },
  gridCell: { padding: "1px 3px", textAlign: "right", whiteSpace: "nowrap", borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  better: { color: tokens.colorPaletteGreenForeground1, backgroundColor: tokens.colorPaletteGreenBackground1 },
  worse: { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1 },
  same: {},
  neutral: {},
  bar: { position: "absolute", top: 0, bottom: 0, backgroundColor: tokens.colorBrandBackground, borderRadius: "2px", minWidth: "2px" },
});
