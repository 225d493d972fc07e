/**
 * The lever block renders inside the scenario panel (server-rendered, no browser): a preset's levers are
 * visible in their collapsed headers and open, the preset's note lists them, a field error shows under
 * its field, a loaded scenario's per-platform rules are named.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { translator, type Lang } from "../../src/i18n/index.js";
import { ScenarioPanel } from "../../src/taskpane/components/ScenarioPanel.js";
import { formFromDocument } from "../../src/taskpane/hooks/formFromDocument.js";
import { emptyRule } from "../../src/taskpane/hooks/leverForm.js";
import {
  applyPreset,
  defaultForm,
  fillPresetLevers,
  toScenarioDocument,
  type FormField,
  type ScenarioForm,
} from "../../src/taskpane/hooks/scenarioForm.js";

function render(form: ScenarioForm, lang: Lang): string {
  const t = translator(lang);
  const errors: Partial<Record<FormField, string>> = {};
  for (const e of toScenarioDocument(form, (key) => t(key)).errors) errors[e.field] ??= t(e.key, e.params);
  const noop = () => {};
  const panel = createElement(ScenarioPanel, {
    form,
    errors,
    disabled: false,
    lang,
    t,
    onField: noop,
    onStrategy: noop,
    onChoice: noop,
    onLevel: noop,
    onPreset: noop,
  });
  // Text only: tags, and the comments React puts between adjacent texts, removed.
  return renderToString(createElement(FluentProvider, { theme: webLightTheme }, panel))
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'");
}

describe("LeverFields in ScenarioPanel", () => {
  test("jiaxing-2020 chosen: the note and the fill-in button, no lever set yet", () => {
    const html = render(applyPreset(defaultForm(2017), "jiaxing-2020"), "zh");
    expect(html).toContain("预设建议：JX-5 国家级、省级平台高新技术产业增加值占比每年 +1.2 个百分点；JX-6");
    expect(html).toContain('id="pp-levers-refill"');
    expect(html).toContain("填入预设建议");
    expect(html).not.toContain("国家级、省级：每年 +1.2 个百分点");
    expect(html).not.toContain('id="pp-levers-clear"');
  });

  test("jiaxing-2020 filled in: the note, both levers' summaries and their change fields", () => {
    const html = render(fillPresetLevers(applyPreset(defaultForm(2017), "jiaxing-2020")), "zh");
    expect(html).toContain("政策杠杆（比率路径）");
    expect(html).toContain("预设建议：JX-5 国家级、省级平台高新技术产业增加值占比每年 +1.2 个百分点；JX-6");
    expect(html).toContain("国家级、省级：每年 +1.2 个百分点");
    expect(html).toContain("国家级、省级：每年 +0.5 个百分点");
    // The set levers are open: their change fields are rendered with the suggested values.
    expect(html).toMatch(/id="pp-lever-highTech-level-0-change"[^>]*value="1.2"/);
    expect(html).toMatch(/id="pp-lever-rd-level-0-change"[^>]*value="0.5"/);
    expect(html).toContain('id="pp-lever-highTech-level-0-clear"');
    expect(html).toContain('id="pp-levers-clear"');
    // Levers not set stay collapsed.
    expect(html).not.toContain('id="pp-lever-tax-region-kind"');
  });

  test("a path value error under its field, per-platform rules named, in English", () => {
    const { form } = formFromDocument({ baseYear: 2017, ratios: { valueAdded: { byPlatform: { 甲: { change: 0.01 } } } } }, null);
    form.ratios.tax.region = { ...emptyRule(), kind: "path", path: [{ year: "2019", value: "abc" }] };
    const html = render(form, "en");
    expect(html).toContain("Value %: must be a number");
    expect(html).toContain("1 more by platform (kept; not edited here)");
    expect(html).toContain('id="pp-lever-tax-region-remove-0"');
    expect(html).not.toContain("Preset suggests");
  });
});
