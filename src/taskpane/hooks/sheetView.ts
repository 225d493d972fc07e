/** What the sheet section shows about the platforms read: counts by status (integration and exits). */
import { STATUSES, type Platform } from "../../../models/platform.js";
import { STATUS_LABELS } from "../../../models/vocabulary.js";
import type { Lang } from "../../i18n/index.js";

/** "主平台 8、分区 12、退出 6" — statuses in their fixed order, absent ones left out. */
export function statusCounts(platforms: readonly Platform[], lang: Lang): string {
  const parts = STATUSES.map((s) => [s, platforms.filter((p) => p.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${STATUS_LABELS[s][lang]} ${n}`);
  return parts.join(lang === "en" ? ", " : "、");
}
