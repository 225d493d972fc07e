import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions.js";
import { localizeMetadata, type FunctionsMetadata } from "../../src/functions/localize.js";
import { ZH_CN } from "../../src/functions/zhCN.js";
import { englishMetadata, FUNCTIONS_SOURCE, ZH_CN_FILE, zhCnText } from "../../scripts/functions-zh-cn.js";

const IDS = [
  "PERMU",
  "UNITCONVERT",
  "CAGR",
  "REQUIREDGROWTH",
  "YEARREACHED",
  "DOUBLINGYEAR",
  "PROJECT",
  "SCORE",
  "CLASS",
  "PROBABILITY",
  "SCENARIO",
];
const CJK = /[\u4e00-\u9fff]/;
// Excel's rules: id A–Z, 0–9, "_" and "."; a name starts with a letter, then letters, digits, "_", "."; both ≥ 3 characters.
const ID = /^[A-Z][A-Z0-9._]{2,}$/;
const NAME = /^\p{L}[\p{L}0-9._]{2,}$/u;

const english = await englishMetadata();
const zh = JSON.parse(readFileSync(ZH_CN_FILE, "utf8")) as FunctionsMetadata;

describe("functions.json (generated from the JSDoc of functions.ts)", () => {
  it("defines the worksheet functions, with valid ids and English names", () => {
    expect(english.functions.map((f) => f.id)).toEqual(IDS);
    for (const f of english.functions) {
      expect(f.id).toMatch(ID);
      expect(f.name).toBe(f.id);
      expect(f.name).toMatch(NAME);
    }
  });

  it("describes every function and parameter in English", () => {
    for (const f of english.functions) {
      expect(f.description, f.id).toMatch(/^[A-Z][a-z -]/);
      for (const p of f.parameters) expect(p.description, `${f.id}(${p.name})`).toMatch(/^[A-Za-z0-9]/);
    }
  });

  it("marks SCORE, CLASS and PROJECT as matrices, SCENARIO as a plain (async) number, and nothing volatile", () => {
    const byId = new Map(english.functions.map((f) => [f.id, f]));
    expect(byId.get("PROJECT")?.result).toEqual({ dimensionality: "matrix", type: "number" });
    expect(byId.get("SCORE")?.parameters.map((p) => p.dimensionality)).toEqual(["matrix", "matrix", "matrix", "matrix"]);
    expect(byId.get("CLASS")?.result).toEqual({ dimensionality: "matrix", type: "string" });
    expect(byId.get("SCENARIO")?.result).toEqual({ type: "number" });
    expect(
      byId
        .get("PROBABILITY")
        ?.parameters.filter((p) => p.optional)
        .map((p) => p.name),
    ).toEqual(["runs", "seed"]);
    for (const f of english.functions) expect(f.options, f.id).toBeUndefined();
  });
});

describe("functions-zh-cn.json (scripts/functions-zh-cn.ts)", () => {
  it("is up to date with functions.ts and zhCN.ts", async () => {
    expect(readFileSync(ZH_CN_FILE, "utf8")).toBe(await zhCnText());
  });

  it("has a Chinese name and description for every id, with the same parameters", () => {
    expect(zh.functions.map((f) => f.id)).toEqual(IDS);
    zh.functions.forEach((f, i) => {
      const en = english.functions[i];
      expect(f.name, f.id).toMatch(NAME);
      expect(CJK.test(f.name) || f.name === f.id, f.id).toBe(true);
      expect(f.description, f.id).toMatch(CJK);
      expect(f.result).toEqual(en.result);
      expect(f.parameters).toHaveLength(en.parameters.length);
      f.parameters.forEach((p, j) => {
        const { name: _n, description: _d, ...rest } = p;
        const { name: _en, description: _ed, ...enRest } = en.parameters[j];
        expect(rest, `${f.id}(${p.name})`).toEqual(enRest);
        expect(p.name).toMatch(CJK);
        expect(p.description).toMatch(CJK);
      });
    });
    expect(new Set(zh.functions.map((f) => f.name)).size).toBe(IDS.length);
  });

  it("refuses a table that lacks a function or parameter, or names one that does not exist", () => {
    const { PERMU: _dropped, ...lacking } = ZH_CN;
    expect(() => localizeMetadata(english, lacking)).toThrow("no Chinese text for PERMU");
    const extra = { ...ZH_CN, CAGR: { ...ZH_CN.CAGR, parameters: { ...ZH_CN.CAGR.parameters, rate: ["增速", "增速"] as const } } };
    expect(() => localizeMetadata(english, extra)).toThrow("CAGR: table has parameter rate");
    expect(() => localizeMetadata(english, { ...ZH_CN, GONE: ZH_CN.CAGR })).toThrow("GONE");
  });
});

describe("the names the docs show", () => {
  const readme = readFileSync(new URL("../../src/functions/README.md", import.meta.url), "utf8");

  it("src/functions/README.md pairs each English name with the Chinese name of functions-zh-cn.json", () => {
    const rows = [...readme.matchAll(/^\| `=PARKPLAN\.([A-Z]+)\(…\)` \| `=PARKPLAN\.(\S+)\(…\)` \|$/gmu)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(english.functions.map((f, i) => [f.name, zh.functions[i].name]));
  });

  it("the function table lists every id with its Chinese name", () => {
    const rows = [...readme.matchAll(/^\| ([A-Z]+) \| (\S+) \| /gmu)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(zh.functions.map((f) => [f.id, f.name]));
  });

  it("no English name is an Excel built-in of the same field (CONVERT was, until it became UNITCONVERT)", () => {
    const builtIns = ["CONVERT", "PROB", "RANK", "GROWTH", "TREND", "FORECAST", "RRI", "PERCENTRANK"];
    for (const f of english.functions) expect(builtIns, f.name).not.toContain(f.name);
  });
});

describe("CustomFunctions.associate calls (appended by custom-functions-metadata-plugin's loader)", () => {
  it("name an exported function of functions.ts for every id", async () => {
    const input = "./src/functions/functions.ts";
    const result = await generateCustomFunctionsMetadata(input);
    const require = createRequire(import.meta.url);
    const Plugin = require("custom-functions-metadata-plugin/lib/customfunctionsplugin.js") as { generateResults: Record<string, unknown> };
    const loader = require("custom-functions-metadata-plugin/lib/loader.js") as (this: unknown, source: string) => string;
    Plugin.generateResults[input] = result;
    const source = readFileSync(FUNCTIONS_SOURCE, "utf8");
    const out = loader.call({ getOptions: () => ({ input, file: result.associate[0].sourceFileName }) }, source);
    const calls = [...out.slice(source.length).matchAll(/CustomFunctions\.associate\("([A-Z]+)", (\w+)\);/g)];
    expect(calls.map((c) => c[1])).toEqual(IDS);
    const exported = functions as unknown as Record<string, unknown>;
    for (const [, , name] of calls) expect(typeof exported[name], name).toBe("function");
  });
});
