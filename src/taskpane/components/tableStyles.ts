/** The pane's compact data tables (platforms, target checks): one look, shared. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useTableStyles = makeStyles({
  wrap: { overflow: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase100 },
  th: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: "left",
    padding: "2px 4px",
    whiteSpace: "nowrap",
  },
  td: { padding: "2px 4px", borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  num: { textAlign: "right", whiteSpace: "nowrap" },
});
