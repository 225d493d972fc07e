// Builds the add-in (task pane + custom functions + ribbon commands in one shared-runtime page) and the
// standalone page (the same pane outside Office). Layout follows the official Office add-in templates.
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import { EsbuildPlugin } from "esbuild-loader";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { InlineHtmlPlugin } from "./scripts/inlineHtmlPlugin.js";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
const urlDev = "https://localhost:3000/";
// Office's CDN copy of office.js for the add-in; the standalone page loads none.
const officeCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const URL_EXAMPLE = "PARKPLAN_URL=https://your.host/parkplan/ npm run build";

/**
 * Where the production build is served from: PARKPLAN_URL, https and ending in "/". There is no default:
 * a placeholder domain in manifest.xml would install an add-in that never loads. Returns the URL or the
 * bilingual reason it cannot be used.
 */
export function productionUrl(value) {
  if (!value) {
    return {
      error:
        `生产构建需要部署地址：请设置 PARKPLAN_URL（例如 ${URL_EXAMPLE}），否则 manifest.xml 会指向一个占位域名；只要独立网页请运行 npm run standalone。` +
        ` / A production build needs the address it is served from: set PARKPLAN_URL (e.g. ${URL_EXAMPLE}); without it manifest.xml would point at a placeholder domain. For the standalone page alone, run npm run standalone.`,
    };
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || url.protocol !== "https:" || !value.endsWith("/") || url.search || url.hash) {
    return {
      error: `PARKPLAN_URL=${value} 不可用：须为以 / 结尾的 https 地址（Office 只加载 HTTPS），例如 ${URL_EXAMPLE}。 / PARKPLAN_URL=${value} cannot be used: it must be an https address ending in "/" (Office loads only HTTPS), e.g. ${URL_EXAMPLE}.`,
    };
  }
  return { url: value };
}

/** The manifest for `urlProd`: page URLs move to it, the dev origin (AppDomain) to its origin. */
export function productionManifest(xml, urlProd) {
  return xml.replaceAll(urlDev, urlProd).replaceAll(urlDev.slice(0, -1), new URL(urlProd).origin);
}

/** True when manifest.xml points Office at https (then the dev server must serve HTTPS). */
export function manifestUsesHttps(xml) {
  return /<SourceLocation\s+DefaultValue="https:/.test(xml);
}

/** office-addin-dev-certs' localhost certificate, if installed (else webpack-dev-server makes an untrusted one). */
function devCertificate() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(dir, name);
  if (!existsSync(file("localhost.crt"))) return {};
  return { cert: readFileSync(file("localhost.crt")), key: readFileSync(file("localhost.key")), ca: readFileSync(file("ca.crt")) };
}

/** Stop with `message`: on the command line as one line without a stack trace; a thrown error for the Node API. */
function stop(env, message) {
  if (env.WEBPACK_BUILD || env.WEBPACK_SERVE || env.WEBPACK_WATCH) {
    console.error(message);
    process.exit(1);
  }
  throw new Error(message);
}

const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  loader: "esbuild-loader",
  // Top-level await is left to webpack (it compiles it for the target): the sheet reader waits for
  // the unit system, loaded on first use, that way (src/workbook/sheet/sheetUnits.ts).
  options: { target: "es2020", jsx: "automatic", supported: { "top-level-await": true } },
};
const resolve = {
  extensions: [".ts", ".tsx", ".js"],
  // Source files import siblings as "./x.js" (ESM style); resolve those to the .ts/.tsx files.
  extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
};
const minimizer = () => [new EsbuildPlugin({ target: "es2020", legalComments: "none", include: /\.js$/ })];
const oneChunk = () => new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 });

/**
 * `--env single`: the standalone page as one self-contained file, dist/parkplan.html, that runs opened
 * from disk (file://) with no network. Two builds: the engine worker as one script with HiGHS' .wasm
 * inlined (base64), then the page as one script (every lazy import inlined) with the worker's script
 * inlined beside it (scripts/inlineHtmlPlugin.js) and started as a Blob worker (pageWorker.single.ts).
 */
