/**
 * Saved plan files (`routeops plan --out FILE`, `routeops deploy --plan-file FILE`). A plan is
 * written to a temporary file beside the target and renamed over it, so a reader (or a crash)
 * never sees half a plan; reading one checks its shape and names the path of the first problem.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseSavedPlan, savedPlanJson, type SavedPlan } from "../deploy";
import { explainWriteError } from "./report-output";
import { RouteOpsError } from "../errors";

/** A plan file that could not be written or read; the message names the file and the problem. */
export class PlanFileError extends RouteOpsError {
  override name = "PlanFileError";
  constructor(message: string) {
    super("plan_file", message);
  }
}

/** Writes the saved plan to `file` (relative to `cwd`) atomically; returns the absolute path. */
export async function writeSavedPlan(file: string, saved: SavedPlan, cwd: string): Promise<string> {
  const target = path.resolve(cwd, file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temp, savedPlanJson(saved), { encoding: "utf8", flag: "wx" });
    await rename(temp, target);
  } catch (error) {
    // `force` ignores a missing file, not a parent that is a file (ENOTDIR): nothing to remove then.
    await rm(temp, { force: true }).catch(() => undefined);
    throw new PlanFileError(`cannot write the plan to ${file}: ${await explainWriteError(target, error)}`);
  }
  return target;
}

/** Reads and checks a saved plan. Throws {@link PlanFileError} naming the file and what is wrong. */
export async function readSavedPlan(file: string, cwd: string): Promise<SavedPlan> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), "utf8");
  } catch (error) {
    throw new PlanFileError(`cannot read the plan file ${file}: ${reason(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : "invalid JSON";
    throw new PlanFileError(`${file} is not JSON (${detail}): expected a plan saved by \`routeops plan --out FILE\``);
  }
  const read = parseSavedPlan(json);
  if (!read.ok) {
    throw new PlanFileError(
      `${file}: ${read.path}: ${read.message} (expected a plan saved by \`routeops plan --out FILE\`)`,
    );
  }
  return read.saved;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR") return "a path component is a file, not a folder";
  if (code === "EISDIR") return "it is a folder";
  if (code === "ENOSPC") return "no space left on the device";
  if (code === "EROFS") return "the file system is read-only";
  return code ?? (error instanceof Error ? error.message : String(error));
}
