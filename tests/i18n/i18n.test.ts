import { describe, expect, test } from "vitest";
import { en } from "../../src/i18n/en.js";
import { MESSAGES, pick, pickLanguage, translate } from "../../src/i18n/index.js";
import { zh } from "../../src/i18n/zh.js";

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n tables", () => {
  test("zh and en have exactly the same keys, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const lang of ["zh", "en"] as const)
      for (const [key, text] of Object.entries(MESSAGES[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe("");
  });

  test("every key uses the same {parameters} in both languages", () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) expect(params(en[key]), key).toEqual(params(zh[key]));
  });

  test("Chinese strings are Chinese (each holds a CJK character), except the switch to English", () => {
    for (const [key, text] of Object.entries(zh)) if (key !== "app.language") expect(/[\u4e00-\u9fff]/.test(text), key).toBe(true);
    expect(zh["app.language"]).toBe("English");
    expect(en["app.language"]).toBe("中文");
  });
});

describe("pickLanguage(tag)", () => {
  test("English tags give en; Chinese, other and missing tags give the default zh", () => {
    expect(pickLanguage("en-US")).toBe("en");
    expect(pickLanguage("EN")).toBe("en");
    expect(pickLanguage("en_GB")).toBe("en");
    expect(pickLanguage("zh-CN")).toBe("zh");
    expect(pickLanguage("zh-TW")).toBe("zh");
    expect(pickLanguage("de-DE")).toBe("zh");
    expect(pickLanguage("eng")).toBe("zh");
    expect(pickLanguage(null)).toBe("zh");
    expect(pickLanguage(undefined)).toBe("zh");
  });
});

describe("translate(lang, key, params)", () => {
  test("fills parameters and leaves unknown ones visible", () => {
    expect(translate("zh", "run.running", { done: 50, total: 200 })).toBe("正在模拟：50 / 200");
    expect(translate("en", "run.running", { done: 50, total: 200 })).toBe("Simulating: 50 / 200");
    expect(translate("en", "run.running", { done: 1 })).toBe("Simulating: 1 / {total}");
  });

  test("pick chooses the side of a bilingual pair", () => {
    expect(pick("zh", { zh: "甲", en: "A" })).toBe("甲");
    expect(pick("en", { zh: "甲", en: "A" })).toBe("A");
  });
});
