/**
 * A routing config as it is at a git ref: the config's folder is written from git into a scratch
 * folder under `.routeops/` in the repository, loaded and validated there, and the scratch folder
 * is removed again. Shared by `routeops graph`, `routeops simulate` and `routeops pr-report`,
 * which all compare the working tree's config with a base.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../config/diagnostics";
import type { RoutingConfig } from "../config/types";
import { loadAndValidate } from "./config-loader";
import { RouteOpsError } from "../errors";

/**
 * Why a ref could not be used. `not_a_ref`: git does not know it; `git_missing`: git is not
 * installed; `no_config`: the config's folder has no files at the ref, or is outside the
 * repository; `git_failed`: git itself failed (its first line of complaint is in the message).
 */
export type GitRefErrorCode = "not_a_ref" | "git_missing" | "no_config" | "git_failed";

/** A git ref that could not be read; the message names the ref and what went wrong. */
export class GitRefError extends RouteOpsError {
  override name = "GitRefError";
  declare readonly code: GitRefErrorCode;
  constructor(code: GitRefErrorCode, message: string) {
    super(code, message);
  }
}

/** A config loaded from somewhere: the config when it validates, and every finding either way. */
export interface LoadedBaseConfig {
  config?: RoutingConfig;
  diagnostics: Diagnostic[];
}

/** Runs git; a failure becomes a {@link GitRefError} with git's own first line of complaint. */
function git(args: string[], cwd: string): Buffer {
  try {
    return execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === "ENOENT") throw new GitRefError("git_missing", "git is not installed");
    const said = failure.stderr?.toString("utf8").trim().split("\n")[0] ?? "";
    throw new GitRefError("git_failed", `git ${args[0]} failed${said ? `: ${said}` : ""}`);
  }
}

function gitText(args: string[], cwd: string): string {
  return git(args, cwd).toString("utf8").trim();
}

/**
 * The commit a ref names (full SHA). Throws {@link GitRefError} `not_a_ref` when git does not
 * know it (or `cwd` is not in a repository), `git_missing` without git.
 */
export function resolveCommit(ref: string, cwd: string): string {
  if (ref.startsWith("-")) throw new GitRefError("not_a_ref", `"${ref}" is not a git ref`);
  try {
    return gitText(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd);
  } catch (error) {
    if (error instanceof GitRefError && error.code === "git_missing") throw error;
    throw new GitRefError("not_a_ref", `"${ref}" is not a git ref of the repository at ${cwd}`);
  }
}

/** Where a default base came from: the branch it was merged from, and the merge base's commit. */
export interface DefaultBase {
  /** `origin/main` or `main`. */
  branch: string;
  /** The merge base of HEAD with that branch (full SHA). */
  commit: string;
}

/**
 * The base a pull request is compared with when none is given: the merge base of HEAD with
 * `origin/main`, or with `main` when there is no remote branch. Throws {@link GitRefError} when
 * neither exists (or `cwd` is not in a repository).
 */
export function defaultBase(cwd: string, branches: readonly string[] = ["origin/main", "main"]): DefaultBase {
  for (const branch of branches) {
    try {
      resolveCommit(branch, cwd);
    } catch (error) {
      if (error instanceof GitRefError && error.code === "git_missing") throw error;
      continue;
    }
    return { branch, commit: gitText(["merge-base", "HEAD", branch], cwd) };
  }
  throw new GitRefError("not_a_ref", `neither ${branches.join(" nor ")} is a branch of the repository at ${cwd}`);
}

/** The folder that holds the config module (what `--config` names, or the folder it is in). */
function configFolder(absoluteConfig: string): string {
  if (fs.existsSync(absoluteConfig) && fs.statSync(absoluteConfig).isDirectory()) return absoluteConfig;
  return path.dirname(absoluteConfig);
}

/** A config folder written out at a ref; `dispose` removes it. */
export interface MaterializedConfig {
  /** The scratch folder (inside the repository's `.routeops/`). */
  scratch: string;
  /** The config module's path inside the scratch folder. */
  entry: string;
  dispose(): void;
}

/**
 * Writes the config's folder as it is at `ref` into a scratch folder under `.routeops/` in the
 * repository (so that packages still resolve), and links everything else of the working tree
 * beside it, so that what the config imports from outside its folder (`../src/config`) is found.
 */
export function materializeConfigAtRef(ref: string, configPath: string, cwd: string): MaterializedConfig {
  const root = gitText(["rev-parse", "--show-toplevel"], cwd);
  const absoluteConfig = path.resolve(cwd, configPath);
  const folder = configFolder(absoluteConfig);
  const folderInRepo = path.relative(root, folder);
  if (folderInRepo.startsWith("..") || path.isAbsolute(folderInRepo)) {
    throw new GitRefError("no_config", `the config ${configPath} is not inside the git repository ${root}`);
  }
  const gitFolder = folderInRepo.split(path.sep).join("/");
  const files = git(["ls-tree", "-r", "-z", "--name-only", ref, "--", gitFolder || "."], root)
    .toString("utf8")
    .split("\0")
    .filter(Boolean);
  if (files.length === 0) throw new GitRefError("no_config", `${gitFolder || "the repository"} has no files at ${ref}`);

  fs.mkdirSync(path.join(root, ".routeops"), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(root, ".routeops", "base-"));
  const dispose = () => fs.rmSync(scratch, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = path.join(scratch, ...file.split("/"));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, git(["show", `${ref}:${file}`], root));
    }
    // Link the siblings of every folder on the way from the repository root to the config folder.
    const segments = folderInRepo === "" ? [] : folderInRepo.split(path.sep);
    for (let depth = 0; depth < segments.length; depth++) {
      const real = path.join(root, ...segments.slice(0, depth));
      const copy = path.join(scratch, ...segments.slice(0, depth));
      for (const entry of fs.readdirSync(real)) {
        if (entry === segments[depth] || (depth === 0 && (entry === ".git" || entry === ".routeops"))) continue;
        if (!fs.existsSync(path.join(copy, entry))) fs.symlinkSync(path.join(real, entry), path.join(copy, entry));
      }
    }
  } catch (error) {
    dispose();
    throw error;
  }
  return { scratch, entry: path.join(scratch, path.relative(root, absoluteConfig)), dispose };
}

/**
 * Loads and validates the config at `ref` (the module `configPath` names in the working tree, as
 * it was at that commit). Diagnostics name files as they are in git (`main:routing/pools.ts`),
 * not in the scratch folder, which is always removed. Throws {@link GitRefError} when the ref
 * cannot be read.
 */
export function loadConfigAtRef(ref: string, configPath: string, options: { cwd: string }): LoadedBaseConfig {
  const cwd = options.cwd;
  resolveCommit(ref, cwd);
  const { scratch, entry, dispose } = materializeConfigAtRef(ref, configPath, cwd);
  try {
    const loaded = loadAndValidate(entry, { cwd });
    const scratchPrefix = path.relative(cwd, scratch) + path.sep;
    const diagnostics = loaded.diagnostics.map((d) =>
      d.file?.startsWith(scratchPrefix)
        ? { ...d, file: `${ref}:${path.relative(scratch, path.resolve(cwd, d.file)).split(path.sep).join("/")}` }
        : d,
    );
    return { ...(loaded.config ? { config: loaded.config } : {}), diagnostics };
  } finally {
    dispose();
  }
}

/** Whether `base` names a file or folder (then it is a config path, not a ref). */
export function isConfigPath(base: string, cwd: string): boolean {
  return fs.existsSync(path.resolve(cwd, base));
}
