// `npm start` / `npm stop`: the office-addin-debugging pinned in package.json and installed with the
// project (nothing fetched at run time). It is an optional dependency: it needs keytar, whose native
// build fails on Linux without libsecret, and then npm skips it. Say so instead of a missing-module trace.
// Usage: node scripts/office-addin.js start|stop [more office-addin-debugging options]
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** The installed CLI of office-addin-debugging, or null. */
function debuggingCli() {
  try {
    const pkgFile = require.resolve("office-addin-debugging/package.json");
    const bin = require(pkgFile).bin["office-addin-debugging"];
    return path.join(path.dirname(pkgFile), bin);
  } catch {
    return null;
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command !== "start" && command !== "stop") {
  console.error("用法 / usage: node scripts/office-addin.js start|stop");
  process.exit(2);
}
const cli = debuggingCli();
if (!cli) {
  console.error(
    "office-addin-debugging 未安装：它是可选依赖，需要 keytar（Linux 上需先安装 libsecret：sudo apt-get install libsecret-1-dev），然后重新运行 npm ci；" +
      "也可以不用 npm start，按 src/taskpane/README.md 手动旁加载 manifest.xml。\n" +
      "office-addin-debugging is not installed: it is an optional dependency that needs keytar (on Linux install libsecret first: " +
      "sudo apt-get install libsecret-1-dev), then run npm ci again; or, without npm start, sideload manifest.xml by hand as src/taskpane/README.md says.",
  );
  process.exit(1);
}
const run = spawnSync(process.execPath, [cli, command, "manifest.xml", ...rest], { stdio: "inherit" });
process.exit(run.status ?? 1);
