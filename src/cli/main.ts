/**
 * parkplan: the command line. Parses arguments (commander) and runs one command; see src/cli/README.md.
 * Only commander and the version load up front: each command's modules (exceljs, zod, the model) and the
 * error reporting load when they are needed, so `--version` and `--help` start at once.
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { ENGINE_VERSION } from "../../models/version.js";
import type { CliEnvironment } from "./environment.js";
import type { EXIT_USAGE as USAGE } from "./errors.js";
import { LANG_HELP, parseSheetLanguage } from "./language.js";

/** errors.ts's exit code of a usage error (the type checks it is the same) without loading errors.ts. */
const EXIT_USAGE: typeof USAGE = 2;

const wholeNumber = (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("须为非负整数 / must be a whole number ≥ 0");
  return Number(value);
};

const positiveWhole = (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("须为正整数 / must be a whole number ≥ 1");
  return Number(value);
};
const THREADS_HELP =
  "蒙特卡洛计算线程数（默认：全部核心；结果与线程数无关）/ threads for the Monte Carlo trials (default: all cores; the results do not depend on it)";

/** --max-size in MB (2^20 bytes), to bytes. */
const megabytes = (value: string) => {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw new InvalidArgumentError("须为正数（MB）/ must be a positive number of MB");
  return Math.round(Number(value) * 1024 * 1024);
};
const MAX_SIZE_HELP = "文件及解压后大小上限，单位 MB / size limit of the file and of its uncompressed parts, in MB";

