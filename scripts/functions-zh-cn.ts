/**
 * Writes src/functions/functions-zh-cn.json: the metadata custom-functions-metadata generates from
 * src/functions/functions.ts (as the webpack plugin does for functions.json), with the Chinese names
 * and descriptions of src/functions/zhCN.ts. Run after changing a function's JSDoc or the table:
 *   npx tsx scripts/functions-zh-cn.ts           (write)
 *   npx tsx scripts/functions-zh-cn.ts --check   (exit 1 when the file is out of date)
 * tests/functions/metadata.test.ts fails while the committed file is out of date.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { localizeMetadata, metadataText, type FunctionsMetadata } from "../src/functions/localize.js";
import { ZH_CN } from "../src/functions/zhCN.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const FUNCTIONS_SOURCE = join(ROOT, "src", "functions", "functions.ts");
export const ZH_CN_FILE = join(ROOT, "src", "functions", "functions-zh-cn.json");

/** The English metadata of functions.ts, exactly as the webpack plugin generates it; throws on JSDoc errors. */
export async function englishMetadata(): Promise<FunctionsMetadata> {
  // A path relative to the working directory, as the plugin passes it, keeps error positions readable.
  const result = await generateCustomFunctionsMetadata(relative(process.cwd(), FUNCTIONS_SOURCE) || FUNCTIONS_SOURCE);
  if (result.errors.length > 0) throw new Error(`functions.ts: ${result.errors.join("; ")}`);
  return JSON.parse(result.metadataJson) as FunctionsMetadata;
}

/** The text functions-zh-cn.json should hold. */
export async function zhCnText(): Promise<string> {
  return metadataText(localizeMetadata(await englishMetadata(), ZH_CN));
}

async function main(): Promise<void> {
  const text = await zhCnText();
  if (process.argv.includes("--check")) {
    const current = readFileSync(ZH_CN_FILE, "utf8");
    if (current !== text) {
      console.error("src/functions/functions-zh-cn.json is out of date: run npx tsx scripts/functions-zh-cn.ts");
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(ZH_CN_FILE, text);
  console.log(`wrote ${relative(ROOT, ZH_CN_FILE)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
