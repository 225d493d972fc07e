/**
 * Chinese names and descriptions of the worksheet functions, keyed by function id and by each
 * parameter's English name. scripts/functions-zh-cn.ts applies this table to the metadata generated
 * from functions.ts (see localize.ts), so ids, types and parameters cannot drift apart.
 * Names: Unicode letters, at least three characters (Excel's rule for function names).
 */
export interface ZhFunctionText {
  name: string;
  description: string;
  /** English parameter name → [Chinese name, Chinese description]. */
  parameters: Record<string, readonly [string, string]>;
}

export const ZH_CN: Record<string, ZhFunctionText> = {
  PERMU: {
    name: "亩均值",
    description: "亩均效益（万元/亩）：金额除以用地面积，如亩均产出、亩均税收。",
    parameters: {
      value: ["金额", "产值、税收或增加值，默认单位亿元。"],
      land: ["用地面积", "用地面积，默认单位亩。"],
      valueUnit: ["金额单位", "金额的单位：亿元（默认）、万元或元。"],
      landUnit: ["面积单位", "面积的单位：亩（默认）、公顷、平方公里或平方米。"],
    },
  },
  UNITCONVERT: {
    name: "单位换算",
    description: "在金额（亿元、万元、元）、面积（亩、公顷、平方公里、平方米）或能耗（万吨标煤、吨标煤）单位之间换算。",
    parameters: {
      value: ["数值", "要换算的数值。"],
      from: ["原单位", "数值的单位，如万元、公顷。"],
      to: ["目标单位", "换算后的单位，须与原单位同类。"],
    },
  },
  CAGR: {
    name: "年均增速",
    description: "从起始值到终值的年均复合增长率。",
    parameters: {
      start: ["起始值", "起始年份的数值（大于 0）。"],
      end: ["终值", "终止年份的数值。"],
      years: ["年数", "两者相隔的年数。"],
    },
  },
  REQUIREDGROWTH: {
    name: "所需增速",
    description: "在给定年数内由基期值达到目标值所需的年均增速。",
    parameters: {
      base: ["基期值", "当前的数值（大于 0）。"],
      target: ["目标值", "要达到的数值。"],
      years: ["年数", "可用的年数。"],
    },
  },
  YEARREACHED: {
    name: "达标年份",
    description: "按固定增速增长时首次达到目标值的年份（永远达不到时为 #N/A）。",
    parameters: {
      base: ["基期值", "基期年份的数值（大于 0）。"],
      rate: ["年增速", "每年增速，以小数表示（0.072 即 7.2%）。"],
      target: ["目标值", "要达到的数值。"],
      baseYear: ["基期年份", "基期年份，如 2017。"],
    },
  },
  DOUBLINGYEAR: {
    name: "翻番年份",
    description: "按固定增速增长时首次翻番（达到基期值两倍）的年份。",
    parameters: {
      base: ["基期值", "基期年份的数值（大于 0）。"],
      rate: ["年增速", "每年增速，以小数表示。"],
      baseYear: ["基期年份", "基期年份，如 2017。"],
    },
  },
  PROJECT: {
    name: "逐年预测",
    description: "按固定增速逐年增长的数值，从基期年份到终止年份溢出为一行。",
    parameters: {
      base: ["基期值", "基期年份的数值。"],
      rate: ["年增速", "每年增速，以小数表示。"],
      baseYear: ["基期年份", "基期年份，如 2017。"],
      endYear: ["终止年份", "最后一年，最多比基期晚 200 年。"],
    },
  },
  SCORE: {
    name: "亩均评价得分",
    description: "各平台的亩均效益综合评价得分：各指标权重 × 指标值 ÷ 基准值之和，单项可封顶。",
    parameters: {
      values: ["指标值", "指标值区域，每行一个平台、每列一个指标；空单元格取该指标的平均单项得分。"],
      benchmarks: ["基准值", "每个指标列一个基准值。"],
      weights: ["权重", "每个指标列一个权重。"],
      caps: ["封顶倍数", "单项得分上限（权重的倍数）：一个数或每个指标列一个。"],
    },
  },
  CLASS: {
    name: "亩均评价分类",
    description: "按得分在所给得分中的排名分为 A、B、C、D 类。",
    parameters: {
      scores: ["得分", "得分区域，在其中排名。"],
      cuts: ["分类比例", "A、B、C、D 类所占比例，合计 100%；默认 20%、60%、15%、5%。"],
    },
  },
  PROBABILITY: {
    name: "达标概率",
    description: "蒙特卡洛模拟：增速服从正态分布时若干年后达到目标值的概率（种子相同则结果相同）。",
    parameters: {
      base: ["基期值", "当前的数值。"],
      mean: ["平均增速", "每年平均增速，以小数表示。"],
      sd: ["增速标准差", "每年增速的标准差。"],
      years: ["年数", "增长的年数。"],
      target: ["目标值", "要达到的数值。"],
      runs: ["模拟次数", "模拟次数（默认 10000）。"],
      seed: ["随机种子", "随机种子，数字或文字（默认 parkplan）。"],
    },
  },
  SCENARIO: {
    name: "情景结果",
    description: "读取 ParkPlan 任务窗格保存在本工作簿中的情景运行结果（没有时为 #N/A）。",
    parameters: {
      scenario: ["情景名称", "情景的名称。"],
      platform: ["平台名称", "平台、主平台、县或全市的名称。"],
      metric: ["指标", "指标，如产值、亩均产出、outputPerMu。"],
      year: ["年份", "年份。"],
      statistic: ["统计量", "确定值（默认）、均值、P10、P50 或 P90。"],
    },
  },
};
