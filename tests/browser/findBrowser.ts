/**
 * Finds a Chromium-family browser for the browser tests, in this order: an environment variable, a system
 * Chromium / Chrome / Edge, then the Chromium shipped inside the npm package `@sparticuz/chromium` (Linux
 * x64, an optional dependency). Pure apart from the probe it is given, so it is tested with fake file
 * systems and environments (tests/browser/findBrowser.test.ts).
 */
import path from "node:path";

/** Variables naming the browser executable, first wins. PARKPLAN_CHROMIUM is the older name. */
export const BROWSER_ENV_VARS = ["PARKPLAN_BROWSER", "PARKPLAN_CHROMIUM", "CHROME_PATH"] as const;

/** What the finder may look at: injected so tests can fake every machine. */
export interface BrowserProbe {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  arch: string;
  homedir: string;
  /** True when `file` exists and is a file. */
  isFile(file: string): boolean;
  /** The Chromium of a registry package, or null when the package is not installed or fails to unpack. */
  packagedBrowser(): Promise<string | null>;
}

export type BrowserSource = "env" | "system" | "package";

export type BrowserSearch =
  { found: true; path: string; source: BrowserSource; name: string } | { found: false; reason: string; install: string };

/** Executable names looked up on PATH (Linux), most specific first. */
const LINUX_COMMANDS = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "microsoft-edge-stable", "microsoft-edge"];
/** Fixed Linux locations that need not be on PATH. */
const LINUX_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/opt/google/chrome/chrome",
  "/opt/microsoft/msedge/msedge",
];
/** macOS app bundles: [bundle, executable inside Contents/MacOS]. */
const MAC_APPS: [string, string][] = [
  ["Google Chrome.app", "Google Chrome"],
  ["Chromium.app", "Chromium"],
  ["Microsoft Edge.app", "Microsoft Edge"],
];
/** Windows installs under Program Files or the user's AppData: [vendor folder, executable]. */
const WINDOWS_APPS: [string, string][] = [
  ["Google\\Chrome\\Application", "chrome.exe"],
  ["Microsoft\\Edge\\Application", "msedge.exe"],
  ["Chromium\\Application", "chrome.exe"],
];

/** Every place a system browser may live on this platform, in the order tried. */
export function systemBrowserCandidates(probe: Pick<BrowserProbe, "env" | "platform" | "homedir">): string[] {
  const { env, platform } = probe;
  if (platform === "darwin") {
    const roots = ["/Applications", path.posix.join(probe.homedir, "Applications")];
    return roots.flatMap((root) => MAC_APPS.map(([app, exe]) => path.posix.join(root, app, "Contents", "MacOS", exe)));
  }
  if (platform === "win32") {
    const roots = [env["PROGRAMFILES"], env["PROGRAMFILES(X86)"], env["LOCALAPPDATA"]].filter((r): r is string => !!r);
    return roots.flatMap((root) => WINDOWS_APPS.map(([dir, exe]) => path.win32.join(root, dir, exe)));
  }
  const dirs = (env["PATH"] ?? "").split(path.posix.delimiter).filter((d) => d.startsWith("/"));
  const onPath = LINUX_COMMANDS.flatMap((cmd) => dirs.map((dir) => path.posix.join(dir, cmd)));
  return [...new Set([...onPath, ...LINUX_PATHS])];
}

/** The one command that gets a browser on this platform, for the skip line and the CI failure. */
export function installHint(platform: NodeJS.Platform): string {
  if (platform === "darwin") return "brew install --cask google-chrome（或安装 Chrome / Edge）/ or install Chrome or Edge";
  if (platform === "win32") return "winget install Google.Chrome（或安装 Edge）/ or install Edge";
  return "sudo apt-get install chromium";
}

export async function findBrowser(probe: BrowserProbe): Promise<BrowserSearch> {
  const install = installHint(probe.platform);
  for (const name of BROWSER_ENV_VARS) {
    const value = probe.env[name];
    if (!value) continue;
    // A variable that names nothing is a mistake to report, not a reason to quietly test another browser.
    if (!probe.isFile(value)) return { found: false, reason: `${name}=${value} 不是文件 / is not a file`, install: `unset ${name}` };
    return { found: true, path: value, source: "env", name };
  }
  const system = systemBrowserCandidates(probe).find((file) => probe.isFile(file));
  if (system) return { found: true, path: system, source: "system", name: system };
  // @sparticuz/chromium ships a Linux x64 build only.
  if (probe.platform === "linux" && probe.arch === "x64") {
    const packaged = await probe.packagedBrowser();
    if (packaged) return { found: true, path: packaged, source: "package", name: "@sparticuz/chromium" };
  }
  return { found: false, reason: "找不到 Chromium、Chrome 或 Edge / no Chromium, Chrome or Edge found", install };
}
