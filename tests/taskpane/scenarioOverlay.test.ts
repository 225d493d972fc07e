/**
 * An imported scenario with the form's edits over it (hooks/scenarioOverlay.ts): an untouched import
 * gives back the very document, fields the form cannot hold stay, and an edit replaces exactly the
 * fields it comes from.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parseScenario } from "../../models/scenario.js";
import { formFromDocument } from "../../src/taskpane/hooks/formFromDocument.js";
import { toScenarioDocument, type ScenarioForm } from "../../src/taskpane/hooks/scenarioForm.js";
import { overlayDocument } from "../../src/taskpane/hooks/scenarioOverlay.js";
import { latestEntry, scenarioFileName } from "../../src/taskpane/hooks/useScenario.js";

const samples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "assets", "samples");
const files = readdirSync(samples).filter((f) => f.endsWith(".scenario.json"));

function imported(doc: Record<string, unknown>) {
  const { form, dropped } = formFromDocument(doc, null);
  const run = (edited: ScenarioForm) => {
    const { document } = toScenarioDocument(edited, (k) => k);
    expect(document).not.toBeNull();
    return overlayDocument(document!, { document: doc, form }, edited);
  };
  return { form, dropped, run };
}

describe("an imported scenario under the form", () => {
  test.each(files)("%s untouched: the document imported, field for field", (file) => {
    const doc = JSON.parse(readFileSync(join(samples, file), "utf8")) as Record<string, unknown>;
    const { form, run } = imported(doc);
    const { document, edited } = run(form);
    expect(edited).toEqual([]);
    expect(document).toEqual(doc);
    expect(parseScenario(document)).toEqual(parseScenario(doc));
  });

  test("fields the form cannot hold (references, growth.byPlatform) stay through edits; an edit replaces its own fields only", () => {
    const doc = JSON.parse(readFileSync(join(samples, "jinhua-2020.scenario.json"), "utf8")) as Record<string, unknown>;
    const withRefs = { ...doc, references: { cityGrowth: 0.07 } };
    const { form, dropped, run } = imported(withRefs);
    expect(dropped).toEqual(expect.arrayContaining(["references", "growth.byPlatform"]));
    const { document, edited } = run({ ...form, landQuota: "3200", growthMean: "9" });
    expect(edited).toEqual(["growth.distribution", "growth.mean", "growth.sd", "growth.low", "growth.mode", "growth.high", "land.quota"]);
    expect(document.land).toEqual({ quota: 3200, strategy: "main-only", lagYears: 1 });
    expect(document.growth).toEqual({
      mean: 0.09,
      sd: 0.031,
      correlation: 0.5,
      byPlatform: (doc.growth as { byPlatform: unknown }).byPlatform,
    });
    expect(document.references).toEqual({ cityGrowth: 0.07 });
    expect(document.monteCarlo).toEqual(doc.monteCarlo);
  });

  test("a field cleared in the form is gone (not brought back from the import); a choice changed is the form's", () => {
    const doc = { name: "甲", baseYear: 2020, horizon: [2021, 2022], energy: { intensityDecline: 0.03, cap: 500 }, land: { quota: 10 } };
    const { form, run } = imported(doc);
    expect(form.energyCap).toBe("500");
    const { document } = run({ ...form, energyCap: "", landStrategy: "merit" });
    expect(document.energy).toEqual({ intensityDecline: 0.03 });
    expect(document.land).toEqual({ quota: 10, strategy: "merit" });
    const { document: later } = run({ ...form, endYear: "2024" });
    expect(later.horizon).toEqual([2021, 2022, 2023, 2024]);
  });

  test("export file name: beside the workbook, as the command line looks for it", () => {
    expect(scenarioFileName("jiaxing-2017.xlsx", "嘉兴")).toBe("jiaxing-2017.scenario.json");
    expect(scenarioFileName(null, "嘉兴 2020/攻坚")).toBe("嘉兴 2020_攻坚.scenario.json");
  });
});

describe("the form's start from the workbook's library", () => {
  test("the most recently saved entry", () => {
    const entries = [
      { name: "a", savedAt: "2025-01-02T03:04:05.000Z" },
      { name: "b", savedAt: "2025-03-01T00:00:00.000Z" },
      { name: "c", savedAt: "2024-12-31T23:59:59.000Z" },
    ];
    expect(latestEntry(entries)?.name).toBe("b");
    expect(latestEntry([])).toBeUndefined();
  });
});
