/** The platforms as read: a compact table with status, integration target and exit year. */
import { makeStyles, mergeClasses } from "@fluentui/react-components";
import type { Platform } from "../../../models/platform.js";
import { LEVEL_LABELS, STATUS_LABELS } from "../../../models/vocabulary.js";
import type { Lang, Translate } from "../../i18n/index.js";
import { formatNumber } from "../hooks/resultView.js";
import { perMu } from "../../../models/perMu.js";
import { useTableStyles } from "./tableStyles.js";

export interface PlatformTableProps {
  platforms: Platform[];
  lang: Lang;
  t: Translate;
}

const useStyles = makeStyles({
  wrap: { maxHeight: "220px" },
  td: { whiteSpace: "nowrap" },
});

export function PlatformTable({ platforms, lang, t }: PlatformTableProps) {
  const table = useTableStyles();
  const local = useStyles();
  const styles = {
    ...table,
    wrap: mergeClasses(table.wrap, local.wrap),
    td: mergeClasses(table.td, local.td),
  };
  const heads = [
    t("table.name"),
    t("table.county"),
    t("table.level"),
    t("table.status"),
    t("table.into"),
    t("table.exitYear"),
    t("table.land"),
    t("table.output"),
    t("table.perMu"),
  ];
  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid="platform-table">
        <thead>
          <tr>
            {heads.map((h, i) => (
              <th key={h} className={i >= 6 ? `${styles.th} ${styles.num}` : styles.th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {platforms.map((p) => (
            <tr key={p.name}>
              <td className={styles.td}>{p.name}</td>
              <td className={styles.td}>{p.county}</td>
              <td className={styles.td}>{p.level ? LEVEL_LABELS[p.level][lang] : ""}</td>
              <td className={styles.td}>{STATUS_LABELS[p.status][lang]}</td>
              <td className={styles.td}>{p.mainPlatform ?? ""}</td>
              <td className={styles.td}>{p.exitYear ?? ""}</td>
              <td className={`${styles.td} ${styles.num}`}>{formatNumber(p.land, 0)}</td>
              <td className={`${styles.td} ${styles.num}`}>{formatNumber(p.output, 2)}</td>
              <td className={`${styles.td} ${styles.num}`}>{formatNumber(p.land > 0 ? perMu(p.output, p.land) : null, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
