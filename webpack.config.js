// Builds the add-in (task pane + custom functions + ribbon commands in one shared-runtime page) and the
// standalone page (the same pane outside Office). Layout follows the official Office add-in templates.
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import { EsbuildPlugin } from "esbuild-loader";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
const urlDev = "https://localhost:3000/";
// Where the production build is served from; set PARKPLAN_URL when deploying (must end with "/").
const urlProd = process.env.PARKPLAN_URL ?? "https://parkplan.example.com/";
// Office's CDN copy of office.js for the add-in; the standalone page loads none.
const officeCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** office-addin-dev-certs' localhost certificate, if installed (else webpack-dev-server makes an untrusted one). */
function devCertificate() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(dir, name);
  if (!existsSync(file("localhost.crt"))) return {};
  return { cert: readFileSync(file("localhost.crt")), key: readFileSync(file("localhost.key")), ca: readFileSync(file("ca.crt")) };
}

export default (env = {}, options = {}) => {
  const dev = options.mode === "development";
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
        { test: /\.tsx?$/, exclude: /node_modules/, loader: "esbuild-loader", options: { target: "es2020", jsx: "automatic" } },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext][query]" } },
      ],
    },
    optimization: {
      // esbuild minifies in a fraction of Terser's time (exceljs alone is ~1 MB).
      minimizer: [new EsbuildPlugin({ target: "es2020", legalComments: "none", include: /\.js$/ })],
      // One webpack runtime for the page's three entries: a module they share (the stored-run cache the
      // pane clears after writing) is one instance, and shared code is fetched once.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    performance: { hints: false },
    plugins: [
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
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            // Page URLs move to the production location; the dev origin (AppDomain) to its origin.
            transform: (content) =>
              dev ? content : content.toString().replaceAll(urlDev, urlProd).replaceAll(urlDev.slice(0, -1), new URL(urlProd).origin),
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      // Plain HTTP by default (headless runs, CI, the standalone page); `--env https` serves HTTPS for
      // sideloading into Excel, with the certificate `npx office-addin-dev-certs install` trusts.
      server: env.https ? { type: "https", options: devCertificate() } : { type: "http" },
      port: Number(process.env.npm_package_config_dev_server_port ?? 3000),
      static: { directory: path.join(root, "dist") },
    },
  };
};
