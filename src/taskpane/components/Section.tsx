/** A titled block of the pane. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface SectionProps {
  title: string;
  id: string;
  children: ReactNode;
}

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export function Section({ title, id, children }: SectionProps) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`} className={styles.title}>
        {title}
      </h2>
      {children}
    </section>
  );
}
