/**
 * The Run keyboard shortcut (shortcuts.json, action RunScenario, declared in manifest.xml's
 * ExtendedOverrides) and the pane's Run button start the same run: the pane registers its run here and
 * commands.ts's action calls it. The add-in page's entries share one webpack runtime, so this module is
 * one instance for the action and the mounted pane.
 */
import shortcuts from "./shortcuts.json";

export const RUN_SCENARIO = "RunScenario";

/** The platforms a shortcut's key may name (shortcuts.json "key"), beside "default". */
export type ShortcutPlatform = "windows" | "mac" | "web";

type RunHandler = () => void;
let handler: RunHandler | null = null;
let pending = false;

/** The pane's run (what its Run button does); returns the unregister. A press before the pane mounted runs now. */
export function setRunHandler(next: RunHandler): () => void {
  handler = next;
  if (pending) {
    pending = false;
    next();
  }
  return () => {
    if (handler === next) handler = null;
  };
}

/** The action: show the pane, then run as its Run button does (on mount, if the pane is not there yet). */
export async function runScenarioAction(showPane: () => Promise<void>): Promise<void> {
  try {
    await showPane();
  } catch {
    // Already shown, or the host would not: the run goes ahead and the pane shows its outcome.
  }
  if (handler) handler();
  else pending = true;
}

/** Office.context.platform → the key shortcuts.json gives that platform. */
export function shortcutPlatform(officePlatform: string | null | undefined): ShortcutPlatform {
  if (officePlatform === "Mac") return "mac";
  if (officePlatform === "OfficeOnline") return "web";
  return "windows";
}

/** The key combination of `action` on `platform` as shortcuts.json declares it (its default where none), or null. */
export function shortcutKey(action: string, platform: ShortcutPlatform): string | null {
  const key = shortcuts.shortcuts.find((s) => s.action === action)?.key as
    Partial<Record<ShortcutPlatform | "default", string>> | undefined;
  return key?.[platform] ?? key?.default ?? null;
}

const MAC_SYMBOLS: Record<string, string> = { Command: "⌘", Alt: "⌥", Ctrl: "⌃", Shift: "⇧" };

/** For people: "Ctrl+Alt+R" as written; on a Mac the symbols ("⌘⌥R"). */
export function displayKey(key: string, platform: ShortcutPlatform): string {
  if (platform !== "mac") return key;
  return key
    .split("+")
    .map((part) => MAC_SYMBOLS[part] ?? part)
    .join("");
}

/** The parts of a keydown event a combination is matched on. */
export interface KeyPress {
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
  /** The physical key ("KeyR"): with Option held a Mac types "®" for R, so event.key would not match. */
  code: string;
}

/** Whether `press` is the combination `key` ("Ctrl+Alt+R", "Command+Alt+R"): these modifiers exactly, this key. */
export function matchesKey(press: KeyPress, key: string): boolean {
  const parts = key.split("+");
  const last = parts.pop() ?? "";
  const code = /^[A-Z]$/i.test(last) ? `Key${last.toUpperCase()}` : /^[0-9]$/.test(last) ? `Digit${last}` : last === "-" ? "Minus" : null;
  const wants = new Set(parts);
  return (
    code === press.code &&
    press.ctrlKey === wants.has("Ctrl") &&
    press.altKey === wants.has("Alt") &&
    press.shiftKey === wants.has("Shift") &&
    press.metaKey === wants.has("Command")
  );
}
