/**
 * The pane's policy levers (model.md §2.1 `ratios`): form ↔ scenario document exactly, through the
 * scenario library too; a preset's levers put into the form visibly and clearable; field errors in
 * both languages.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { findPreset, presetLevers } from "../../models/presets.js";
import { parseScenario } from "../../models/scenario.js";
import { translate, translator, type Lang } from "../../src/i18n/index.js";
import { getScenario, saveScenario } from "../../src/scenarios/index.js";
import { formFromDocument } from "../../src/taskpane/hooks/formFromDocument.js";
import { emptyRule, isLeverSet, leverSummary, presetLeverNote, withKind, type LeversForm } from "../../src/taskpane/hooks/leverForm.js";
import {
  applyPreset,
  defaultForm,
  fillPresetLevers,
  toScenarioDocument,
  type ScenarioForm,
} from "../../src/taskpane/hooks/scenarioForm.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";

const label = (key: Parameters<typeof translate>[1]) => translate("zh", key);
const doc = (form: ScenarioForm) => toScenarioDocument(form, label);
const base = { name: "杠杆", baseYear: 2017, horizon: [2018, 2019, 2020] };

/** Every kind of rule at every scope the schema has. */
const RATIOS = {
  valueAdded: { change: -0.0025 },
  tax: { path: { "2019": 0.06, "2020": 0.065 } },
  rd: {
    expr: "min(base*1.05^k, 0.6)",
    byLevel: { national: { change: 0.005 }, provincial: { change: 0.005 }, county: { path: { "2020": 0.03 } } },
  },
  highTech: {
    byLevel: { national: { change: 0.012 }, provincial: { change: 0.012 } },
    byPlatform: { 嘉兴经开区: { expr: "base + 0.003*k" }, 平湖经开区: { path: { "2019": 0.4 } } },
  },
  strategic: { byPlatform: { 嘉善经开区: { change: 0.01 } } },
};

function errorsOf(form: ScenarioForm, lang: Lang) {
  const t = translator(lang);
  const { document, errors } = toScenarioDocument(form, (key) => t(key));
  return { document, messages: Object.fromEntries(errors.map((e) => [e.field, t(e.key, e.params)])) };
}

