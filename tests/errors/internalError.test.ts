import { describe, expect, test } from "vitest";
import { errorLogName, INTERNAL_ERROR, internalErrorReport } from "../../src/errors/internalError.js";

const AT = new Date(Date.UTC(2026, 10, 5, 14, 22, 33, 42));

describe("internalErrorReport", () => {
  test("version, time, place, arguments, the stack and each cause", () => {
    const error = new Error("outer", { cause: new RangeError("inner") });
    const text = internalErrorReport(error, {
      version: "9.9.9",
      where: "command line",
      platform: "Node v20 linux x64",
      args: ["check", "a.xlsx"],
      now: AT,
    });
    const lines = text.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      `ParkPlan 9.9.9 — ${INTERNAL_ERROR.en}`,
      "time: 2026-11-05T14:22:33.042Z",
      "where: command line",
      "platform: Node v20 linux x64",
      'arguments: ["check","a.xlsx"]',
    ]);
    expect(lines[6]).toBe("Error: outer");
    expect(text).toContain("Caused by:\nRangeError: inner");
  });

  test("a thrown non-error is shown as JSON; notes come last", () => {
    const text = internalErrorReport(
      { code: 7 },
      { version: "1", where: "task pane", platform: "x", now: AT, notes: ["Component stack:", "at App"] },
    );
    expect(text.endsWith('{"code":7}\n\nComponent stack:\nat App\n')).toBe(true);
  });

  test("log file name from the UTC time, with milliseconds", () => {
    expect(errorLogName(AT)).toBe("parkplan-error-20261105-142233-042.log");
  });
});
