/**
 * The standalone page's file picker: a Fluent button over a hidden file input (the native one would
 * speak the browser's language); reads the chosen .xlsx into bytes and hands them up.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, type ChangeEvent } from "react";

export interface FileOpenerProps {
  label: string;
  status: string;
  disabled: boolean;
  onOpen: (file: { name: string; bytes: ArrayBuffer }) => void;
}

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export function FileOpener({ label, status, disabled, onOpen }: FileOpenerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const changed = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Clear the input so choosing the same file again (after editing it) reads it again.
    event.target.value = "";
    if (file) onOpen({ name: file.name, bytes: await file.arrayBuffer() });
  };
  return (
    <div className={styles.row}>
      <input
        ref={input}
        id="pp-file"
        type="file"
        hidden
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={disabled}
        onChange={changed}
      />
      <Button appearance="primary" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <span className={styles.status} data-testid="file-status">
        {status}
      </span>
    </div>
  );
}
