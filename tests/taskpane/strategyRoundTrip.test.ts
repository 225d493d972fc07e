/**
 * Every allocation strategy survives the pane's save → load: form → scenario document → the workbook's
 * scenario library → form, for land and energy alike (tests/scenarios/library.test.ts shows the library's
 * JSON survives an .xlsx saved and reopened). What the form cannot hold is named by its JSON path, never
 * turned silently into another value.
 */
import { describe, expect, test } from "vitest";
import { ALLOCATION_STRATEGIES, parseScenario } from "../../models/scenario.js";
import { STRATEGY_CHOICES } from "../../models/vocabulary.js";
import { translate } from "../../src/i18n/index.js";
import { getScenario, saveScenario } from "../../src/scenarios/index.js";
import { formFromDocument } from "../../src/taskpane/hooks/formFromDocument.js";
import { FORM_STRATEGY_CHOICES } from "../../src/taskpane/hooks/formStrategies.js";
import { defaultForm, toScenarioDocument, type ScenarioForm } from "../../src/taskpane/hooks/scenarioForm.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";

const label = (key: Parameters<typeof translate>[1]) => translate("zh", key);

function documentOf(form: ScenarioForm): Record<string, unknown> {
  const { document, errors } = toScenarioDocument(form, label);
  expect(errors).toEqual([]);
  return document!;
}

/** Save the form's document in a library, read it back as the pane does, and refill the form. */
async function saveAndLoad(form: ScenarioForm) {
  const port = new MemoryWorkbook();
  const entry = await saveScenario(port, { scenario: documentOf(form) });
  return formFromDocument((await getScenario(port, entry.id)).scenario, null);
}

test("the pane offers the model's strategies except optimal (the 最优配置 tool's output, never chosen)", () => {
  expect([...STRATEGY_CHOICES].sort()).toEqual([...ALLOCATION_STRATEGIES].sort());
  expect([...FORM_STRATEGY_CHOICES].sort()).toEqual(ALLOCATION_STRATEGIES.filter((s) => s !== "optimal").sort());
});

test("a document saying optimal loads with the strategy named as not held, the rest kept", () => {
  const doc = { name: "最优", baseYear: 2017, horizon: [2018], land: { quota: 600, strategy: "optimal" }, energy: { strategy: "merit" } };
  const { form, dropped } = formFromDocument(doc, null);
  expect(dropped).toEqual(['land.strategy ("optimal")']);
  expect([form.landStrategy, form.energyStrategy, form.landQuota]).toEqual(["proportional", "merit", "600"]);
});

describe("save → load through the scenario library", () => {
  test.each(FORM_STRATEGY_CHOICES.flatMap((land) => FORM_STRATEGY_CHOICES.map((energy) => [land, energy] as const)))(
    "land %s, energy %s come back as they were, with nothing dropped",
    async (land, energy) => {
      const form: ScenarioForm = {
        ...defaultForm(2017),
        name: `${land} ${energy}`,
        landQuota: "600",
        landStrategy: land,
        energyCap: "950",
        energyStrategy: energy,
      };
      const { form: loaded, dropped } = await saveAndLoad(form);
      expect(dropped).toEqual([]);
      expect(loaded).toEqual(form);
      const parsed = parseScenario(documentOf(loaded));
      expect([parsed.land.strategy, parsed.energy.strategy]).toEqual([land, energy]);
    },
  );
});

describe("formFromDocument: what the form cannot represent", () => {
  test("manual land without a quota keeps no quota (the requests' sum), not a quota of 0", () => {
    const doc = { name: "逐平台", baseYear: 2017, horizon: [2018, 2019, 2020], land: { strategy: "manual", lagYears: 1 } };
    const { form, dropped } = formFromDocument(doc, null);
    expect(dropped).toEqual([]);
    expect([form.landStrategy, form.landQuota]).toEqual(["manual", ""]);
    const back = documentOf(form);
    expect(back.land).toEqual({ strategy: "manual", lagYears: 1 });
    expect(parseScenario(back).land.quota).toBeUndefined();
  });

  test("a strategy this version does not know is named with its value, and the form keeps its default", () => {
    const { form, dropped } = formFromDocument({ land: { strategy: "lottery" }, energy: { strategy: 3 } }, 2017);
    expect(dropped).toEqual(['land.strategy ("lottery")', "energy.strategy (3)"]);
    expect([form.landStrategy, form.energyStrategy]).toEqual(["proportional", "proportional"]);
  });

  test("year maps, per-platform requests, class weights and unknown levels are named by JSON path; empty ones are not", () => {
    const doc = {
      growth: { mean: 0.08, byPlatform: { 甲: { mean: 0.1 } }, byLevel: { national: { mean: 0.09 }, galactic: { mean: 1 } } },
      land: { quota: { "2018": 500 }, strategy: "manual", manual: { 甲: 200 }, classWeights: {} },
      energy: { cap: { "2018": 900 }, strategy: "merit", classWeights: { D: 0.2 } },
      defaults: { taxRatio: 0.06 },
      evaluation: {},
    };
    const { form, dropped } = formFromDocument(doc, 2017);
    expect(dropped).toEqual([
      "defaults",
      "growth.byPlatform",
      "land.manual",
      "energy.classWeights",
      "growth.byLevel.galactic",
      "land.quota",
      "energy.cap",
    ]);
    expect(form).toMatchObject({ growthMean: "8", landStrategy: "manual", energyStrategy: "merit", landQuota: "", energyCap: "" });
    expect(form.byLevel.national).toEqual({ mean: "9", sd: "" });
  });

  test("the pane's message lists the fields the form cannot show (kept as loaded) in Chinese and in English", () => {
    const fields = formFromDocument({ land: { manual: { 甲: 200 } } }, 2017).dropped.join(", ");
    expect(translate("zh", "lib.dropped", { fields })).toBe("表单无法显示以下字段，运行、保存和导出时按原样保留：land.manual");
    expect(translate("en", "lib.dropped", { fields })).toBe(
      "The form cannot show these fields; runs, saves and exports keep them as they are: land.manual",
    );
  });
});