function singleFileBuild(env) {
  const out = env.singleOut ?? path.join(root, "dist");
  const workerDir = path.join(out, ".parkplan-worker");
  const worker = {
    name: "single-worker",
    mode: "production",
    target: "webworker",
    devtool: false,
    entry: { worker: "./src/worker/simulate.worker.ts" },
    output: { path: workerDir, filename: "[name].js", publicPath: "", clean: true },
    resolve,
    module: { rules: [typescriptRule, { test: /\.wasm$/, type: "asset/inline" }] },
    optimization: { minimizer: minimizer(), splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [new webpack.IgnorePlugin({ resourceRegExp: /^node:module$/ }), oneChunk()],
  };
  const page = {
    name: "single-page",
    dependencies: ["single-worker"],
    mode: "production",
    devtool: false,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: { path: out, filename: "parkplan-single.[name].js", publicPath: "", clean: false },
    // The page runs no LP itself (最优配置 solves in the worker): no second copy of HiGHS in it.
    resolve: { ...resolve, alias: { highs: false } },
    module: { rules: [typescriptRule, { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/inline" }] },
    optimization: { minimizer: minimizer(), splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [
      oneChunk(),
      new webpack.NormalModuleReplacementPlugin(/[\\/]engine[\\/]web[\\/]pageWorker\.(js|ts)$/, (resource) => {
        resource.request = resource.request.replace(/pageWorker\.(js|ts)$/, "pageWorker.single.ts");
      }),
      new HtmlWebpackPlugin({
        filename: "parkplan.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // Inline scripts do not wait (defer applies to src only): at the end of the body, after #container.
        inject: "body",
        scriptLoading: "blocking",
        templateParameters: { officeJs: null, standalone: true },
      }),
      new InlineHtmlPlugin({
        workerFile: path.join(workerDir, "worker.js"),
        workerId: "parkplan-worker-source",
        icon: path.join(root, "assets", "icon-32.png"),
      }),
      { apply: (compiler) => compiler.hooks.done.tap("RemoveWorkerBuild", () => rmSync(workerDir, { recursive: true, force: true })) },
    ],
  };
  return [worker, page];
}

export default (env = {}, options = {}) => {
  if (env.single) return singleFileBuild(env);
  const dev = options.mode === "development";
  // env.nomanifest (the standalone page, the browser tests): no manifest.xml, so no production URL needed.
  const withManifest = !env.nomanifest;
  const prod = dev || !withManifest ? null : productionUrl(process.env.PARKPLAN_URL);
  if (prod?.error) stop(env, prod.error);
  const manifestXml = readFileSync(path.join(root, "manifest.xml"), "utf8");
  // HTTPS when the manifest says https (Office loads nothing else); `--env http` for headless runs and CI.
  const https = !env.http && (env.https || manifestUsesHttps(manifestXml));
  return {
    mode: dev ? "development" : "production",
    // env.nomaps: the browser tests' build skips source maps (half the build time).
    devtool: dev ? "eval-source-map" : env.nomaps ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.join(root, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Source files import siblings as "./x.js" (ESM style); resolve those to the .ts/.tsx files.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          // Top-level await is left to webpack (it compiles it for the target): the sheet reader waits for
          // the unit system, loaded on first use, that way (src/workbook/sheet/sheetUnits.ts).
          options: { target: "es2020", jsx: "automatic", supported: { "top-level-await": true } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext][query]" } },
        // highs.wasm (the LP solver of the pane's 决策 tools) is a file beside the bundle, fetched by the
        // worker when it first solves (src/engine/lp/browserHighs.ts); never in the pane's first load.
        { test: /\.wasm$/, type: "asset/resource", generator: { filename: "assets/[name].[contenthash:8][ext]" } },
      ],
    },
    optimization: {
      // esbuild minifies in a fraction of Terser's time (exceljs alone is ~1 MB).
      minimizer: [new EsbuildPlugin({ target: "es2020", legalComments: "none", include: /\.js$/ })],
      // One webpack runtime for the page's three entries: a module they share (the stored-run cache the
      // pane clears after writing) is one instance, and shared code is fetched once.
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Code the pane and the functions both use (vocabulary, stored runs …) is one chunk of the page,
          // however small, rather than a copy in each entry.
          pageShared: { chunks: "initial", minChunks: 2, minSize: 0, priority: -15, reuseExistingChunk: true },
          // mathjs and its own dependencies: one lazy chunk, loaded with the unit system (models/units.ts loadUnits).
          mathjs: {
            test: /[\\/]node_modules[\\/](mathjs|decimal\.js|typed-function|complex\.js|fraction\.js|escape-latex|javascript-natural-sort|tiny-emitter)[\\/]/,
            chunks: "async",
            name: "mathjs",
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      // HiGHS' loader (highs.mjs) imports node:module only when it runs under Node; the bundle needs none.
      new webpack.IgnorePlugin({ resourceRegExp: /^node:module$/ }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions", "commands"],
        templateParameters: { officeJs: officeCdn, standalone: false },
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // No office.js: outside Office it fetches MicrosoftAjax.js from ajax.aspnetcdn.com and a telemetry
        // frame, and offline its onReady never settles. Without it the pane starts as the standalone page.
        templateParameters: { officeJs: null, standalone: true },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/functions/functions-zh-cn.json", to: "functions-zh-cn.json" },
          // The keyboard shortcuts manifest.xml's ExtendedOverrides points at.
          { from: "src/commands/shortcuts.json", to: "shortcuts.json" },
          { from: "src/taskpane/help.html", to: "help.html" },
          ...(withManifest
            ? [
                {
                  from: "manifest*.xml",
                  to: "[name][ext]",
                  transform: (content) => (dev ? content : productionManifest(content.toString(), prod.url)),
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      // HTTPS with the certificate `npx office-addin-dev-certs install` made and trusted (else an untrusted one).
      server: https ? { type: "https", options: devCertificate() } : { type: "http" },
      port: Number(process.env.npm_package_config_dev_server_port ?? 3000),
      static: { directory: path.join(root, "dist") },
    },
  };
};
