import { describe, expect, test } from "vitest";
import { matchField } from "../../../src/workbook/sheet/fields.js";
import { parseHeader } from "../../../src/workbook/sheet/header.js";

describe("parseHeader(text)", () => {
  test("takes the unit out of Chinese, full-width and square brackets", () => {
    expect(parseHeader("工业用地面积（公顷）")).toMatchObject({ label: "工业用地面积", unit: "公顷" });
    expect(parseHeader("规上工业产值(万元)")).toMatchObject({ label: "规上工业产值", unit: "万元" });
    expect(parseHeader("能耗[吨标煤]")).toMatchObject({ label: "能耗", unit: "吨标煤" });
    expect(parseHeader("R&D占比（％）")).toMatchObject({ label: "R&D占比", unit: "%" });
    expect(parseHeader("Land in use (km²)")).toMatchObject({ label: "Land in use", unit: "平方公里" });
  });

  test("reads a unit after a slash or underscore, and a bare trailing %", () => {
    expect(parseHeader("产值/亿元")).toMatchObject({ label: "产值", unit: "亿元" });
    expect(parseHeader("Output_万元")).toMatchObject({ label: "Output", unit: "万元" });
    expect(parseHeader("高新技术产业占比%")).toMatchObject({ label: "高新技术产业占比", unit: "%" });
    expect(parseHeader("County/District")).toMatchObject({ label: "County/District", unit: null });
  });

  test("keeps brackets that are not units, drops line breaks, reads years", () => {
    expect(parseHeader("所在县（市、区）")).toMatchObject({ label: "所在县(市、区)", unit: null, otherBrackets: ["市、区"] });
    expect(parseHeader("工业用地\n面积\n（亩）")).toMatchObject({ label: "工业用地面积", unit: "亩" });
    expect(parseHeader("2017年规上工业产值（亿元）")).toMatchObject({ label: "规上工业产值", unit: "亿元", year: 2017 });
    expect(parseHeader("税收（单位：万元，2018年）")).toMatchObject({ label: "税收", unit: "万元", year: 2018 });
  });
});

describe("matchField(label)", () => {
  test("recognises Chinese and English synonyms after normalising", () => {
    expect(matchField("园区名称")?.spec.field).toBe("name");
    expect(matchField("Ｐｌａｔｆｏｒｍ")?.spec.field).toBe("name");
    expect(matchField("所在县(市,区)")?.spec.field).toBe("county");
    expect(matchField("规模以上工业增加值")?.spec.field).toBe("valueAdded");
    expect(matchField("Land  in use")?.spec.field).toBe("land");
    expect(matchField("研发投入强度")?.spec.field).toBe("rdShare");
    expect(matchField("Enterprises ≥100亿")?.spec.field).toBe("enterprises100");
    expect(matchField("能耗指标")?.spec.field).toBe("manualEnergy");
  });

  test("does not guess from parts of words", () => {
    expect(matchField("亩均产值")).toBeUndefined();
    expect(matchField("备注")).toBeUndefined();
    expect(matchField("")).toBeUndefined();
  });
});
