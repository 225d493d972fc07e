import { describe, expect, test } from "vitest";
import { linear, niceAxis, niceStep } from "../../src/taskpane/components/charts/scale.js";

describe("niceStep / niceAxis", () => {
  test("steps are 1, 2 or 5 × 10^k", () => {
    expect(niceStep(0, 100, 4)).toBe(50);
    expect(niceStep(0, 80, 4)).toBe(20);
    expect(niceStep(4800, 6200, 4)).toBe(500);
    expect(niceStep(0, 0.3, 3)).toBe(0.1);
  });

  test("the axis covers the data on whole steps, with exact tick values", () => {
    expect(niceAxis(4832.1, 6401.7)).toEqual({ domain: [4500, 6500], ticks: [4500, 5000, 5500, 6000, 6500] });
    expect(niceAxis(0, 0.3, 3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceAxis(0, 637)).toEqual({ domain: [0, 800], ticks: [0, 200, 400, 600, 800] });
  });

  test("a flat series still gets an axis around it; non-finite input gives an empty one", () => {
    const flat = niceAxis(100, 100);
    expect(flat.domain[0]).toBeLessThan(100);
    expect(flat.domain[1]).toBeGreaterThan(100);
    expect(niceAxis(NaN, 5)).toEqual({ domain: [0, 1], ticks: [] });
  });
});

describe("linear", () => {
  test("maps the domain onto the range, inverted for SVG's downward y", () => {
    const y = linear(0, 100, 180, 10);
    expect(y(0)).toBe(180);
    expect(y(100)).toBe(10);
    expect(y(50)).toBe(95);
    expect(linear(5, 5, 0, 10)(7)).toBe(0);
  });
});
