/** The live region's words: quarters of the trials while counting, the phase's sentence otherwise. */
import { describe, expect, test } from "vitest";
import { translator } from "../../src/i18n/index.js";
import { liveText, progressStep } from "../../src/taskpane/hooks/liveStatus.js";

const zh = translator("zh");
const en = translator("en");

describe("progressStep", () => {
  test("rounds down to quarters of the total", () => {
    const steps = [0, 1, 49, 50, 99, 100, 149, 150, 199, 200].map((done) => progressStep({ done, total: 200 }));
    expect(steps).toEqual([0, 0, 0, 25, 25, 50, 50, 75, 75, 100]);
  });

  test("no count (preparing, a deterministic run) gives null; out-of-range counts are clamped", () => {
    expect(progressStep(null)).toBeNull();
    expect(progressStep({ done: 0, total: 0 })).toBeNull();
    expect(progressStep({ done: 250, total: 200 })).toBe(100);
    expect(progressStep({ done: -3, total: 200 })).toBe(0);
  });

  test("a run of 1,000 trials reports each progress message but changes the text only 5 times", () => {
    const texts = new Set(Array.from({ length: 1001 }, (_, done) => liveText("", "正在模拟", { done, total: 1000 }, zh)));
    expect([...texts]).toEqual([0, 25, 50, 75, 100].map((p) => `正在模拟：已完成 ${p}%`));
  });
});

describe("liveText", () => {
  test("the phase's sentence when there is no count, in the pane's language", () => {
    expect(liveText("正在检查平台表…", "正在模拟", null, zh)).toBe("正在检查平台表…");
    expect(liveText("", "Simulating", { done: 30, total: 40 }, en)).toBe("Simulating: 75% done");
  });
});