describe("document → form → document: ratios exactly", () => {
  test("change, path and expr for the region, by level and by platform come back as they were, nothing dropped", () => {
    const input = { ...base, ratios: RATIOS };
    const { form, dropped } = formFromDocument(input, null);
    expect(dropped).toEqual([]);
    const { document, errors } = doc(form);
    expect(errors).toEqual([]);
    expect(document?.ratios).toEqual(RATIOS);
    // The engine reads it as given (byLevel / byPlatform default to {}).
    const parsed = parseScenario(document);
    expect(parsed.ratios.valueAdded).toEqual({ change: -0.0025, byLevel: {}, byPlatform: {} });
    expect(parsed.ratios.highTech?.byPlatform).toEqual(RATIOS.highTech.byPlatform);
  });

  test("the form holds changes in points a year and path values in percent; levels that share a rule form one group", () => {
    const { form } = formFromDocument({ ...base, ratios: RATIOS }, null);
    expect(form.ratios.valueAdded.region).toEqual({ kind: "change", change: "-0.25", path: [], expr: "" });
    expect(form.ratios.tax.region.path).toEqual([
      { year: "2019", value: "6" },
      { year: "2020", value: "6.5" },
    ]);
    expect(form.ratios.rd.region).toMatchObject({ kind: "expr", expr: "min(base*1.05^k, 0.6)" });
    expect(form.ratios.rd.byLevel.map((g) => [g.levels, g.rule.kind, g.rule.change || g.rule.path])).toEqual([
      [["national", "provincial"], "change", "0.5"],
      [["county"], "path", [{ year: "2020", value: "3" }]],
    ]);
    // Per-platform rules are held as given, not edited.
    expect(form.ratios.highTech.byPlatform).toEqual(RATIOS.highTech.byPlatform);
    expect(form.ratios.highTech.region.kind).toBe("");
  });

  test("the summaries name what each lever does, per-platform rules counted", () => {
    const { form } = formFromDocument({ ...base, ratios: RATIOS }, null);
    const zh = (l: keyof LeversForm) => leverSummary(form.ratios[l], "zh", translator("zh"));
    expect(zh("valueAdded")).toBe("每年 −0.25 个百分点");
    expect(zh("tax")).toBe("2019 年 6%、2020 年 6.5%");
    expect(zh("rd")).toBe("表达式 min(base*1.05^k, 0.6)；国家级、省级：每年 +0.5 个百分点；县级：2020 年 3%");
    expect(zh("highTech")).toBe("国家级、省级：每年 +1.2 个百分点；另有 2 条按平台的设置（保留，此处不编辑）");
    expect(zh("strategic")).toBe("另有 1 条按平台的设置（保留，此处不编辑）");
    expect(leverSummary(form.ratios.highTech, "en", translator("en"))).toBe(
      "national, provincial: +1.2 points a year; 2 more by platform (kept; not edited here)",
    );
    expect(leverSummary(defaultForm(2017).ratios.rd, "zh", translator("zh"))).toBe("不变");
  });

  test("form → document → form: the form's own edits come back (a path typed out of order is sorted by year)", () => {
    const form = defaultForm(2020);
    form.ratios.rd.region = { ...emptyRule(), kind: "change", change: "0.3" };
    form.ratios.highTech.region = {
      ...emptyRule(),
      kind: "path",
      path: [
        { year: "2025", value: "60" },
        { year: "2022", value: "52.5" },
      ],
    };
    form.ratios.strategic.region = { ...emptyRule(), kind: "expr", expr: "  base + 0.003*k " };
    const { document, errors } = doc(form);
    expect(errors).toEqual([]);
    expect(document?.ratios).toEqual({
      rd: { change: 0.003 },
      highTech: { path: { "2022": 0.525, "2025": 0.6 } },
      strategic: { expr: "base + 0.003*k" },
    });
    const back = formFromDocument(document!, null).form;
    expect(back.ratios.rd).toEqual(form.ratios.rd);
    expect(back.ratios.highTech.region.path).toEqual([
      { year: "2022", value: "52.5" },
      { year: "2025", value: "60" },
    ]);
    expect(back.ratios.strategic.region.expr).toBe("base + 0.003*k");
    expect(doc(back).document?.ratios).toEqual(document?.ratios);
  });

  test("no lever gives no ratios field (a version 1 document); blank path rows say nothing", () => {
    expect(doc(defaultForm(2017)).document).not.toHaveProperty("ratios");
    const form = defaultForm(2017);
    form.ratios.tax.region = {
      ...emptyRule(),
      kind: "path",
      path: [
        { year: "", value: "" },
        { year: "2020", value: "5.5" },
        { year: " ", value: "" },
      ],
    };
    expect(doc(form).document?.ratios).toEqual({ tax: { path: { "2020": 0.055 } } });
  });

  test("through the workbook's scenario library: saved and loaded, the ratios and the form are unchanged", async () => {
    const { form } = formFromDocument({ ...base, ratios: RATIOS }, null);
    const port = new MemoryWorkbook();
    const entry = await saveScenario(port, { scenario: doc(form).document! });
    const loaded = formFromDocument((await getScenario(port, entry.id)).scenario, null);
    expect(loaded.dropped).toEqual([]);
    expect(loaded.form).toEqual(form);
    expect(doc(loaded.form).document?.ratios).toEqual(RATIOS);
  });

  test("the levers sample loads with nothing dropped and gives its ratios back exactly", () => {
    const sample = JSON.parse(readFileSync("assets/samples/jiaxing-2017.levers.scenario.json", "utf8")) as Record<string, unknown>;
    const { form, dropped } = formFromDocument(sample, null);
    expect(dropped).toEqual([]);
    expect(doc(form).document?.ratios).toEqual(sample.ratios);
  });

  test("what the form cannot hold is named by its JSON path", () => {
    const { form, dropped } = formFromDocument(
      {
        ...base,
        ratios: {
          energy: { change: 0.01 },
          rd: { change: 0.002, path: { "2020": 0.03 }, note: "x", byLevel: { galactic: { change: 1 }, national: { change: "0.5" } } },
          tax: { path: { "2020": "6%" } },
        },
      },
      null,
    );
    // In the levers' order (model.md's): tax before rd.
    expect(dropped).toEqual([
      "ratios.energy",
      "ratios.tax.path.2020",
      "ratios.rd.note",
      "ratios.rd.path",
      "ratios.rd.byLevel.galactic",
      "ratios.rd.byLevel.national.change",
    ]);
    expect(form.ratios.rd.region).toMatchObject({ kind: "change", change: "0.2" });
    expect(form.ratios.rd.byLevel).toEqual([]);
    expect(isLeverSet(form.ratios.tax)).toBe(false);
  });
});

const RATIO_LEVERS_SET = (form: ScenarioForm) =>
  (["valueAdded", "tax", "rd", "highTech", "strategic"] as const).map((l) => isLeverSet(form.ratios[l]));

