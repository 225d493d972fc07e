/**
 * File-system failures as the user must read them: one table from Node's error codes (ENOENT, EACCES,
 * ENOSPC …) to what went wrong and what to do, in Chinese and English, and FileError carrying the path.
 * Pure (no Node imports): the codes are plain strings, so the pane can reuse the messages.
 */

export type FileAction = "read" | "write";

interface CodeMessage {
  zh: string;
  en: string;
  /** What the user can do about it. */
  doZh: string;
  doEn: string;
}

/** Every error code we explain. Another code falls back to UNKNOWN_CODE with the code named. */
export const FILE_ERROR_MESSAGES = {
  ENOENT: {
    zh: "文件夹或文件不存在",
    en: "the folder or file does not exist",
    doZh: "请检查路径，或先创建该文件夹",
    doEn: "check the path, or create the folder first",
  },
  EISDIR: {
    zh: "该路径是一个文件夹，不是文件",
    en: "the path is a folder, not a file",
    doZh: "请在路径末尾写上文件名",
    doEn: "give a file name at the end of the path",
  },
  ENOTDIR: {
    zh: "路径中的某一级是文件而不是文件夹",
    en: "a part of the path is a file, not a folder",
    doZh: "请检查路径中的各级文件夹",
    doEn: "check the folders along the path",
  },
  EACCES: {
    zh: "没有权限",
    en: "permission denied",
    doZh: "请选择有写入权限的文件夹，或请管理员授权",
    doEn: "choose a folder you may write to, or ask for permission",
  },
  EPERM: {
    zh: "操作不被允许（文件可能被设为只读或被其他程序锁定）",
    en: "operation not permitted (the file may be read-only or locked by another program)",
    doZh: "请关闭正在使用该文件的程序（如 Excel、WPS），或取消只读后重试",
    doEn: "close the program using the file (Excel, WPS …) or clear its read-only flag, then try again",
  },
  EROFS: {
    zh: "所在磁盘或文件夹是只读的",
    en: "the disk or folder is read-only",
    doZh: "请另选一个可写的文件夹",
    doEn: "choose a folder on a writable disk",
  },
  ENOSPC: {
    zh: "磁盘空间已满",
    en: "the disk is full",
    doZh: "请清理磁盘空间或另选磁盘后重试",
    doEn: "free some disk space or choose another disk, then try again",
  },
  EDQUOT: {
    zh: "已超出磁盘配额",
    en: "the disk quota is exceeded",
    doZh: "请清理空间或另选磁盘后重试",
    doEn: "free some space or choose another disk, then try again",
  },
  EBUSY: {
    zh: "文件正被其他程序使用或锁定",
    en: "the file is in use or locked by another program",
    doZh: "请关闭正在使用该文件的程序（如 Excel、WPS）后重试",
    doEn: "close the program using the file (Excel, WPS …), then try again",
  },
  EEXIST: { zh: "文件已存在", en: "the file already exists", doZh: "请另选文件名", doEn: "choose another file name" },
  EMFILE: {
    zh: "同时打开的文件过多",
    en: "too many open files",
    doZh: "请关闭一些程序后重试",
    doEn: "close some programs, then try again",
  },
  ENFILE: {
    zh: "系统打开的文件过多",
    en: "the system has too many open files",
    doZh: "请关闭一些程序后重试",
    doEn: "close some programs, then try again",
  },
  ENAMETOOLONG: { zh: "路径或文件名过长", en: "the path or file name is too long", doZh: "请使用较短的路径", doEn: "use a shorter path" },
  EINVAL: { zh: "路径无效", en: "the path is not valid", doZh: "请检查路径中的字符", doEn: "check the characters in the path" },
  EIO: {
    zh: "磁盘读写出错",
    en: "a disk input/output error occurred",
    doZh: "请检查磁盘或另选位置后重试",
    doEn: "check the disk or choose another place, then try again",
  },
  EFBIG: { zh: "文件过大", en: "the file is too large", doZh: "请另选磁盘", doEn: "choose another disk" },
  EXDEV: {
    zh: "无法跨磁盘移动文件",
    en: "cannot move the file across disks",
    doZh: "请把输出写到同一磁盘",
    doEn: "write the output on the same disk",
  },
} as const satisfies Record<string, CodeMessage>;

export type FileErrorCode = keyof typeof FILE_ERROR_MESSAGES;

const UNKNOWN_CODE: CodeMessage = {
  zh: "文件系统错误",
  en: "a file system error",
  doZh: "请检查路径后重试",
  doEn: "check the path, then try again",
};

const ACTION = { read: { zh: "无法读取", en: "cannot read" }, write: { zh: "无法写出", en: "cannot write" } } as const satisfies Record<
  FileAction,
  { zh: string; en: string }
>;

/** A failed read or write of one file, with the path, the cause and what to do, in Chinese then English. */
export class FileError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly path: string,
    readonly action: FileAction,
    /** Node's error code ("ENOSPC") or our own ("TOO_LARGE"). */
    readonly code: string,
    message?: { zh: string; en: string },
  ) {
    const known = (FILE_ERROR_MESSAGES as Record<string, CodeMessage>)[code];
    const m = known ?? { ...UNKNOWN_CODE, zh: `${UNKNOWN_CODE.zh}（${code}）`, en: `${UNKNOWN_CODE.en} (${code})` };
    const zh = message?.zh ?? `${ACTION[action].zh} ${path}：${m.zh}。${m.doZh}`;
    const en = message?.en ?? `${ACTION[action].en} ${path}: ${m.en}. ${m.doEn}`;
    super(`${zh} / ${en}`);
    this.name = "FileError";
    this.zh = zh;
    this.en = en;
  }
}

/** Node's `code` of a system error ("ENOENT"), or null for anything else. */
export function systemErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z0-9]+$/.test(code) ? code : null;
}

/** A system error of a file operation as a FileError naming `path`; any other error is returned unchanged. */
export function asFileError(error: unknown, path: string, action: FileAction): unknown {
  if (error instanceof FileError) return error;
  const code = systemErrorCode(error);
  return code ? new FileError(path, action, code) : error;
}
