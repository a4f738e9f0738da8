/**
 * Fixture files from disk: the file-system side of `routeops test` and `routeops explain`.
 * Everything else about fixtures is pure and lives in src/fixtures.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import type { FixtureSource } from "../fixtures/document";
import { RouteOpsError } from "../errors";

/** File names `routeops test` picks up under the fixtures folder. */
const FIXTURE_FILE = /\.(ya?ml|json)$/i;

/** A fixtures folder or file that cannot be read; its message names the path and why. */
export class FixtureLoadError extends RouteOpsError {
  override name = "FixtureLoadError";
  constructor(message: string, code = "fixture_load") {
    super(code, message);
  }
}

/**
 * Every `*.yaml`, `*.yml` and `*.json` under `target` (a folder, searched recursively, or one
 * file), read as text. Files are named relative to `cwd` with `/` separators and come in a stable
 * order (sorted by that name, code point by code point), whatever the file system returns.
 */
export function loadFixtureSources(target: string, options: { cwd: string }): FixtureSource[] {
  const root = path.resolve(options.cwd, target);
  const stats = statOrThrow(root, target);
  const files = stats.isDirectory() ? listFixtureFiles(root) : [root];
  return files
    .map((absolute) => ({ absolute, file: displayName(absolute, options.cwd) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ absolute, file }) => ({ file, text: readInside(absolute, file, options.cwd) }));
}

/** One fixture file, read as text (for `routeops explain`). */
export function loadFixtureSource(file: string, options: { cwd: string }): FixtureSource {
  const absolute = path.resolve(options.cwd, file);
  const stats = statOrThrow(absolute, file);
  if (stats.isDirectory()) throw new FixtureLoadError(`${file}: is a folder; give one fixture file`);
  const name = displayName(absolute, options.cwd);
  return { file: name, text: readInside(absolute, name, options.cwd) };
}

/**
 * Reads a fixture; a fixture that is a link is read only when what it points at lies inside the
 * working directory (the repository): a link to `/etc/passwd` or another checkout is refused, by
 * name only, never read.
 */
function readInside(absolute: string, shown: string, cwd: string): string {
  let real: string;
  let root: string;
  try {
    if (!lstatSync(absolute).isSymbolicLink()) return readText(absolute, shown);
    real = realpathSync(absolute);
    root = realpathSync(cwd);
  } catch (error) {
    throw new FixtureLoadError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const relative = path.relative(root, real);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new FixtureLoadError(
      `${shown}: is a link to a file outside the repository (${cwd}) (fixture_outside_repository): fixtures must live inside it, so it was not read`,
      "fixture_outside_repository",
    );
  }
  return readText(absolute, shown);
}

function listFixtureFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new FixtureLoadError(`${current}: folder cannot be read (${code})`);
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (FIXTURE_FILE.test(entry.name) && (entry.isFile() || isFileLink(full))) found.push(full);
    }
  };
  walk(dir);
  return found;
}

function isFileLink(full: string): boolean {
  try {
    return statSync(full).isFile();
  } catch {
    return false;
  }
}

function statOrThrow(absolute: string, shown: string): Stats {
  try {
    return statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FixtureLoadError(
      code === "ENOENT" ? `${shown}: not found` : `${shown}: cannot be read (${code ?? "error"})`,
    );
  }
}

function readText(absolute: string, shown: string): string {
  try {
    return readFileSync(absolute, "utf8");
  } catch (error) {
    throw new FixtureLoadError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

function displayName(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join("/");
}
