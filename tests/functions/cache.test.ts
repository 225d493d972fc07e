import { beforeEach, describe, expect, it } from "vitest";
import { argumentsKey, cached, LruCache, resultCache } from "../../src/functions/cache.js";
import { projectFunction, scoreFunction } from "../../src/functions/functions.js";
import { cellErrorOf } from "./cellError.js";

beforeEach(() => resultCache.clear());

describe("cached(id, args, compute)", () => {
  it("computes once per function and arguments", () => {
    let calls = 0;
    const compute = () => ({ n: ++calls });
    const first = cached("T", [1, "亩", null], compute);
    expect(cached("T", [1, "亩", null], compute)).toBe(first);
    expect(calls).toBe(1);
    cached("T", [1, "亩", "公顷"], compute);
    cached("U", [1, "亩", null], compute);
    expect(calls).toBe(3);
  });

  it("does not keep failures: the next call computes again", () => {
    let calls = 0;
    const failing = () => {
      calls++;
      throw new Error("boom");
    };
    expect(() => cached("F", [1], failing)).toThrow("boom");
    expect(() => cached("F", [1], failing)).toThrow("boom");
    expect(calls).toBe(2);
  });

  it("returns the same array for the same arguments (PROJECT, SCORE)", () => {
    const path = projectFunction(100, 0.1, 2017, 2030);
    expect(projectFunction(100, 0.1, 2017, 2030)).toBe(path);
    expect(projectFunction(100, 0.1, 2017, 2031)).not.toBe(path);
    const scores = scoreFunction([[1, 2]], [[1, 1]], [[0.5, 0.5]]);
    expect(scoreFunction([[1, 2]], [[1, 1]], [[0.5, 0.5]])).toBe(scores);
  });

  it("keeps errors out of the cache and still reports them", () => {
    cellErrorOf(() => projectFunction(100, 0.1, 2017, 2016), "#VALUE!");
    expect(resultCache.size).toBe(0);
  });
});

describe("argumentsKey(args)", () => {
  it("tells apart types, blanks and text that contains the separator", () => {
    const keys = [[1], ["1"], [null], [""], [[[1]]], ["a\u241fn5"], ["a", 5]].map((a) => argumentsKey(a));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("LruCache(capacity)", () => {
  it("evicts the least recently used entry", () => {
    const lru = new LruCache<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
    expect(lru.size).toBe(2);
  });
});
