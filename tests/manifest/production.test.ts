/**
 * The production manifest: webpack.config.js refuses a production build without a usable PARKPLAN_URL
 * (instead of shipping a placeholder domain), moves every dev URL to the production one, and serves the
 * dev server over HTTPS exactly when the manifest says https.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
// @ts-expect-error plain JS module without type declarations
import configure, { manifestUsesHttps, productionManifest, productionUrl } from "../../webpack.config.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
type Config = { devServer: { server: { type: string } }; plugins: object[] };
const build = configure as (env: object, options: object) => Config;
const saved = process.env.PARKPLAN_URL;

afterEach(() => {
  if (saved === undefined) delete process.env.PARKPLAN_URL;
  else process.env.PARKPLAN_URL = saved;
});

describe("productionUrl", () => {
  test("unset: a bilingual message naming PARKPLAN_URL and the standalone alternative", () => {
    const { error } = productionUrl(undefined) as { error: string };
    expect(error).toMatch(/^生产构建需要部署地址：请设置 PARKPLAN_URL/);
    expect(error).toContain("A production build needs the address it is served from: set PARKPLAN_URL");
    expect(error).toContain("npm run standalone");
  });

  test.each(["http://intranet.gov.cn/parkplan/", "https://intranet.gov.cn/parkplan", "not a url", "https://a.cn/?x=1/"])(
    "%s is refused, quoted",
    (value) => {
      const { error } = productionUrl(value) as { error: string };
      expect(error).toContain(`PARKPLAN_URL=${value} 不可用`);
      expect(error).toContain(`PARKPLAN_URL=${value} cannot be used`);
    },
  );

  test("an https address ending in / is used as given", () => {
    expect(productionUrl("https://intranet.gov.cn/parkplan/")).toEqual({ url: "https://intranet.gov.cn/parkplan/" });
  });
});

describe("productionManifest", () => {
  const out = productionManifest(xml, "https://intranet.gov.cn/parkplan/") as string;

  test("no localhost is left; pages move under the path, AppDomain to the origin", () => {
    expect(out).not.toContain("localhost");
    expect(out).toContain('<SourceLocation DefaultValue="https://intranet.gov.cn/parkplan/taskpane.html" />');
    expect(out).toContain("<AppDomain>https://intranet.gov.cn</AppDomain>");
    // Every dev URL became a production URL: as many as there were.
    expect(out.split("https://intranet.gov.cn").length).toBe(xml.split("https://localhost:3000").length);
  });
});

describe("webpack.config.js", () => {
  test("a production build without PARKPLAN_URL stops (Node API: an error) before any plugin runs", () => {
    delete process.env.PARKPLAN_URL;
    expect(() => build({}, { mode: "production" })).toThrow(/请设置 PARKPLAN_URL.*set PARKPLAN_URL/s);
  });

  test("the standalone page and development builds need no production URL", () => {
    delete process.env.PARKPLAN_URL;
    expect(() => build({ nomanifest: true }, { mode: "production" })).not.toThrow();
    expect(() => build({}, { mode: "development" })).not.toThrow();
  });

  test("the dev server serves HTTPS because the manifest says https; --env http forces plain HTTP", () => {
    expect(manifestUsesHttps(xml)).toBe(true);
    expect(manifestUsesHttps(xml.replaceAll("https://localhost", "http://localhost"))).toBe(false);
    expect(build({}, { mode: "development" }).devServer.server.type).toBe("https");
    expect(build({ http: true }, { mode: "development" }).devServer.server.type).toBe("http");
  });
});
