/** Assertions on the errors the worksheet functions throw outside Office (FunctionError with a code). */
import { expect } from "vitest";
import { FunctionError, type ErrorCodeText } from "../../src/functions/errors.js";

const CJK = /[\u4e00-\u9fff]/;

/** The error `run` throws, checked to be a cell error with this code and a Chinese-first message. */
export function cellErrorOf(run: () => unknown, code: ErrorCodeText): FunctionError {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  return checked(thrown, code);
}

/** The same for a promise that must reject. */
export async function rejectionOf(promise: Promise<unknown>, code: ErrorCodeText): Promise<FunctionError> {
  let thrown: unknown;
  await promise.then(
    (value) => expect.fail(`expected ${code}, got ${String(value)}`),
    (e: unknown) => {
      thrown = e;
    },
  );
  return checked(thrown, code);
}

function checked(thrown: unknown, code: string): FunctionError {
  expect(thrown).toBeInstanceOf(FunctionError);
  const error = thrown as FunctionError;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(CJK);
  expect(error.message.search(CJK)).toBeLessThan(error.message.indexOf(" / "));
  return error;
}

/** null as an omitted optional argument arrives from Excel (the TypeScript signatures say undefined). */
export const OMITTED = null as unknown as undefined;
