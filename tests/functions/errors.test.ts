import { afterEach, describe, expect, it } from "vitest";
import { asCellError, cellError, FunctionError } from "../../src/functions/errors.js";

/** A stand-in for the runtime's CustomFunctions namespace. */
class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}
const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" };
const scope = globalThis as { CustomFunctions?: unknown };

afterEach(() => {
  delete scope.CustomFunctions;
});

describe("cellError(kind, zh, en)", () => {
  it("outside Office is a FunctionError with the Excel code and the Chinese message first", () => {
    const e = cellError("invalidNumber", "用地不能为负", "land must not be negative");
    expect(e).toBeInstanceOf(FunctionError);
    expect((e as FunctionError).code).toBe("#NUM!");
    expect(e.message).toBe("用地不能为负 / land must not be negative");
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
});
