import { describe, expect, test } from "vitest";
import { asFileError, FILE_ERROR_MESSAGES, FileError, systemErrorCode } from "../../src/errors/fileErrors.js";

describe("FileError", () => {
  test.each(Object.keys(FILE_ERROR_MESSAGES))("%s: the path, the cause and what to do, Chinese then English", (code) => {
    const m = FILE_ERROR_MESSAGES[code as keyof typeof FILE_ERROR_MESSAGES];
    const e = new FileError("结果/out.xlsx", "write", code);
    expect(e.zh).toBe(`无法写出 结果/out.xlsx：${m.zh}。${m.doZh}`);
    expect(e.en).toBe(`cannot write 结果/out.xlsx: ${m.en}. ${m.doEn}`);
    expect(e.message).toBe(`${e.zh} / ${e.en}`);
  });

  test("an unknown code is named inside the generic message", () => {
    const e = new FileError("a.xlsx", "read", "ESOMETHING");
    expect(e.zh).toBe("无法读取 a.xlsx：文件系统错误（ESOMETHING）。请检查路径后重试");
    expect(e.en).toBe("cannot read a.xlsx: a file system error (ESOMETHING). check the path, then try again");
  });
});

describe("asFileError", () => {
  test("a Node system error becomes a FileError naming the path given, not the one inside the error", () => {
    const system = Object.assign(new Error("ENOENT: no such file or directory, open '/tmp/.x.tmp'"), { code: "ENOENT" });
    const e = asFileError(system, "out/x.xlsx", "write") as FileError;
    expect(e).toBeInstanceOf(FileError);
    expect(e.code).toBe("ENOENT");
    expect(e.en).toContain("cannot write out/x.xlsx: the folder or file does not exist");
  });

  test("anything else is returned unchanged (a bug stays a bug)", () => {
    const bug = new TypeError("x is undefined");
    expect(asFileError(bug, "a", "read")).toBe(bug);
    expect(systemErrorCode(Object.assign(new Error(), { code: "ERR_INVALID_ARG_TYPE" }))).toBeNull();
    expect(systemErrorCode({ code: "EACCES" })).toBe("EACCES");
  });
});
