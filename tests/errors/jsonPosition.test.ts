import { describe, expect, test } from "vitest";
import { describePosition, jsonErrorPosition } from "../../src/errors/jsonPosition.js";

const positionOf = (text: string) => {
  try {
    JSON.parse(text);
  } catch (e) {
    return jsonErrorPosition(text, e);
  }
  throw new Error("parsed");
};

describe("jsonErrorPosition", () => {
  test("a missing colon on line 3: the column of the value after the key (counted by hand)", () => {
    // Line 3 is `  "baseYear" 2017`: the 2 of 2017 is column 14.
    expect(positionOf('{\n  "name": "x",\n  "baseYear" 2017\n}')).toEqual({ line: 3, column: 14 });
  });

  test("text cut off: the position after the last character", () => {
    expect(positionOf('{\n  "a": [1,')).toEqual({ line: 2, column: 11 });
    expect(positionOf("")).toEqual({ line: 1, column: 1 });
  });

  test("described in both languages", () => {
    expect(describePosition({ line: 3, column: 14 })).toEqual({ zh: "第 3 行第 14 列", en: "line 3, column 14" });
  });
});
