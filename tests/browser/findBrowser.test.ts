/**
 * findBrowser on fake machines: which browser wins on Linux, macOS and Windows, what a wrong variable
 * gets, when the packaged Chromium is asked for, and the one command printed when nothing is found.
 */
import { describe, expect, test } from "vitest";
import { findBrowser, installHint, systemBrowserCandidates, type BrowserProbe } from "./findBrowser.js";

/** A machine with exactly `files`, and a packaged browser at `packaged` (or none). */
function machine(
  over: Partial<BrowserProbe> & { files?: string[]; packaged?: string | null },
): BrowserProbe & { packageAsked: () => number } {
  const files = new Set(over.files ?? []);
  let asked = 0;
  return {
    env: over.env ?? { PATH: "/usr/local/bin:/usr/bin:/bin" },
    platform: over.platform ?? "linux",
    arch: over.arch ?? "x64",
    homedir: over.homedir ?? "/home/ana",
    isFile: (f) => files.has(f),
    packagedBrowser: async () => {
      asked += 1;
      return over.packaged ?? null;
    },
    packageAsked: () => asked,
  };
}

describe("findBrowser", () => {
  test("PARKPLAN_BROWSER wins over a system Chromium and the package, which is then not unpacked", async () => {
    const m = machine({
      env: { PARKPLAN_BROWSER: "/opt/my/chrome", PATH: "/usr/bin" },
      files: ["/opt/my/chrome", "/usr/bin/chromium"],
      packaged: "/tmp/chromium",
    });
    expect(await findBrowser(m)).toEqual({ found: true, path: "/opt/my/chrome", source: "env", name: "PARKPLAN_BROWSER" });
    expect(m.packageAsked()).toBe(0);
  });

  test("the older PARKPLAN_CHROMIUM and CHROME_PATH are read, in that order", async () => {
    const both = machine({ env: { PARKPLAN_CHROMIUM: "/a/chromium", CHROME_PATH: "/b/chrome" }, files: ["/a/chromium", "/b/chrome"] });
    expect(await findBrowser(both)).toMatchObject({ path: "/a/chromium", name: "PARKPLAN_CHROMIUM" });
    const chromePath = machine({ env: { CHROME_PATH: "/b/chrome" }, files: ["/b/chrome", "/usr/bin/chromium"] });
    expect(await findBrowser(chromePath)).toMatchObject({ path: "/b/chrome", source: "env", name: "CHROME_PATH" });
  });

  test("a variable naming no file is reported with its value, not silently replaced by another browser", async () => {
    const m = machine({ env: { PARKPLAN_BROWSER: "/nope/chrome", PATH: "/usr/bin" }, files: ["/usr/bin/chromium"] });
    const r = await findBrowser(m);
    expect(r.found).toBe(false);
    if (r.found) return;
    expect(r.reason).toContain("PARKPLAN_BROWSER=/nope/chrome");
    expect(r.reason).toMatch(/不是文件.*is not a file/);
    expect(r.install).toBe("unset PARKPLAN_BROWSER");
  });

  test("Linux: a Chromium on PATH comes before Chrome and before fixed paths", async () => {
    const m = machine({
      env: { PATH: "/home/ana/bin:/usr/bin" },
      files: ["/usr/bin/google-chrome", "/home/ana/bin/chromium", "/opt/google/chrome/chrome"],
    });
    expect(await findBrowser(m)).toEqual({ found: true, path: "/home/ana/bin/chromium", source: "system", name: "/home/ana/bin/chromium" });
  });

  test("Linux: Edge in /opt is found with an empty PATH; relative PATH entries are ignored", async () => {
    const m = machine({ env: { PATH: "bin:." }, files: ["bin/chromium", "/opt/microsoft/msedge/msedge"] });
    expect(await findBrowser(m)).toMatchObject({ found: true, path: "/opt/microsoft/msedge/msedge", source: "system" });
  });

  test("Linux x64 without a system browser: the packaged Chromium", async () => {
    const m = machine({ packaged: "/tmp/chromium" });
    expect(await findBrowser(m)).toEqual({ found: true, path: "/tmp/chromium", source: "package", name: "@sparticuz/chromium" });
    expect(m.packageAsked()).toBe(1);
  });

  test("Linux arm64: the x64-only package is not asked; nothing found names apt-get", async () => {
    const m = machine({ arch: "arm64", packaged: "/tmp/chromium" });
    expect(await findBrowser(m)).toEqual({
      found: false,
      reason: "找不到 Chromium、Chrome 或 Edge / no Chromium, Chrome or Edge found",
      install: "sudo apt-get install chromium",
    });
    expect(m.packageAsked()).toBe(0);
  });

  test("macOS: app bundles in /Applications, then ~/Applications; never the Linux package", async () => {
    const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    const edge = "/Users/ana/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
    const m = machine({ platform: "darwin", arch: "x64", homedir: "/Users/ana", files: [edge, chrome], packaged: "/tmp/chromium" });
    expect(await findBrowser(m)).toMatchObject({ path: chrome, source: "system" });
    const onlyEdge = machine({ platform: "darwin", homedir: "/Users/ana", files: [edge], packaged: "/tmp/chromium" });
    expect(await findBrowser(onlyEdge)).toMatchObject({ path: edge });
    const none = machine({ platform: "darwin", homedir: "/Users/ana", packaged: "/tmp/chromium" });
    expect(await findBrowser(none)).toMatchObject({ found: false, install: installHint("darwin") });
    expect(none.packageAsked()).toBe(0);
  });

  test("Windows: Chrome or Edge under Program Files, Program Files (x86) or the user's AppData", async () => {
    const env = {
      PROGRAMFILES: "C:\\Program Files",
      "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
      LOCALAPPDATA: "C:\\Users\\ana\\AppData\\Local",
    };
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    expect(await findBrowser(machine({ platform: "win32", env, files: [edge] }))).toMatchObject({
      found: true,
      path: edge,
      source: "system",
    });
    const userChrome = "C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
    expect(await findBrowser(machine({ platform: "win32", env, files: [userChrome, edge] }))).toMatchObject({ path: edge });
    expect(await findBrowser(machine({ platform: "win32", env: { LOCALAPPDATA: env.LOCALAPPDATA }, files: [userChrome] }))).toMatchObject({
      path: userChrome,
    });
  });
});

describe("systemBrowserCandidates", () => {
  test("Linux: each command in each absolute PATH folder, then the fixed paths, without duplicates", () => {
    const list = systemBrowserCandidates({ env: { PATH: "/usr/bin:/bin" }, platform: "linux", homedir: "/root" });
    expect(list.slice(0, 2)).toEqual(["/usr/bin/chromium", "/bin/chromium"]);
    expect(list).toContain("/snap/bin/chromium");
    expect(list.filter((f) => f === "/usr/bin/chromium")).toHaveLength(1);
    // 6 commands × 2 folders, plus 5 fixed paths of which 2 (/usr/bin/chromium, /usr/bin/chromium-browser) repeat.
    expect(list).toHaveLength(6 * 2 + 5 - 2);
  });

  test("Windows with no Program Files variables: nothing to look at", () => {
    expect(systemBrowserCandidates({ env: {}, platform: "win32", homedir: "C:\\Users\\ana" })).toEqual([]);
  });
});
