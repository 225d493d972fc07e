/**
 * A titled block of the pane. `headingRef` makes the heading a focus target (tabIndex -1): the pane
 * moves focus to the results' heading after a run, and back to the form's from there.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode, Ref } from "react";

export interface SectionProps {
  title: string;
  id: string;
  children: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Beside the title (wraps under it in a narrow pane). */
  aside?: ReactNode;
}

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, scrollMarginTop: tokens.spacingVerticalS },
});

export function Section({ title, id, children, headingRef, aside }: SectionProps) {
  const styles = useStyles();
  const heading = (
    <h2 id={`${id}-title`} className={styles.title} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
      {title}
    </h2>
  );
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`} data-testid={id}>
      {aside ? (
        <div className={styles.head}>
          {heading}
          {aside}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
