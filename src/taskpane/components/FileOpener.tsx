/**
 * The standalone page's file picker: a Fluent button over a hidden file input (the native one would
 * speak the browser's language); reads the chosen .xlsx into bytes and hands them up.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, type ChangeEvent } from "react";
import { pageWorkerMode } from "../../engine/web/pageWorker.js";

/** Opened from disk (file://): workers are refused and HiGHS' separate file cannot be fetched. */
const LOCAL_PAGE_NOTICE =
  "此页面是从本地文件打开的：浏览器不允许它启动后台线程，模拟将在本页面中分段运行（较慢，可随时取消），“最优配置”不可用。离线使用完整功能请打开单文件版 parkplan.html。" +
  " / This page was opened from disk: the browser lets it start no background worker, so runs go in steps on the page itself (slower, can be cancelled) and 最优配置 (optimal allocation) is unavailable. For everything offline, open the single-file page parkplan.html.";

export interface FileOpenerProps {
  label: string;
  status: string;
  disabled: boolean;
  onOpen: (file: { name: string; bytes: ArrayBuffer }) => void;
}

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  notice: { fontSize: tokens.fontSizeBase200, color: tokens.colorStatusWarningForeground1, flexBasis: "100%", margin: 0 },
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
      {pageWorkerMode() === "file-page" && (
        <p className={styles.notice} role="note" data-testid="file-local-notice">
          {LOCAL_PAGE_NOTICE}
        </p>
      )}
    </div>
  );
}
