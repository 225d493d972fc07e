/**
 * The add-in manifest, checked offline (Microsoft's validator is an online service): well-formed XML,
 * the schema's element order, every resid defined and every resource used, URLs, locales and string
 * lengths, and the shared-runtime wiring that custom functions need.
 */
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** An element as fast-xml-parser's preserveOrder form gives it: { tag: children[], ":@": attributes }. */
type Node = Record<string, unknown> & { ":@"?: Record<string, string> };
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  ignoreDeclaration: true,
  commentPropName: "#comment",
});
const doc = parser.parse(xml) as Node[];

const tagOf = (n: Node): string => Object.keys(n).find((k) => k !== ":@")!;
const kids = (n: Node): Node[] => ((n[tagOf(n)] as Node[]) ?? []).filter((c) => tagOf(c) !== "#comment" && tagOf(c) !== "#text");
const attr = (n: Node, name: string): string | undefined => n[":@"]?.[name];
const child = (n: Node, tag: string): Node | undefined => kids(n).find((c) => tagOf(c) === tag);
function all(n: Node, out: Node[] = []): Node[] {
  out.push(n);
  for (const c of kids(n)) all(c, out);
  return out;
}

const app = doc.find((n) => tagOf(n) === "OfficeApp")!;
const nodes = all(app);
const resources = child(child(app, "VersionOverrides")!, "Resources")!;
const defined = new Map<string, Node>();
for (const group of kids(resources)) for (const r of kids(group)) defined.set(attr(r, "id")!, r);

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp task pane root", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
  });

  it("lists the top-level elements in the schema's order", () => {
    // The order the OfficeApp schema (TaskPaneApp) requires, for the elements this manifest uses.
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
      "ExtendedOverrides",
    ];
    expect(kids(app).map(tagOf)).toEqual(order);
  });

  it("puts Runtimes first in the host, and the functions' page and file on the task pane URL", () => {
    const host = child(child(child(app, "VersionOverrides")!, "Hosts")!, "Host")!;
    expect(kids(host).map(tagOf)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const runtime = child(child(host, "Runtimes")!, "Runtime")!;
    expect([attr(runtime, "resid"), attr(runtime, "lifetime")]).toEqual(["Taskpane.Url", "long"]);
    const cf = child(child(host, "AllFormFactors")!, "ExtensionPoint")!;
    expect(attr(cf, "xsi:type")).toBe("CustomFunctions");
    expect(kids(cf).map(tagOf)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(attr(child(child(cf, "Page")!, "SourceLocation")!, "resid")).toBe("Taskpane.Url");
    expect(attr(child(child(host, "DesktopFormFactor")!, "FunctionFile")!, "resid")).toBe("Taskpane.Url");
  });

  it("requires ExcelApi 1.7 and the shared runtime", () => {
    const sets = kids(child(child(app, "Requirements")!, "Sets")!).map((s) => [attr(s, "Name"), attr(s, "MinVersion")]);
    expect(sets).toEqual([
      ["ExcelApi", "1.7"],
      ["SharedRuntime", "1.1"],
    ]);
  });

  it("defines every resid it uses and uses every resource it defines", () => {
    const used = new Set(nodes.map((n) => attr(n, "resid")).filter((r): r is string => r !== undefined));
    for (const id of used) expect(defined.has(id), `resid ${id} is not defined`).toBe(true);
    for (const id of defined.keys()) expect(used.has(id), `resource ${id} is never used`).toBe(true);
    expect(new Set(kids(resources).flatMap((g) => kids(g).map((r) => attr(r, "id")))).size).toBe(defined.size);
  });

  it("uses https URLs on the dev origin, pointing at files the build produces", () => {
    const urls = nodes
      .flatMap((n) => [attr(n, "DefaultValue"), attr(n, "Value")])
      .filter((u): u is string => !!u && /^[a-z]+:\/\//.test(u));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith("https://localhost:3000/"), url).toBe(true);
    // Pages webpack writes (HtmlWebpackPlugin, the functions entry and metadata plugin, copied files).
    const built = ["taskpane.html", "functions.js", "functions.json"];
    for (const url of urls) {
      const path = url.replace("https://localhost:3000/", "");
      if (path.startsWith("assets/")) expect(existsSync(join(ROOT, path)), `${path} missing`).toBe(true);
      else if (path === "functions-zh-cn.json") expect(existsSync(join(ROOT, "src/functions/functions-zh-cn.json"))).toBe(true);
      else if (path === "help.html") expect(existsSync(join(ROOT, "src/taskpane/help.html"))).toBe(true);
      else if (path === "shortcuts.json") expect(existsSync(join(ROOT, "src/commands/shortcuts.json"))).toBe(true);
      else expect(built, `${path} is not a page the build writes`).toContain(path);
    }
  });

  it("has Chinese defaults with an en-US override for every string shown to users", () => {
    expect(child(app, "DefaultLocale")![tagOf(child(app, "DefaultLocale")!)]).toEqual([{ "#text": "zh-CN" }]);
    const shown = [
      child(app, "DisplayName")!,
      child(app, "Description")!,
      ...kids(resources)
        .filter((g) => /Strings$/.test(tagOf(g)))
        .flatMap(kids),
    ].filter((n) => attr(n, "id") !== "Functions.Namespace");
    for (const n of shown) {
      expect(attr(n, "DefaultValue"), `${attr(n, "id") ?? tagOf(n)} default`).toMatch(/[\u4e00-\u9fff]/);
      const overrides = kids(n).map((o) => [attr(o, "Locale"), attr(o, "Value")]);
      expect(
        overrides.map(([l]) => l),
        `${attr(n, "id") ?? tagOf(n)} overrides`,
      ).toEqual(["en-US"]);
    }
    const locales = nodes.map((n) => attr(n, "Locale")).filter((l): l is string => !!l);
    for (const l of locales) expect(l).toMatch(/^[a-z]{2}-[A-Z]{2}$/);
  });

  it("pairs the functions' metadata with the locale as Microsoft documents: English by default, a zh-CN override", () => {
    const metadata = defined.get("Functions.Metadata.Url")!;
    expect(attr(metadata, "DefaultValue")).toBe("https://localhost:3000/functions.json");
    const overrides = kids(metadata).map((o) => [tagOf(o), attr(o, "Locale"), attr(o, "Value")]);
    // The file scripts/functions-zh-cn.ts writes and webpack copies under the same name.
    expect(overrides).toEqual([["bt:Override", "zh-CN", "https://localhost:3000/functions-zh-cn.json"]]);
    expect(readFileSync(join(ROOT, "webpack.config.js"), "utf8")).toContain(
      '{ from: "src/functions/functions-zh-cn.json", to: "functions-zh-cn.json" }',
    );
    // One namespace for both languages: no override on it.
    expect(kids(defined.get("Functions.Namespace")!)).toEqual([]);
  });

  it("keeps strings within Office's limits and the namespace an ASCII identifier", () => {
    for (const [id, n] of defined) {
      const value = attr(n, "DefaultValue")!;
      const group = tagOf(kids(resources).find((g) => kids(g).includes(n))!);
      if (group === "bt:ShortStrings") expect(value.length, id).toBeLessThanOrEqual(125);
      if (group === "bt:LongStrings") expect(value.length, id).toBeLessThanOrEqual(250);
    }
    expect(attr(defined.get("Functions.Namespace")!, "DefaultValue")).toMatch(/^[A-Z][A-Z0-9]{0,31}$/);
    expect(child(app, "Id")![tagOf(child(app, "Id")!)]).toEqual([
      { "#text": expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/) },
    ]);
  });
});
