// Serves the built add-in and standalone page (dist/) on 127.0.0.1 over plain HTTP, for the standalone
// page and the browser tests. Usage: node scripts/serve.js [dir] [port]  (port 0 = any free port).
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  // highs.wasm: WebAssembly.instantiateStreaming needs this type (else the loader falls back to a slower path).
  ".wasm": "application/wasm",
};

/** Start serving `root`; resolves with the server and its base URL once listening. */
export function serve(root, port = 0) {
  const base = path.resolve(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.resolve(base, "." + decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname));
    // Nothing outside the served folder, whatever the path says.
    if (file !== base && !file.startsWith(base + path.sep)) return send(res, 403, "forbidden");
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return send(res, 404, "not found");
    }
    if (!stat.isFile()) return send(res, 404, "not found");
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Content-Length": stat.size,
      "Cache-Control": "no-cache",
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

function send(res, status, text) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(text);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  serve(root, port).then(
    ({ url }) => {
      console.log(`ParkPlan: ${url}index.html`);
      // The single-file page (npm run build:single) needs no server: it opens from disk as it is.
      const single = path.join(root, "parkplan.html");
      if (existsSync(single)) console.log(`单文件版 / single file (no server needed): ${single}`);
    },
    (err) => {
      console.error(`无法启动服务 / cannot serve: ${err.message}`);
      process.exit(1);
    },
  );
}
