/**
 * Writes report files (`--out DIR`): each file is written to a temporary name in the same folder
 * and renamed into place only when every file was written, so a failure never leaves a
 * half-written report behind, and a reader never sees a partly written file.
 */
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { RouteOpsError } from "../errors";

/** A file name inside the output folder and its text. */
export interface ReportFile {
  name: string;
  text: string;
}

/** Why the report could not be written, naming the path and the system's reason. */
export class ReportOutputError extends RouteOpsError {
  override name = "ReportOutputError";
  constructor(message: string) {
    super("report_output", message);
  }
}

/** Writes every file into `dir` (created when missing); returns the paths written. */
export async function writeReportFiles(dir: string, files: readonly ReportFile[]): Promise<string[]> {
  for (const file of files) {
    if (file.name !== path.basename(file.name) || file.name.startsWith(".")) {
      throw new ReportOutputError(`report file name "${file.name}" must be a plain file name`);
    }
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new ReportOutputError(`cannot create the output folder ${dir}: ${await explainWriteError(dir, error)}`);
  }
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  const staged: { temp: string; final: string }[] = [];
  try {
    for (const file of files) {
      const final = path.join(dir, file.name);
      const temp = path.join(dir, `.${file.name}${suffix}`);
      staged.push({ temp, final });
      try {
        await writeFile(temp, file.text, "utf8");
      } catch (error) {
        throw new ReportOutputError(`cannot write ${final}: ${await explainWriteError(final, error)}`);
      }
    }
    for (const { temp, final } of staged) {
      try {
        await rename(temp, final);
      } catch (error) {
        throw new ReportOutputError(`cannot write ${final}: ${reason(error)}`);
      }
    }
  } finally {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true }).catch(() => undefined)));
  }
  return staged.map(({ final }) => final);
}

/**
 * The system's reason, in words, naming the part of `target` that is in the way where the code
 * alone would mislead: a file where a folder is needed (`EEXIST`, `ENOTDIR`), or a folder that
 * takes no new files (`ENOENT` under /proc or /sys, whose folders exist but refuse new entries).
 */
export async function explainWriteError(target: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EEXIST" || code === "ENOTDIR" || code === "ENOENT") {
    for (let dir = path.dirname(target), child = target; dir !== child; child = dir, dir = path.dirname(dir)) {
      const found = await stat(child).catch(() => undefined);
      if (found && !found.isDirectory() && child !== target) return `${child} is a file, not a folder`;
      if (found?.isDirectory() && child !== target && code === "ENOENT") {
        return `the folder ${child} does not accept new files`;
      }
      if (found) break;
    }
    if (code === "EEXIST") return `${target} exists and is not a folder`;
  }
  return reason(error);
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR") return "a path component is a file, not a folder";
  if (code === "ENOSPC") return "no space left on the device";
  if (code === "EROFS") return "the file system is read-only";
  return code ?? (error instanceof Error ? error.message : String(error));
}
