/** The scenario library: save the form under a name, the saved entries (tick to compare), their actions, unreadable entries. */
import { Button, Checkbox, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Translate } from "../../i18n/index.js";
import type { LoadedLibrary } from "../../scenarios/index.js";
import type { Selection } from "../hooks/libraryView.js";

export interface LibraryPanelProps {
  library: LoadedLibrary | null;
  selection: Selection;
  /** The name to save under (starts as the form's name). */
  name: string;
  /** An entry of that name exists: saving replaces it. */
  replaces: boolean;
  canSave: boolean;
  disabled: boolean;
  t: Translate;
  onName: (name: string) => void;
  onSave: () => void;
  onToggle: (id: string) => void;
  onLoad: (id: string) => void;
  onDuplicate: (id: string) => void;
  onRename: (id: string, name: string) => void;
  onDelete: (id: string) => void;
}

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
    flexWrap: "wrap",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  name: { flexGrow: 1, minWidth: "140px" },
  time: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  note: { fontSize: tokens.fontSizeBase200, margin: 0 },
  en: { color: tokens.colorNeutralForeground3 },
});

export function LibraryPanel(props: LibraryPanelProps) {
  const { library, selection, name, replaces, canSave, disabled, t } = props;
  const styles = useStyles();
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const locked = library !== null && !library.writable;
  const off = disabled || locked;
  return (
    <>
      <div className={styles.row}>
        <Input id="pp-lib-name" aria-label={t("lib.name")} value={name} disabled={off} onChange={(_, d) => props.onName(d.value)} />
        <Button id="pp-lib-save" appearance="primary" disabled={off || !canSave || name.trim() === ""} onClick={props.onSave}>
          {replaces ? t("lib.replace") : t("lib.save")}
        </Button>
      </div>
      {!canSave && <p className={styles.note}>{t("lib.invalidForm")}</p>}
      {library === null && <p className={styles.note}>{t("lib.loading")}</p>}
      {library && library.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="lib-problems">
          <MessageBarBody>
            <div>{locked ? t("lib.locked") : t("lib.problems")}</div>
            <ul>
              {library.problems.map((p, i) => (
                <li key={i}>
                  <div>{p.zh}</div>
                  <div className={styles.en}>{p.en}</div>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {library && library.entries.length === 0 && <p className={styles.note}>{t("lib.empty")}</p>}
      {library && library.entries.length > 0 && (
        <ul className={styles.list} data-testid="lib-list">
          {library.entries.map((e) => (
            <li key={e.id} className={styles.item} data-testid="lib-entry" data-id={e.id} data-name={e.name}>
              <Checkbox
                checked={selection.selected.includes(e.id)}
                disabled={disabled}
                aria-label={t("lib.select", { name: e.name })}
                onChange={() => props.onToggle(e.id)}
                data-testid="lib-select"
              />
              {editing?.id === e.id ? (
                <>
                  <Input
                    className={styles.name}
                    aria-label={t("lib.name")}
                    value={editing.text}
                    onChange={(_, d) => setEditing({ id: e.id, text: d.value })}
                    data-testid="lib-rename-input"
                  />
                  <Button
                    size="small"
                    disabled={off || editing.text.trim() === ""}
                    onClick={() => (props.onRename(e.id, editing.text), setEditing(null))}
                    data-testid="lib-rename-ok"
                  >
                    {t("lib.renameOk")}
                  </Button>
                  <Button size="small" onClick={() => setEditing(null)}>
                    {t("lib.renameCancel")}
                  </Button>
                </>
              ) : (
                <span className={styles.name}>
                  {e.name} <span className={styles.time}>{t("lib.savedAt", { time: e.savedAt.slice(0, 16).replace("T", " ") })}</span>
                </span>
              )}
              <Button size="small" disabled={disabled} onClick={() => props.onLoad(e.id)} data-testid="lib-load">
                {t("lib.load")}
              </Button>
              <Button size="small" disabled={off} onClick={() => props.onDuplicate(e.id)} data-testid="lib-duplicate">
                {t("lib.duplicate")}
              </Button>
              <Button size="small" disabled={off} onClick={() => setEditing({ id: e.id, text: e.name })} data-testid="lib-rename">
                {t("lib.rename")}
              </Button>
              <Button
                size="small"
                disabled={off}
                onClick={() => (confirm === e.id ? (props.onDelete(e.id), setConfirm(null)) : setConfirm(e.id))}
                data-testid="lib-delete"
              >
                {confirm === e.id ? t("lib.confirmDelete") : t("lib.delete")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
