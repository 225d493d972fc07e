/**
 * The sheet reader's issues, errors first. Each message already names sheet!cell; inside Excel a click
 * selects that cell (onSelect is given only when the adapter can select).
 */
import { Badge, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetIssue } from "../../workbook/sheet/index.js";

export interface IssueListProps {
  issues: SheetIssue[];
  lang: "zh" | "en";
  errorLabel: string;
  warningLabel: string;
  selectTitle: (cell: string) => string;
  onSelect?: (issue: SheetIssue) => void;
}

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    maxHeight: "180px",
    overflowY: "auto",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", fontSize: tokens.fontSizeBase200 },
  badge: { flexShrink: 0 },
});

export function IssueList({ issues, lang, errorLabel, warningLabel, selectTitle, onSelect }: IssueListProps) {
  const styles = useStyles();
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <ul className={styles.list} data-testid="issue-list">
      {sorted.map((issue, i) => {
        const text = lang === "en" ? issue.en : issue.zh;
        const where = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
        return (
          <li key={i} className={styles.item} data-testid="issue-item" data-severity={issue.severity} data-where={where}>
            <Badge className={styles.badge} size="small" appearance="tint" color={issue.severity === "error" ? "danger" : "warning"}>
              {issue.severity === "error" ? errorLabel : warningLabel}
            </Badge>
            {onSelect && issue.cell ? (
              <Link as="button" title={selectTitle(where)} onClick={() => onSelect(issue)}>
                {text}
              </Link>
            ) : (
              <span>{text}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
