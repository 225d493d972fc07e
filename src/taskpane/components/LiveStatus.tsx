/**
 * A polite live region, always in the page (a region that appears with its text is often not read),
 * visually hidden: the visible status lines stay as they are.
 */
import { makeStyles } from "@fluentui/react-components";

export interface LiveStatusProps {
  text: string;
  testId: string;
}

const useStyles = makeStyles({
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export function LiveStatus({ text, testId }: LiveStatusProps) {
  const styles = useStyles();
  return (
    <div className={styles.hidden} role="status" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {text}
    </div>
  );
}
