import { afterEach, describe, expect, it } from "vitest";
import { asCellError, cellError, ERROR_KINDS, FunctionError } from "../../src/functions/errors.js";

/** A stand-in for the runtime's CustomFunctions namespace: records how many arguments it was given. */
class FakeCustomFunctionsError {
  readonly args: number;
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {
    this.args = message === undefined ? 1 : 2;
  }
}
const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" };
const scope = globalThis as { CustomFunctions?: unknown };

afterEach(() => {
  delete scope.CustomFunctions;
});

describe("cellError(kind, zh, en)", () => {
  it("outside Office is a FunctionError with the Excel code and the Chinese message first", () => {
    const e = cellError("invalidValue", "用地不能为负", "land must not be negative");
    expect(e).toBeInstanceOf(FunctionError);
    expect((e as FunctionError).code).toBe("#VALUE!");
    expect(e.message).toBe("用地不能为负 / land must not be negative");
  });

  it("has no #NUM! kind: Excel cannot show a message with it; only #VALUE! and #N/A show one", () => {
    expect(Object.values(ERROR_KINDS).map((k) => k.code)).not.toContain("#NUM!");
    const showing = Object.values(ERROR_KINDS)
      .filter((k) => k.showsMessage)
      .map((k) => k.code);
    expect(showing).toEqual(["#VALUE!", "#N/A"]);
  });

  it("inside Excel passes the message only to a code that shows it (#DIV/0! gets none)", () => {
    scope.CustomFunctions = { Error: FakeCustomFunctionsError, ErrorCode };
    const div = cellError("divisionByZero", "用地为零", "land is zero") as unknown as FakeCustomFunctionsError;
    expect([div.code, div.args]).toEqual(["#DIV/0!", 1]);
    const value = cellError("invalidValue", "错", "wrong") as unknown as FakeCustomFunctionsError;
    expect([value.code, value.args, value.message]).toEqual(["#VALUE!", 2, "错 / wrong"]);
  });

  it("inside Excel is a CustomFunctions.Error with the ErrorCode value", () => {
    scope.CustomFunctions = { Error: FakeCustomFunctionsError, ErrorCode };
    const e = cellError("notAvailable", "没有结果", "no result") as unknown as FakeCustomFunctionsError;
    expect(e).toBeInstanceOf(FakeCustomFunctionsError);
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("没有结果 / no result");
    // and it passes through asCellError unchanged
    expect(asCellError(e)).toBe(e);
  });

  it("falls back to the string codes when the runtime has no ErrorCode enum", () => {
    scope.CustomFunctions = { Error: FakeCustomFunctionsError };
    expect((cellError("invalidValue", "错", "wrong") as FunctionError).code).toBe("#VALUE!");
  });
});

describe("asCellError(e, [kind])", () => {
  it("turns anything else into #VALUE! (or the kind given) keeping its message", () => {
    const e = asCellError(new RangeError("odd")) as FunctionError;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("计算失败：odd / calculation failed: odd");
    expect((asCellError("text", "notAvailable") as FunctionError).code).toBe("#N/A");
  });

  it("splits a message already in both languages instead of repeating it", () => {
    const e = asCellError(new Error("计算超过 30 秒 / took longer than 30 s"), "notAvailable") as FunctionError;
    expect(e.message).toBe("计算失败：计算超过 30 秒 / calculation failed: took longer than 30 s");
  });
});
