/**
 * The job summary of a GitHub Actions step: Markdown appended to the file named by
 * `GITHUB_STEP_SUMMARY` (the CLI reads the variable and passes the path). Other steps append
 * to the same file, so we append too, and keep within GitHub's 1 MiB for the whole step.
 */
import { appendFile, stat } from "node:fs/promises";
import { fitToLimit, STEP_SUMMARY_LIMIT_BYTES } from "./body-limit";

/** Appends Markdown to the step summary, cut with a note if the step's summary would pass 1 MiB. */
export async function writeStepSummary(path: string, markdown: string): Promise<{ truncated: boolean }> {
  if (path.trim() === "") throw new Error("step summary: no file given (GITHUB_STEP_SUMMARY is empty)");
  let used = 0;
  try {
    used = (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw summaryError(path, error);
  }
  const text = markdown.endsWith("\n") ? markdown : markdown + "\n";
  const fitted = fitToLimit(text, {
    limit: Math.max(0, STEP_SUMMARY_LIMIT_BYTES - used),
    unit: "utf8-bytes",
    fullReportHint: "The full report is in the step's log.",
  });
  try {
    await appendFile(path, fitted.text, "utf8");
  } catch (error) {
    throw summaryError(path, error);
  }
  return { truncated: fitted.truncated };
}

function summaryError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
  return new Error(`step summary: cannot write ${path}: ${code}`);
}
