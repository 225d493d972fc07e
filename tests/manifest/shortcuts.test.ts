/**
 * The Run keyboard shortcut: manifest.xml points its ExtendedOverrides at the shortcuts file webpack copies,
 * the file follows Microsoft's rules for key combinations, every action of it is associated by the add-in
 * page's commands (checked with office-addin-mock), and the action shows the pane and starts the run the
 * pane registered — the one its Run button starts.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, test, vi } from "vitest";
import shortcuts from "../../src/commands/shortcuts.json";
import {
  displayKey,
  matchesKey,
  RUN_SCENARIO,
  runScenarioAction,
  setRunHandler,
  shortcutKey,
  shortcutPlatform,
} from "../../src/commands/runShortcut.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** Microsoft's rules: one or more of Ctrl/Alt/Command (Shift only with one of them), then exactly one key A–Z, 0–9, -, _ or +. */
function validCombination(key: string): boolean {
  const parts = key.split("+");
  const last = parts.pop()!;
  const modifiers = new Set(parts);
  if (parts.length !== modifiers.size || parts.some((m) => !["Ctrl", "Alt", "Command", "Shift"].includes(m))) return false;
  if (![...modifiers].some((m) => m !== "Shift")) return false;
  return /^[A-Z0-9_-]$/.test(last);
}

/** An office.js stand-in through office-addin-mock: associate records, showAsTaskpane counts. */
function mockOffice() {
  const associated = new Map<string, (arg?: unknown) => unknown>();
  const shown = vi.fn(() => Promise.resolve());
  const office = new OfficeMockObject({
    actions: { associate: (id: string, fn: (arg?: unknown) => unknown) => void associated.set(id, fn) },
    addin: { showAsTaskpane: shown },
  }) as unknown as Parameters<typeof import("../../src/commands/commands.js").associateActions>[0];
  return { office, associated, shown };
}

let unregister: (() => void) | null = null;
afterEach(() => {
  unregister?.();
  unregister = null;
  vi.unstubAllGlobals();
});

describe("manifest and shortcuts.json", () => {
  test("ExtendedOverrides follows VersionOverrides and names the file webpack copies as shortcuts.json", () => {
    expect(xml).toMatch(
      /<\/VersionOverrides>\s*(<!--[\s\S]*?-->\s*)?<ExtendedOverrides Url="https:\/\/localhost:3000\/shortcuts\.json" \/>\s*<\/OfficeApp>/,
    );
    expect(readFileSync(join(ROOT, "webpack.config.js"), "utf8")).toContain(
      '{ from: "src/commands/shortcuts.json", to: "shortcuts.json" }',
    );
  });

  test("every action has an id, the ExecuteFunction type and a bilingual name (Chinese first); every shortcut names an action", () => {
    const ids = shortcuts.actions.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of shortcuts.actions) {
      expect(a.type).toBe("ExecuteFunction");
      expect(a.name).toMatch(/^[\u4e00-\u9fff].* \/ [A-Za-z]/);
    }
    for (const s of shortcuts.shortcuts) expect(ids).toContain(s.action);
    expect(ids).toContain(RUN_SCENARIO);
  });

  test("the combinations follow Microsoft's rules and avoid the ones the web cannot override", () => {
    const refused = [
      "Ctrl+N",
      "Ctrl+Shift+N",
      "Ctrl+T",
      "Ctrl+Shift+T",
      "Ctrl+W",
      "Ctrl+Shift+W",
      "Ctrl+Shift+S",
      "Ctrl+X",
      "Ctrl+C",
      "Ctrl+V",
    ];
    for (const s of shortcuts.shortcuts) {
      const keys = Object.values(s.key);
      expect(s.key.default, s.action).toBeTruthy();
      for (const k of keys) {
        expect(validCombination(k), k).toBe(true);
        expect(refused).not.toContain(k);
      }
    }
    expect(validCombination("Shift+R")).toBe(false);
    expect(validCombination("Ctrl+Alt+RR")).toBe(false);
  });

  test("the Run key per platform, as the pane shows it", () => {
    expect(shortcutKey(RUN_SCENARIO, shortcutPlatform("PC"))).toBe("Ctrl+Alt+R");
    expect(shortcutKey(RUN_SCENARIO, shortcutPlatform("OfficeOnline"))).toBe("Ctrl+Alt+R");
    expect(shortcutKey(RUN_SCENARIO, shortcutPlatform("Mac"))).toBe("Command+Alt+R");
    expect(displayKey("Command+Alt+R", "mac")).toBe("⌘⌥R");
    expect(displayKey("Ctrl+Alt+R", "windows")).toBe("Ctrl+Alt+R");
    expect(shortcutKey("NoSuchAction", "windows")).toBeNull();
  });
});

describe("matchesKey (the pane's own keydown on the standalone page and Excel on the web)", () => {
  const press = (code: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }>) => ({
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    code,
    ...mods,
  });
  test("the modifiers exactly and the physical key", () => {
    expect(matchesKey(press("KeyR", { ctrlKey: true, altKey: true }), "Ctrl+Alt+R")).toBe(true);
    expect(matchesKey(press("KeyR", { metaKey: true, altKey: true }), "Command+Alt+R")).toBe(true);
    expect(matchesKey(press("KeyR", { ctrlKey: true }), "Ctrl+Alt+R")).toBe(false);
    expect(matchesKey(press("KeyR", { ctrlKey: true, altKey: true, shiftKey: true }), "Ctrl+Alt+R")).toBe(false);
    expect(matchesKey(press("KeyT", { ctrlKey: true, altKey: true }), "Ctrl+Alt+R")).toBe(false);
    expect(matchesKey(press("Digit1", { ctrlKey: true, altKey: true }), "Ctrl+Alt+1")).toBe(true);
  });
});

describe("the page's actions (office-addin-mock)", () => {
  test("commands.ts associates every action of shortcuts.json when office.js is ready", async () => {
    const { office, associated } = mockOffice();
    await importWithOffice(office);
    expect([...associated.keys()].sort()).toEqual(["showPane", ...shortcuts.actions.map((a) => a.id)].sort());
  });

  test("RunScenario shows the pane, then runs the pane's run once", async () => {
    const { office, associated, shown } = mockOffice();
    (await importWithOffice(office)).associateActions(office);
    const run = vi.fn();
    unregister = setRunHandler(run);
    await associated.get(RUN_SCENARIO)!();
    expect(shown).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  test("a press before the pane registered its run runs it once the pane does; after unregistering nothing runs", async () => {
    const run = vi.fn();
    await runScenarioAction(() => Promise.reject(new Error("already shown")));
    unregister = setRunHandler(run);
    expect(run).toHaveBeenCalledTimes(1);
    unregister();
    unregister = setRunHandler(run);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

/** commands.ts as the add-in page loads it (an Office global with onReady); evaluated once, by the first test. */
async function importWithOffice(office: object) {
  vi.stubGlobal("Office", Object.assign(office, { onReady: (cb: () => void) => (cb(), Promise.resolve()) }));
  return import("../../src/commands/commands.js");
}
