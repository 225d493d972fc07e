/**
 * One hostile case: inputs a script builds in a fresh folder, the command line arguments to run on them,
 * and what the user must be told. The runner (hostile.test.ts) runs `main(args)` in-process with cwd =
 * the case's folder and asserts, for every case: the exit code, each `mentions` text (a sheet!cell, a
 * JSON path, a file path) in the output, Chinese and English text, no stack trace, every file in
 * `unchanged` byte-identical after the run, and no file in `absent` (nor any *.tmp) left behind.
 */
export interface HostileCase {
  /** Unique, kebab-case: "wb-nonfinite-output", "out-path-is-folder", "scenario-bad-json" … */
  id: string;
  /** One line: what a user did. */
  what: string;
  /** Build the inputs in `dir` (an empty folder of its own); return the arguments of `parkplan`, paths relative to `dir` or absolute. */
  setup(dir: string): Promise<string[]> | string[];
  expect: {
    exit: 0 | 1 | 2;
    /** Texts that must appear in stdout + stderr, e.g. "平台基本情况!F7" or "growth.sd" or the output path. */
    mentions: string[];
    /** A Chinese text (or pattern) and an English one the message must hold. */
    zh: string | RegExp;
    en: string | RegExp;
    /** Files (relative to `dir`) that must be byte-identical after the run; default: every file setup made. */
    unchanged?: string[];
    /** Files (relative to `dir`) that must not exist after the run. */
    absent?: string[];
  };
  /** Undo anything setup did outside `dir` or to permissions (chmod back), run after the case. */
  cleanup?(dir: string): Promise<void> | void;
}
