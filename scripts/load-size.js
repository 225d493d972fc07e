// Gzipped size of what a first load fetches from the build: the HTML page plus the scripts it names
// (initial chunks; lazy chunks, the worker and the Office CDN are not counted). Usage:
//   node scripts/load-size.js [dist] [--json]
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/** { page, files: [{ file, bytes, gzip }], gzip } for one HTML page of the build. */
export function firstLoad(dist, page) {
  const html = readFileSync(path.join(dist, page));
  const scripts = [...html.toString("utf8").matchAll(/<script[^>]*\bsrc="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((src) => !/^[a-z]+:\/\//i.test(src));
  const files = [page, ...scripts].map((file) => {
    const bytes = readFileSync(path.join(dist, file.replace(/^\//, "").split("?")[0]));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { page, files, gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist =
    process.argv.slice(2).find((a) => !a.startsWith("--")) ?? path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
  const pages = ["taskpane.html", "index.html"].map((p) => firstLoad(dist, p));
  if (process.argv.includes("--json")) console.log(JSON.stringify(pages, null, 2));
  else
    for (const p of pages) {
      console.log(`${p.page}: ${(p.gzip / 1024).toFixed(1)} KB gzipped first load`);
      for (const f of p.files)
        console.log(
          `  ${f.file.padEnd(24)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KB  ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gz`,
        );
    }
}
