/**
 * A fingerprint of the input data: SHA-256 of the platforms as read (canonical JSON, model units), so a
 * result can later be checked against the workbook it came from. Web Crypto: Node 20 and browsers alike.
 */
import type { Platform } from "../../models/platform.js";

export async function inputHash(platforms: readonly Platform[]): Promise<string> {
  const canonical = JSON.stringify(
    platforms.map(({ source: _source, ...fields }) => Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1)))),
  );
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
