/**
 * A fingerprint of the input data: SHA-256 of the platforms as read (canonical JSON, model units), so a
 * result can later be checked against the workbook it came from. Web Crypto: Node 20 and browsers alike.
 */
import type { Platform } from "../../models/platform.js";

export async function inputHash(platforms: readonly Platform[]): Promise<string> {
  const canonical = JSON.stringify(
    platforms.map(({ source: _source, history, ...fields }) =>
      // History figures count, where they were read does not (like `source`); a platform without history hashes as before.
      sorted({ ...fields, ...(history ? { history: history.map((h) => ({ year: h.year, figures: sorted(h.figures) })) } : {}) }),
    ),
  );
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function sorted(o: object): object {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
