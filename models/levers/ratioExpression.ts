/**
 * A ratio path's `expr` (model.md §2.1): an analyst's formula in t (the year), k (years since the base
 * year) and base (the platform's base ratio r0), parsed and compiled by mathjs once per scenario and
 * evaluated only while the scenario is compiled (a value per platform and year), never inside a trial.
 *
 * What an expression may hold: numbers, the three names, arithmetic, comparisons, `a ? b : c` and calls of
 * mathjs's own functions, except those that change mathjs, evaluate text or draw random numbers (a result
 * must be reproducible). Anything else — another name, an assignment, a matrix, a string — is refused with
 * the expression and the reason, before any value is computed.
 */
import { all, create, type MathJsInstance, type MathNode } from "mathjs";

/** The names an expression may read (model.md §2.1). */
export const EXPRESSION_NAMES = ["t", "k", "base"] as const;
const NAMES = new Set<string>(EXPRESSION_NAMES);

/** mathjs functions refused inside an expression: they alter mathjs, evaluate text or are not reproducible. */
const REFUSED_FUNCTIONS = new Set([
  "import",
  "createUnit",
  "config",
  "typed",
  "reviver",
  "replacer",
  "evaluate",
  "parse",
  "compile",
  "parser",
  "chain",
  "help",
  "simplify",
  "simplifyConstant",
  "simplifyCore",
  "derivative",
  "rationalize",
  "resolve",
  "symbolicEqual",
  "leafCount",
  "random",
  "randomInt",
  "pickRandom",
]);

/** The node kinds of a formula (no assignments, blocks, matrices, objects, ranges or property access). */
const ALLOWED_NODES = new Set([
  "ConstantNode",
  "SymbolNode",
  "OperatorNode",
  "ParenthesisNode",
  "FunctionNode",
  "ConditionalNode",
  "RelationalNode",
]);

/** An expression that cannot be used, in Chinese and English (the caller adds the JSON path). */
export class ExpressionProblem extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "ExpressionProblem";
  }
}

export interface RatioExpression {
  readonly text: string;
  /** Whether it reads `base` (else one value per year serves every platform). */
  readonly usesBase: boolean;
  /** The value at year t, k years after the base year, for base ratio `base`; ExpressionProblem unless a finite number. */
  evaluate(t: number, k: number, base: number): number;
}

/** mathjs's factories resolve lazily: the instance costs ~4 ms until the first parse. */
const math: MathJsInstance = create(all);

/** Parse and check `text`, then compile it; ExpressionProblem when it does not parse or names anything else. */
export function compileRatioExpression(text: string): RatioExpression {
  let root: MathNode;
  try {
    root = math.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExpressionProblem(`表达式“${text}”无法解析：${reason}`, `the expression "${text}" does not parse: ${reason}`);
  }
  let usesBase = false;
  root.traverse((node, path, parent) => {
    if (!ALLOWED_NODES.has(node.type)) {
      throw new ExpressionProblem(
        `表达式“${text}”中含有不允许的结构（${node.type}），只能使用数字、t、k、base、运算符和 mathjs 函数`,
        `the expression "${text}" holds a ${node.type}; only numbers, t, k, base, operators and mathjs functions are allowed`,
      );
    }
    if (node.type === "ConstantNode" && typeof (node as MathNode & { value: unknown }).value !== "number") {
      throw new ExpressionProblem(
        `表达式“${text}”中的常量 ${node.toString()} 不是数字`,
        `the constant ${node.toString()} in the expression "${text}" is not a number`,
      );
    }
    if (node.type !== "SymbolNode") return;
    const name = (node as MathNode & { name: string }).name;
    if (parent?.type === "FunctionNode" && path === "fn") {
      if (REFUSED_FUNCTIONS.has(name) || typeof (math as unknown as Record<string, unknown>)[name] !== "function") {
        throw new ExpressionProblem(
          `表达式“${text}”调用了 ${name}，它不是可用的 mathjs 函数`,
          `the expression "${text}" calls ${name}, which is not an allowed mathjs function`,
        );
      }
      return;
    }
    if (!NAMES.has(name)) {
      throw new ExpressionProblem(
        `表达式“${text}”使用了 ${name}，只能使用 t（年份）、k（距基年年数）和 base（基年比率）`,
        `the expression "${text}" names ${name}; only t (the year), k (years since the base year) and base (the base ratio) may be used`,
      );
    }
    if (name === "base") usesBase = true;
  });
  const code = root.compile();
  return {
    text,
    usesBase,
    evaluate(t, k, base) {
      let value: unknown;
      try {
        value = code.evaluate({ t, k, base });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ExpressionProblem(
          `表达式“${text}”在 t = ${t}、k = ${k}、base = ${base} 时无法计算：${reason}`,
          `the expression "${text}" cannot be evaluated at t = ${t}, k = ${k}, base = ${base}: ${reason}`,
        );
      }
      if (typeof value === "number" && Number.isFinite(value)) return value;
      const shown =
        typeof value === "number" ? String(value) : typeof value === "object" && value !== null ? String(value) : JSON.stringify(value);
      throw new ExpressionProblem(
        `表达式“${text}”在 t = ${t}、k = ${k}、base = ${base} 时结果为 ${shown}，不是有限数值`,
        `the expression "${text}" gives ${shown} at t = ${t}, k = ${k}, base = ${base}, not a finite number`,
      );
    },
  };
}