export function program(env: CliEnvironment = {}): Command {
  const cli = new Command("parkplan")
    .description(
      "平台优化提升情景模拟 ParkPlan: project industrial platforms, check plan targets, write the results into a copy of the workbook",
    )
    .version(ENGINE_VERSION)
    .exitOverride()
    .showHelpAfterError();
  cli
    .command("simulate")
    .description("运行情景并写出结果工作簿 / run a scenario and write the projected workbook")
    .argument("<workbook>", "平台表工作簿 .xlsx / the platform workbook")
    .option(
      "--scenario <file>",
      "情景 JSON 文件（默认：工作簿旁的 <名称>.scenario.json）/ scenario JSON (default: <name>.scenario.json beside the workbook)",
    )
    .option("--preset <id>", "目标预设 / target preset (see `parkplan presets`)")
    .option("--sheet <name>", "平台表所在工作表 / the platform sheet (default: detected)")
    .option("--runs <n>", "蒙特卡洛次数 / Monte Carlo runs (0 = deterministic)", wholeNumber)
    .option("--seed <seed>", "随机种子 / random seed")
    .option("--out <file>", "输出工作簿 / output workbook (default: ./<name>-projected.xlsx, .xlsm for an .xlsm)")
    .option("--lang <lang>", LANG_HELP, parseSheetLanguage)
    .option("--json", "在标准输出打印 JSON 结果 / print the results as JSON on stdout")
    .option("--max-size <MB>", MAX_SIZE_HELP, megabytes)
    .option("--threads <n>", THREADS_HELP, positiveWhole)
    .action(async (workbook: string, options) => {
      const { simulateCommand } = await import("./commands.js");
      process.exitCode = await simulateCommand(workbook, options, env);
    });
  cli
    .command("compare")
    .description("在同一平台表上运行多个情景并对比 / run several scenarios on the same platforms and compare them")
    .argument("<workbook>", "平台表工作簿 .xlsx / the platform workbook")
    .argument("<scenarios...>", "情景 JSON 文件（两个或以上）/ scenario JSON files")
    .option("--out <file>", "输出工作簿 / output workbook (default: ./<name>-compared.xlsx, .xlsm for an .xlsm)")
    .option("--lang <lang>", LANG_HELP, parseSheetLanguage)
    .option("--report <file>", "写出 HTML 报告 / write a self-contained HTML report")
    .option("--baseline <name>", "基准情景名称（默认第一个）/ baseline scenario name (default: the first)")
    .option("--sheet <name>", "平台表所在工作表 / the platform sheet (default: detected)")
    .option("--max-size <MB>", MAX_SIZE_HELP, megabytes)
    .option("--threads <n>", THREADS_HELP, positiveWhole)
    .action(async (workbook: string, scenarios: string[], options) => {
      const { compareCommand } = await import("./compare.js");
      process.exitCode = await compareCommand(workbook, scenarios, options, env);
    });
  cli
    .command("reproduce")
    .description("复现工作簿中保存的一次运行，报告数值是否完全一致 / re-run a stored run and report whether every number is identical")
    .argument("<workbook>", "含运行记录的结果工作簿 .xlsx / a projected workbook")
    .argument("<scenario-name>", "情景名称 / the scenario's name (see 运行记录)")
    .option("--limit <n>", "最多列出的差异数 / differences to list", wholeNumber)
    .option("--json", "JSON 输出 / as JSON")
    .option("--max-size <MB>", MAX_SIZE_HELP, megabytes)
    .option("--threads <n>", THREADS_HELP, positiveWhole)
    .action(async (workbook: string, name: string, options) => {
      const { reproduceCommand } = await import("./reproduce.js");
      process.exitCode = await reproduceCommand(workbook, name, options, env);
    });
  cli
    .command("check")
    .description("只读取并校验平台表 / read and validate the platform sheet only")
    .argument("<workbook>", "平台表工作簿 .xlsx / the platform workbook")
    .option("--sheet <name>", "平台表所在工作表 / the platform sheet")
    .option(
      "--scenario <file>",
      "情景 JSON 文件，其增长与拟合增长并列显示（默认：工作簿旁的 <名称>.scenario.json）/ scenario JSON whose growth is shown beside the fitted one (default: <name>.scenario.json beside the workbook)",
    )
    .option("--max-size <MB>", MAX_SIZE_HELP, megabytes)
    .action(async (workbook: string, options) => {
      const { checkCommand } = await import("./commands.js");
      process.exitCode = await checkCommand(workbook, options, env);
    });
  cli
    .command("sensitivity")
    .description("敏感性分析：各假设对一个指标的影响（龙卷风图、双因素表）/ sensitivity: what drives one figure (tornado, two-way table)")
    .argument("<workbook>", "平台表工作簿 .xlsx / the platform workbook")
    .requiredOption("--figure <figure>", "指标 / the figure: target:ID[:SUBJECT] | metric:METRIC:SUBJECT:YEAR")
    .option(
      "--scenario <file>",
      "情景 JSON 文件（默认：工作簿旁的 <名称>.scenario.json）/ scenario JSON (default: <name>.scenario.json beside the workbook)",
    )
    .option("--sheet <name>", "平台表所在工作表 / the platform sheet (default: detected)")
    .option("--assumptions <list>", "只分析这些假设，逗号分隔 / only these assumptions, comma-separated (default: all)")
    .option("--two-way <a,b>", "双因素表的两个假设 / two assumptions for a two-way table, e.g. growth.mean,land.quota")
    .option("--runs <n>", "每次评估的蒙特卡洛次数 / Monte Carlo runs per evaluation (0 = deterministic)", wholeNumber)
    .option("--seed <seed>", "随机种子 / random seed")
    .option("--out <file>", "输出工作簿 / output workbook (default: ./<name>-sensitivity.xlsx, .xlsm for an .xlsm)")
    .option("--lang <lang>", LANG_HELP, parseSheetLanguage)
    .option("--json", "在标准输出打印 JSON 结果 / print the results as JSON on stdout")
    .option("--max-size <MB>", MAX_SIZE_HELP, megabytes)
    .option("--threads <n>", THREADS_HELP, positiveWhole)
    .action(async (workbook: string, options) => {
      const { sensitivityCommand } = await import("./sensitivity.js");
      process.exitCode = await sensitivityCommand(workbook, options, env);
    });
  cli
    .command("optimize")
    .description(
      "优化配置：新增用地指标与能耗指标的最优分配及影子价格（线性规划）/ optimal split of the land quota and energy cap, with shadow prices (LP)",
    )
    .argument("<workbook>", "平台表工作簿 .xlsx / the platform workbook")
    .option(
      "--scenario <file>",
      "情景 JSON 文件（默认：工作簿旁的 <名称>.scenario.json）/ scenario JSON (default: <name>.scenario.json beside the workbook)",
    )
    .option("--objective <kind>", "目标函数 / objective: output | valueAdded | tax (default: optimize.objective, else output)")
    .option("--over <span>", "口径 / over: horizon（预测期末）| all（各年合计）(default: optimize.over, else horizon)")
    .option(
      "--robust <K>",
      "稳健配置：对前 K 次蒙特卡洛试验的期望目标最优（1–200）/ robust: maximise the expected objective over the first K Monte Carlo trials (1–200)",
    )
    .option("--runs <n>", "最优配置的蒙特卡洛次数 / Monte Carlo runs of the optimal plan (0 = deterministic)", wholeNumber)
    .option("--seed <seed>", "随机种子 / random seed")
    .option("--sheet <name>", "平台表所在工作表 / the platform sheet (default: detected)")
    .option("--out <file>", "输出工作簿 / output workbook (default: ./<name>-optimized.xlsx, .xlsm for an .xlsm)")
    .option("--lang <lang>", LANG_HELP, parseSheetLanguage)
    .option("--json", "在标准输出打印 JSON 结果 / print the results as JSON on stdout")
    .option("--max-size <MB>", MAX_SIZE_HELP, megabytes)
    .option("--threads <n>", THREADS_HELP, positiveWhole)
    .action(async (workbook: string, options) => {
      const { optimizeCommand } = await import("./optimize.js");
      process.exitCode = await optimizeCommand(workbook, options, env);
    });
  cli
    .command("solve")
    .description("反推：使目标达标概率达到 p* 所需的杠杆值 / back-solve: the lever value that gives a target probability p*")
    .argument("<workbook>", "平台表工作簿 .xlsx / the platform workbook")
    .requiredOption("--target <id>", "目标编号 / the target id (see `parkplan presets`)")
    .option("--subject <name>", "目标对象（平台、县或全市；默认：逐个对象）/ the subject (platform, county or 全市; default: each subject)")
    .requiredOption("--lever <lever>", "杠杆 / the lever: growth | land | energy | ratio:NAME")
    .option("--probability <p>", "目标概率 p*（默认 0.8）/ the probability to reach (default 0.8)")
    .option("--range <lo,hi>", "杠杆取值范围 / the lever's range LO,HI (default by lever)")
    .option(
      "--scenario <file>",
      "情景 JSON 文件（默认：工作簿旁的 <名称>.scenario.json）/ scenario JSON (default: <name>.scenario.json beside the workbook)",
    )
    .option("--sheet <name>", "平台表所在工作表 / the platform sheet (default: detected)")
    .option("--runs <n>", "每次评估的蒙特卡洛次数 / Monte Carlo runs per evaluation (0 = deterministic)", wholeNumber)
    .option("--seed <seed>", "随机种子 / random seed")
    .option("--out <file>", "输出工作簿 / output workbook (default: ./<name>-solved.xlsx, .xlsm for an .xlsm)")
    .option("--lang <lang>", LANG_HELP, parseSheetLanguage)
    .option("--json", "在标准输出打印 JSON 结果 / print the results as JSON on stdout")
    .option("--max-size <MB>", MAX_SIZE_HELP, megabytes)
    .option("--threads <n>", THREADS_HELP, positiveWhole)
    .action(async (workbook: string, options) => {
      const { solveCommand } = await import("./solve.js");
      process.exitCode = await solveCommand(workbook, options, env);
    });
  cli
    .command("presets")
    .description("列出目标预设 / list the target presets and their targets")
    .option("--json", "JSON 输出 / as JSON")
    .action(async (options) => {
      const { presetsCommand } = await import("./commands.js");
      process.exitCode = presetsCommand(options);
    });
  return cli;
}

/** Run one command line; returns the exit code. `env` injects the file layer and the log folder (tests). */
export async function main(argv: string[], env: CliEnvironment = {}): Promise<number> {
  try {
    await program(env).parseAsync(argv, { from: "user" });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; anything else commander rejects is a usage error.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    return await fatalError(error, argv, env);
  }
}

/**
 * Print what went wrong (an expected error's message, else the internal-error message and its log); resolves
 * to the exit code. Asynchronous because the error tables load on demand (see fatal.ts).
 */
export async function fatalError(error: unknown, argv: readonly string[], env: CliEnvironment = {}): Promise<number> {
  const { fatalError: report } = await import("./fatal.js");
  return report(error, argv, env);
}
