import { describe, expect, test } from "vitest";
import { parseScenario } from "../../models/scenario.js";
import { translate } from "../../src/i18n/index.js";
import {
  applyPreset,
  defaultForm,
  percentToFraction,
  toScenarioDocument,
  type ScenarioForm,
} from "../../src/taskpane/hooks/scenarioForm.js";
import { formFromDocument } from "../../src/taskpane/hooks/formFromDocument.js";

const label = (key: Parameters<typeof translate>[1]) => translate("zh", key);
const doc = (form: ScenarioForm) => toScenarioDocument(form, label);

describe("percentToFraction(text)", () => {
  test("shifts the decimal point in the text, giving the same double as the literal", () => {
    expect(percentToFraction("3.43")).toBe(0.0343);
    expect(3.43 / 100).not.toBe(0.0343); // what dividing would give
    expect(percentToFraction("7.7")).toBe(0.077);
    expect(percentToFraction(" 50 ")).toBe(0.5);
    expect(percentToFraction("-2.5")).toBe(-0.025);
  });
});

describe("toScenarioDocument(form)", () => {
  test("the default form gives the model's defaults, every year of the horizon and 1,000 runs", () => {
    const { document, errors } = doc(defaultForm(2017));
    expect(errors).toEqual([]);
    expect(document).toEqual({
      name: "基准方案",
      baseYear: 2017,
      horizon: [2018, 2019, 2020, 2021, 2022],
      targets: [],
      growth: { mean: 0.077, sd: 0.045, correlation: 0.5 },
      land: { quota: 0, strategy: "proportional", lagYears: 1 },
      energy: { intensityDecline: 0.0343, strategy: "proportional" },
      exits: { relocationShare: 0.5 },
      monteCarlo: { runs: 1000, seed: "parkplan" },
    });
    const parsed = parseScenario(document);
    const defaults = parseScenario({});
    expect(parsed.growth).toEqual(defaults.growth);
    expect(parsed.energy).toEqual(defaults.energy);
    expect(parsed.exits).toEqual(defaults.exits);
  });

  test("by-level growth, an energy cap and a blank land quota", () => {
    const form = defaultForm(2020);
    form.byLevel.national = { mean: "9", sd: "" };
    form.byLevel.township = { mean: "4.5", sd: "6" };
    form.energyCap = "120.5";
    form.landQuota = "";
    const { document } = doc(form);
    expect(document?.growth).toEqual({
      mean: 0.077,
      sd: 0.045,
      correlation: 0.5,
      byLevel: { national: { mean: 0.09 }, township: { mean: 0.045, sd: 0.06 } },
    });
    expect(document?.energy).toEqual({ intensityDecline: 0.0343, cap: 120.5, strategy: "proportional" });
    expect(document?.land).toEqual({ strategy: "proportional", lagYears: 1 });
    expect(() => parseScenario(document)).not.toThrow();
  });

  test("each bad field is reported once, in the chosen language, and no document is made", () => {
    const form = { ...defaultForm(2017), growthMean: "abc", correlation: "1.5", lagYears: "1.5", runs: "", endYear: "2016", seed: " " };
    const { document, errors } = doc(form);
    expect(document).toBeNull();
    expect(errors.map((e) => [e.field, e.key])).toEqual([
      ["endYear", "form.endYear"],
      ["growthMean", "form.number"],
      ["correlation", "form.range"],
      ["lagYears", "form.integer"],
      ["runs", "form.required"],
      ["seed", "form.required"],
    ]);
    const range = errors.find((e) => e.field === "correlation")!;
    expect(translate("zh", range.key, range.params)).toBe("区域共同冲击占比（0–1）：应在 0 到 1 之间");
    expect(translate("en", range.key, { ...range.params, field: translate("en", "scenario.correlation") })).toBe(
      "Regional shock share (0–1): must be between 0 and 1",
    );
  });

  test("a missing base year is required (a sheet without a title year and no preset)", () => {
    const { document, errors } = doc(defaultForm(null));
    expect(document).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(["baseYear", "endYear"]);
  });
});

describe("applyPreset(form, id)", () => {
  test("jiaxing-2020: targets, end year, name and the suggested main-only land strategy", () => {
    const form = applyPreset(defaultForm(2017), "jiaxing-2020");
    expect(form.preset).toBe("jiaxing-2020");
    expect(form.endYear).toBe("2020");
    expect(form.landStrategy).toBe("main-only");
    expect(form.energyStrategy).toBe("proportional");
    expect(doc(form).document).toMatchObject({
      targets: "jiaxing-2020",
      horizon: [2018, 2019, 2020],
      name: "嘉兴 平台优化提升攻坚行动（2020）",
    });
  });

  test("fills the preset's base year only when the form has none", () => {
    expect(applyPreset(defaultForm(null), "lishui-2025").baseYear).toBe("2020");
    expect(applyPreset(defaultForm(2019), "lishui-2025").baseYear).toBe("2019");
  });

  test("an unknown id clears the preset and changes nothing else", () => {
    const form = { ...defaultForm(2017), preset: "jiaxing-2020" };
    expect(applyPreset(form, "nowhere-2030")).toEqual({ ...form, preset: "" });
  });
});

describe("version 2 fields in the form (model.md §2.2–2.4)", () => {
  const v2Form = () => {
    const form = defaultForm(2017);
    Object.assign(form, {
      endYear: "2020",
      growthDistribution: "pert",
      growthLow: "-2",
      growthMode: "6",
      growthHigh: "12",
      persistence: "0.3",
      exitMode: "phased",
      landReturn: "50",
      landReturnLag: "2",
      entryOutputPerMu: "300",
      entryTaxPerMu: "",
    });
    form.byLevel.national = { mean: "9", sd: "5" };
    return form;
  };

  test("a 低/中/高 guess, persistence, phase-out, re-used land and a 标准地 threshold become the document's version 2 fields", () => {
    const { document, errors } = toScenarioDocument(v2Form(), label);
    expect(errors).toEqual([]);
    expect(document!.growth).toEqual({
      distribution: "pert",
      low: -0.02,
      mode: 0.06,
      high: 0.12,
      correlation: 0.5,
      persistence: 0.3,
      byLevel: { national: { distribution: "normal", mean: 0.09, sd: 0.05 } },
    });
    expect(document!.land).toEqual({ quota: 0, strategy: "proportional", lagYears: 1, entry: { outputPerMu: 300 } });
    expect(document!.exits).toEqual({ relocationShare: 0.5, mode: "phased", landReturnShare: 0.5, landReturnLag: 2 });
    expect(() => parseScenario(document)).not.toThrow();
  });

  test("the document comes back into the same form, with nothing dropped", () => {
    const form = v2Form();
    const { document } = toScenarioDocument(form, label);
    const back = formFromDocument(document!, null);
    expect(back.dropped).toEqual([]);
    expect(back.form).toEqual(form);
  });

  test("low above the most likely value is an error next to the field, in the pane's language", () => {
    const form = { ...v2Form(), growthLow: "8" };
    const { document, errors } = toScenarioDocument(form, label);
    expect(document).toBeNull();
    expect(errors).toEqual([{ field: "growthMode", key: "form.lowModeHigh", params: { field: "增速分布" } }]);
  });

  test("a version 1 form gives a version 1 document: no version 2 field", () => {
    const { document } = toScenarioDocument(defaultForm(2017), label);
    expect(Object.keys(document!.growth as object)).toEqual(["mean", "sd", "correlation"]);
    expect(document!.exits).toEqual({ relocationShare: 0.5 });
    expect(Object.keys(document!.land as object)).toEqual(["quota", "strategy", "lagYears"]);
  });
});
