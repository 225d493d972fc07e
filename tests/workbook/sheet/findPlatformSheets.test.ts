import { describe, expect, test } from "vitest";
import { findPlatformSheets } from "../../../src/workbook/sheet/index.js";
import { grid } from "./helpers.js";

describe("findPlatformSheets(grids)", () => {
  test("ranks the platform sheet above a notes sheet and a lookup sheet", () => {
    const notes = grid([["说明"], ["平台名称、产值、用地面积的填写口径见下文"], ["产值：规上工业总产值"]], { sheet: "说明" });
    const lookup = grid(
      [
        ["平台名称", "所在县（市、区）"],
        ["A园", "南湖区"],
      ],
      { sheet: "名录" },
    );
    const platforms = grid([["嘉兴平台（2017年）"], ["平台名称", "级别", "用地面积", "产值", "税收"], ["A园", "省级", 100, 10, 1]], {
      sheet: "平台",
    });
    expect(findPlatformSheets([notes, lookup, platforms])).toEqual([
      { sheet: "平台", score: 5, headerRow: 2 },
      { sheet: "说明", score: 0, headerRow: null },
      { sheet: "名录", score: 0, headerRow: null },
    ]);
  });
});
