/** The pane's title, where it runs, and the language switch. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";

export interface HeaderProps {
  title: string;
  subtitle: string;
  switchLabel: string;
  onSwitchLanguage: () => void;
}

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, color: tokens.colorBrandForeground1 },
  subtitle: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
});

export function Header({ title, subtitle, switchLabel, onSwitchLanguage }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div>
        <h1 className={styles.title}>ParkPlan · {title}</h1>
        <p className={styles.subtitle}>{subtitle}</p>
      </div>
      <Button size="small" appearance="subtle" onClick={onSwitchLanguage} id="pp-language">
        {switchLabel}
      </Button>
    </header>
  );
}