describe("a preset's levers: proposed, filled in on request, editable, clearable", () => {
  const jiaxing = findPreset("jiaxing-2020")!;

  test("choosing jiaxing-2020 alone applies no lever: the document has no ratios (the pane's numbers = the CLI's)", () => {
    const form = applyPreset(defaultForm(2017), "jiaxing-2020");
    expect(RATIO_LEVERS_SET(form)).toEqual([false, false, false, false, false]);
    expect(doc(form).document).not.toHaveProperty("ratios");
  });

  test("filling in jiaxing-2020's levers puts its two levers in the form, and the document carries exactly them", () => {
    const form = fillPresetLevers(applyPreset(defaultForm(2017), "jiaxing-2020"));
    const t = translator("zh");
    expect(form.ratios.highTech.byLevel).toEqual([
      { levels: ["national", "provincial"], rule: { kind: "change", change: "1.2", path: [], expr: "" } },
    ]);
    expect(leverSummary(form.ratios.highTech, "zh", t)).toBe("国家级、省级：每年 +1.2 个百分点");
    expect(leverSummary(form.ratios.rd, "zh", t)).toBe("国家级、省级：每年 +0.5 个百分点");
    expect(["valueAdded", "tax", "strategic"].map((l) => isLeverSet(form.ratios[l as keyof LeversForm]))).toEqual([false, false, false]);
    expect(doc(form).document?.ratios).toEqual(presetLevers(jiaxing));
    expect(doc(form).document?.ratios).toEqual({
      highTech: { byLevel: { national: { change: 0.012 }, provincial: { change: 0.012 } } },
      rd: { byLevel: { national: { change: 0.005 }, provincial: { change: 0.005 } } },
    });
  });

  test("the note lists each lever's text in the pane's language", () => {
    expect(presetLeverNote(jiaxing, "zh", translator("zh"))).toBe(
      "预设建议：JX-5 国家级、省级平台高新技术产业增加值占比每年 +1.2 个百分点；JX-6 国家级、省级平台 R&D 占比每年 +0.5 个百分点。点击下方“填入预设建议”后生效，可再修改或清除。",
    );
    expect(presetLeverNote(jiaxing, "en", translator("en"))).toMatch(
      /^Preset suggests: JX-5 national and provincial platforms' high-tech share of value added \+1\.2 points a year; JX-6 /,
    );
    expect(presetLeverNote(findPreset("hangzhou-2020")!, "zh", translator("zh"))).toBeNull();
  });

  test("the analyst edits a suggested change or clears it; cleared, the document has no ratios", () => {
    const form = fillPresetLevers(applyPreset(defaultForm(2017), "jiaxing-2020"));
    const edited: ScenarioForm = {
      ...form,
      ratios: {
        ...form.ratios,
        highTech: {
          ...form.ratios.highTech,
          byLevel: [{ ...form.ratios.highTech.byLevel[0], rule: { ...form.ratios.highTech.byLevel[0].rule, change: "0.8" } }],
        },
        rd: { ...form.ratios.rd, byLevel: [] },
      },
    };
    expect(doc(edited).document?.ratios).toEqual({ highTech: { byLevel: { national: { change: 0.008 }, provincial: { change: 0.008 } } } });
    const cleared = { ...edited, ratios: { ...edited.ratios, highTech: { ...edited.ratios.highTech, byLevel: [] } } };
    expect(doc(cleared).document).not.toHaveProperty("ratios");
    expect(doc(cleared).document?.targets).toBe("jiaxing-2020");
  });

  test("another preset: an untouched suggestion of the old one goes, the analyst's own levers stay; filled in, the new ones replace", () => {
    const form = fillPresetLevers(applyPreset(defaultForm(2017), "jiaxing-2020"));
    form.ratios.valueAdded.region = { ...emptyRule(), kind: "change", change: "0.1" };
    expect(doc(applyPreset(form, "lishui-2025")).document?.ratios).toEqual({ valueAdded: { change: 0.001 } });
    const lishui = fillPresetLevers(applyPreset(form, "lishui-2025"));
    expect(doc(lishui).document?.ratios).toEqual({
      valueAdded: { change: 0.001 },
      highTech: { byLevel: { national: { change: 0.02 }, provincial: { change: 0.02 } } },
      rd: { byLevel: { national: { change: 0.003 }, provincial: { change: 0.003 } } },
    });
    // Hangzhou proposes no lever: jiaxing's untouched high-tech lever goes, its edited R&D lever stays.
    form.ratios.rd.byLevel[0].rule.change = "0.7";
    const hangzhou = applyPreset(form, "hangzhou-2020");
    expect(doc(hangzhou).document?.ratios).toEqual({
      valueAdded: { change: 0.001 },
      rd: { byLevel: { national: { change: 0.007 }, provincial: { change: 0.007 } } },
    });
    const none = applyPreset(fillPresetLevers(applyPreset(defaultForm(2017), "jiaxing-2020")), "");
    expect(none.preset).toBe("");
    expect(doc(none).document).not.toHaveProperty("ratios");
  });

  test("a preset chosen on a loaded scenario with per-platform rules keeps those rules", () => {
    const { form } = formFromDocument({ ...base, ratios: { highTech: { byPlatform: RATIOS.highTech.byPlatform } } }, null);
    expect(doc(applyPreset(form, "jiaxing-2020")).document?.ratios).toEqual({ highTech: { byPlatform: RATIOS.highTech.byPlatform } });
    const next = fillPresetLevers(applyPreset(form, "jiaxing-2020"));
    // Filled in, the preset's highTech lever replaces the loaded one as a whole: the suggestion is the starting point.
    expect(doc(next).document?.ratios).toEqual(presetLevers(jiaxing));
    const other = applyPreset(form, "hangzhou-2020");
    expect(doc(other).document?.ratios).toEqual({ highTech: { byPlatform: RATIOS.highTech.byPlatform } });
  });
});

