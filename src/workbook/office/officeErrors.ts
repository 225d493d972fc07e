/**
 * Excel's refusals (OfficeExtension.Error, `code` from OfficeExtension.ErrorCodes / Excel.ErrorCodes) as
 * bilingual WorkbookErrors that say what to do. Excel's own `message` is localized to the Office UI and
 * meant for developers, so it is never shown; an unknown code stays visible inside a bilingual sentence.
 */
import { WorkbookError } from "../port.js";

interface Advice {
  zh: string;
  en: string;
}

/** Every code the adapter can meet, with what the user should do. */
export const OFFICE_ERROR_ADVICE: Record<string, Advice> = {
  InvalidOperationInCellEditMode: {
    zh: "Excel 正在编辑单元格：请按 Enter 或 Esc 退出编辑后重试",
    en: "Excel is editing a cell: press Enter or Esc to leave the cell, then try again",
  },
  AccessDenied: {
    zh: "Excel 拒绝访问：工作簿或工作表可能受保护、只读或正由他人编辑；请取消保护（审阅 → 保护工作簿/工作表）或另存一份副本后重试",
    en: "Excel denied access: the workbook or sheet may be protected, read-only or being edited by someone else; unprotect it (Review → Protect Workbook/Sheet) or save a copy, then try again",
  },
  ItemAlreadyExists: {
    zh: "已存在同名的工作表或表格：请重命名或删除它后重试",
    en: "a sheet or table with that name already exists: rename or delete it, then try again",
  },
  ItemNotFound: {
    zh: "要使用的工作表、表格或单元格已不存在（可能刚被删除或重命名）：请刷新任务窗格后重试",
    en: "the sheet, table or cell to use no longer exists (it may have just been deleted or renamed): refresh the task pane and try again",
  },
  RequestPayloadSizeLimitExceeded: {
    zh: "一次发送给 Excel 的数据超过了大小上限（网页版 Excel 为 5 MB）：请减少平台数或年份后重试，并把此问题报告给 ParkPlan",
    en: "the data sent to Excel in one request passed the size limit (5 MB in Excel on the web): try fewer platforms or years, and report this to ParkPlan",
  },
  ResponsePayloadSizeLimitExceeded: {
    zh: "Excel 返回的数据超过了大小上限（网页版 Excel 为 5 MB）：请删除工作表中不需要的大片数据，或在桌面版 Excel 中打开后重试",
    en: "the data Excel returned passed the size limit (5 MB in Excel on the web): remove large unneeded blocks from the sheet, or open the workbook in desktop Excel, then try again",
  },
  GeneralException: {
    zh: "Excel 内部出错：请保存工作簿，关闭后重新打开再试",
    en: "Excel failed internally: save the workbook, close and reopen it, then try again",
  },
  InvalidOperation: {
    zh: "Excel 不允许此操作（例如删除最后一个可见工作表、在表格内合并单元格，或工作表处于特殊状态）：请检查工作簿后重试",
    en: "Excel does not allow this operation (for example deleting the last visible sheet, merging inside a table, or a sheet in a special state): check the workbook, then try again",
  },
  InvalidArgument: {
    zh: "Excel 不接受写入的某个值或名称：请把此问题报告给 ParkPlan",
    en: "Excel rejected a value or name being written: report this to ParkPlan",
  },
  InvalidReference: {
    zh: "引用的区域对此操作无效：请刷新任务窗格后重试",
    en: "the referenced range is not valid for this operation: refresh the task pane and try again",
  },
  Conflict: {
    zh: "工作簿正被他人同时编辑，更改发生冲突：请稍候片刻后重试",
    en: "someone else is editing the workbook and the changes conflict: wait a moment, then try again",
  },
  EditModeCannotAuthenticate: {
    zh: "无法验证你的身份：请重新登录 Office 后重试",
    en: "your identity could not be verified: sign in to Office again, then try again",
  },
  Unauthenticated: {
    zh: "未登录或登录已过期：请重新登录 Office 后重试",
    en: "not signed in, or the sign-in expired: sign in to Office again, then try again",
  },
  ApiNotFound: {
    zh: "此版本的 Excel 不支持所需功能：请更新 Office，或改用独立网页版（上传 .xlsx 文件）",
    en: "this version of Excel lacks a needed feature: update Office, or use the standalone page (open the .xlsx file there)",
  },
  NotImplemented: {
    zh: "此版本的 Excel 未实现所需功能：请更新 Office，或改用独立网页版（上传 .xlsx 文件）",
    en: "this version of Excel does not implement a needed feature: update Office, or use the standalone page (open the .xlsx file there)",
  },
  UnsupportedOperation: {
    zh: "此 Excel 不支持该操作：请更新 Office，或在桌面版 Excel 中重试",
    en: "this Excel does not support the operation: update Office, or try again in desktop Excel",
  },
  UnsupportedSheet: {
    zh: "不能在此类工作表（如宏表或对话框表）上操作：请选择普通工作表",
    en: "this kind of sheet (a macro or dialog sheet) cannot be used: choose an ordinary worksheet",
  },
  MergedRangeConflict: {
    zh: "操作与已合并的单元格冲突：请取消相关单元格的合并后重试",
    en: "the operation conflicts with merged cells: unmerge them, then try again",
  },
  InsertDeleteConflict: {
    zh: "插入或删除单元格与其他对象（表格、数据透视表、合并单元格）冲突：请检查工作表后重试",
    en: "inserting or deleting cells conflicts with another object (a table, a PivotTable, merged cells): check the sheet, then try again",
  },
  PivotTableRangeConflict: {
    zh: "区域与数据透视表重叠：请移动或删除该数据透视表后重试",
    en: "the range overlaps a PivotTable: move or delete it, then try again",
  },
  FilteredRangeConflict: {
    zh: "区域处于筛选状态：请清除筛选后重试",
    en: "the range is filtered: clear the filter, then try again",
  },
  RangeExceedsLimit: {
    zh: "区域的单元格数超过了 Excel 的上限：请减少平台数或年份后重试",
    en: "the range has more cells than Excel allows: try fewer platforms or years",
  },
  OperationCellsExceedLimit: {
    zh: "一次操作涉及的单元格超过了 Excel 的上限：请减少平台数或年份后重试",
    en: "the operation touches more cells than Excel allows: try fewer platforms or years",
  },
  InactiveWorkbook: {
    zh: "工作簿已不处于活动状态（可能已关闭）：请重新打开工作簿后重试",
    en: "the workbook is no longer active (it may have been closed): reopen it, then try again",
  },
  RequestAborted: {
    zh: "请求在运行中被中止：请重试",
    en: "the request was aborted while running: try again",
  },
  ConnectionFailure: {
    zh: "与 Excel 的连接中断：请检查网络后重试",
    en: "the connection to Excel was lost: check the network, then try again",
  },
};

