// The single-file page (webpack --env single): every script of the page inlined into its HTML, the
// engine worker's bundle inlined as a script element of a type the browser does not run (started as a
// Blob worker, src/engine/web/pageWorker.single.ts), the icon as a data: URL. The inlined .js assets
// are then dropped, so the build's only file is the HTML.
import HtmlWebpackPlugin from "html-webpack-plugin";
import { readFileSync } from "node:fs";
import webpack from "webpack";

/** Text safe inside a <script> element: no "</script" to end it early, no "<!--" to change its parsing. */
export function scriptText(js) {
  return js.replace(/<\/script/gi, "\\x3C/script").replace(/<!--/g, "\\x3C!--");
}

export class InlineHtmlPlugin {
  /** `workerFile`: the worker's built bundle; `workerId`: its element's id; `icon`: the favicon file. */
  constructor({ workerFile, workerId, icon }) {
    this.workerFile = workerFile;
    this.workerId = workerId;
    this.icon = icon;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("InlineHtmlPlugin", (compilation) => {
      const inlined = new Set();
      const hooks = HtmlWebpackPlugin.getHooks(compilation);
      hooks.alterAssetTagGroups.tap("InlineHtmlPlugin", (groups) => {
        const inline = (tag) => {
          if (tag.tagName !== "script" || !tag.attributes.src) return tag;
          const name = String(tag.attributes.src).replace(/^\//, "");
          const asset = compilation.getAsset(name);
          if (!asset) return tag;
          inlined.add(name);
          return {
            tagName: "script",
            voidTag: false,
            meta: tag.meta,
            attributes: {},
            innerHTML: scriptText(asset.source.source().toString()),
          };
        };
        const worker = {
          tagName: "script",
          voidTag: false,
          meta: { plugin: "InlineHtmlPlugin" },
          attributes: { type: "text/parkplan-worker", id: this.workerId },
          innerHTML: scriptText(readFileSync(this.workerFile, "utf8")),
        };
        // The worker's script before the page's: it must be in the document when the page starts one.
        return { ...groups, headTags: groups.headTags.map(inline), bodyTags: [worker, ...groups.bodyTags.map(inline)] };
      });
      hooks.beforeEmit.tap("InlineHtmlPlugin", (data) => {
        const png = readFileSync(this.icon).toString("base64");
        data.html = data.html.replace(/href="assets\/icon-32\.png"/, `href="data:image/png;base64,${png}"`);
        return data;
      });
      compilation.hooks.processAssets.tap({ name: "InlineHtmlPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        for (const name of inlined) compilation.deleteAsset(name);
      });
    });
  }
}