describe("field errors, in the pane's language", () => {
  const withPath = (rows: { year: string; value: string }[]) => {
    const form = defaultForm(2017);
    form.ratios.rd.region = { ...emptyRule(), kind: "path", path: rows };
    return form;
  };

  test("a path value that is not a number, or outside 0–100 %", () => {
    const form = withPath([
      { year: "2019", value: "abc" },
      { year: "2020", value: "120" },
    ]);
    expect(errorsOf(form, "zh")).toEqual({
      document: null,
      messages: { "ratios.rd.region.path.0.value": "数值 %：应为数字", "ratios.rd.region.path.1.value": "数值 %：应在 0 到 100 之间" },
    });
    expect(errorsOf(form, "en").messages).toEqual({
      "ratios.rd.region.path.0.value": "Value %: must be a number",
      "ratios.rd.region.path.1.value": "Value %: must be between 0 and 100",
    });
    expect(errorsOf(withPath([{ year: "2019", value: "-1" }]), "zh").messages).toEqual({
      "ratios.rd.region.path.0.value": "数值 %：应在 0 到 100 之间",
    });
    expect(
      errorsOf(
        withPath([
          { year: "2019", value: "100" },
          { year: "2020", value: "0" },
        ]),
        "zh",
      ).document?.ratios,
    ).toEqual({ rd: { path: { "2019": 1, "2020": 0 } } });
  });

  test("path years: a whole year after the base year, each once; a path needs a row", () => {
    expect(
      errorsOf(
        withPath([
          { year: "2017", value: "5" },
          { year: "20.5", value: "5" },
          { year: "2020", value: "5" },
          { year: "2020", value: "6" },
        ]),
        "zh",
      ).messages,
    ).toEqual({
      "ratios.rd.region.path.0.year": "年份：应晚于基年 2017",
      "ratios.rd.region.path.1.year": "年份：应为整数",
      "ratios.rd.region.path.3.year": "年份：2020 年重复",
    });
    expect(errorsOf(withPath([{ year: "", value: "5" }]), "en").messages).toEqual({ "ratios.rd.region.path.0.year": "Year: required" });
    const empty = defaultForm(2017);
    empty.ratios.tax.region = withKind(emptyRule(), "path");
    expect(empty.ratios.tax.region.path).toEqual([{ year: "", value: "" }]);
    expect(errorsOf(empty, "zh").messages).toEqual({ "ratios.tax.region.path": "路径：至少填一行（年份与数值）" });
    expect(errorsOf(empty, "en").messages).toEqual({ "ratios.tax.region.path": "Path: give at least one row (year and value)" });
  });

  test("a change in points a year within ±100, and an expression given, at the region and in a level group", () => {
    const form = fillPresetLevers(applyPreset(defaultForm(2017), "jiaxing-2020"));
    form.ratios.highTech.byLevel[0].rule.change = "1,2";
    form.ratios.valueAdded.region = { ...emptyRule(), kind: "change", change: "150" };
    form.ratios.strategic.region = { ...emptyRule(), kind: "expr", expr: "   " };
    form.ratios.tax.region = { ...emptyRule(), kind: "expr", expr: "k".repeat(501) };
    expect(errorsOf(form, "zh").messages).toEqual({
      "ratios.valueAdded.region.change": "每年变化（百分点）：应在 -100 到 100 之间",
      "ratios.tax.region.expr": "表达式：最多 500 个字符",
      "ratios.highTech.level.0.change": "每年变化（百分点）：应为数字",
      "ratios.strategic.region.expr": "表达式：必填",
    });
    expect(errorsOf(form, "en").messages["ratios.highTech.level.0.change"]).toBe("Change per year (percentage points): must be a number");
  });
});
