/** A failure in both languages (Chinese first), every problem listed; cells named as sheet!cell. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneError } from "../hooks/paneError.js";

export interface ErrorBoxProps {
  error: PaneError;
  heading: string;
}

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  en: { color: tokens.colorNeutralForeground3 },
});

export function ErrorBox({ error, heading }: ErrorBoxProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" data-testid="error-box">
      <MessageBarBody>
        <MessageBarTitle>{heading}</MessageBarTitle>
        <ul className={styles.list}>
          {error.problems.map((p, i) => (
            <li key={i}>
              <div>{p.zh}</div>
              {p.en !== p.zh && <div className={styles.en}>{p.en}</div>}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