/** An Excel refusal, mapped: `officeCode` keeps Excel's code for tests and reports. */
export class OfficeError extends WorkbookError {
  constructor(
    readonly officeCode: string,
    zh: string,
    en: string,
    options?: { cause?: unknown },
  ) {
    super("office", zh, en);
    this.name = "OfficeError";
    if (options && "cause" in options) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** The OfficeExtension.Error code of a thrown value, or null when it is not an Office error. */
export function officeCodeOf(err: unknown): string | null {
  if (err instanceof WorkbookError || typeof err !== "object" || err === null) return null;
  const code = (err as { code?: unknown }).code;
  // Office codes are PascalCase words ("ItemNotFound"); Node's are upper case ("ENOENT").
  return typeof code === "string" && /^[A-Z][a-z][A-Za-z]*$/.test(code) ? code : null;
}

/** Where Excel says it failed ("Worksheet.delete"): short, no stack. */
function locationOf(err: unknown): string | null {
  const at = (err as { debugInfo?: { errorLocation?: unknown } }).debugInfo?.errorLocation;
  return typeof at === "string" && at.length > 0 && at.length <= 80 ? at : null;
}

/** Office errors become OfficeErrors; everything else (ParkPlan's own errors, bugs) passes unchanged. */
export function toWorkbookError(err: unknown): unknown {
  const code = officeCodeOf(err);
  if (code === null) return err;
  const advice = OFFICE_ERROR_ADVICE[code];
  const at = locationOf(err);
  const whereZh = at ? `（位置：${at}）` : "";
  const whereEn = at ? ` (at ${at})` : "";
  if (advice) return new OfficeError(code, `${advice.zh}${whereZh}`, `${advice.en}${whereEn}`, { cause: err });
  return new OfficeError(
    code,
    `Excel 拒绝了此操作（错误代码 ${code}${at ? `，位置：${at}` : ""}）：请重试；如仍失败，请保存并重新打开工作簿，再把错误代码报告给 ParkPlan`,
    `Excel refused the operation (error code ${code}${at ? `, at ${at}` : ""}): try again; if it keeps failing, save and reopen the workbook, and report the code to ParkPlan`,
    { cause: err },
  );
}
