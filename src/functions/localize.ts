/**
 * The zh-CN metadata (functions-zh-cn.json) derived from the English metadata generated from
 * functions.ts's JSDoc and the table in zhCN.ts: only names and descriptions change, so ids, types,
 * dimensionality and optional flags are the generated ones. Any function or parameter the table does
 * not cover (or covers but no longer exists) is an error.
 */
import type { ZhFunctionText } from "./zhCN.js";

interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  [key: string]: unknown;
}
export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

/** The localized metadata; throws listing everything the table lacks or has in excess. */
export function localizeMetadata(english: FunctionsMetadata, table: Record<string, ZhFunctionText>): FunctionsMetadata {
  const problems: string[] = [];
  const ids = new Set(english.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`table has ${id}, which functions.ts does not define`);
  const functions = english.functions.map((f) => {
    const zh = table[f.id];
    if (!zh) {
      problems.push(`no Chinese text for ${f.id}`);
      return f;
    }
    const names = new Set(f.parameters.map((p) => p.name));
    for (const p of Object.keys(zh.parameters))
      if (!names.has(p)) problems.push(`${f.id}: table has parameter ${p}, which the function does not`);
    const parameters = f.parameters.map((p) => {
      const text = zh.parameters[p.name];
      if (!text) problems.push(`${f.id}: no Chinese text for parameter ${p.name}`);
      return text ? { ...p, name: text[0], description: text[1] } : p;
    });
    return { ...f, name: zh.name, description: zh.description, parameters };
  });
  if (problems.length > 0) throw new Error(`functions-zh-cn: ${problems.join("; ")}`);
  return { ...english, functions };
}

/** The file text: the same JSON layout as the generator's (4-space indent), with a final newline. */
export const metadataText = (metadata: FunctionsMetadata): string => `${JSON.stringify(metadata, null, 4)}\n`;
