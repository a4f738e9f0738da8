/**
 * Loads a routing config module (`routing/index.ts` by default) and validates it. The config is
 * TypeScript that the user runs through ts-node in transpile-only mode, so loading it is running
 * code: everything that can go wrong (no file, a syntax error, no export, a module that throws)
 * becomes a Diagnostic with the file and line, never a stack trace.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { register } from "ts-node";
import type { Diagnostic } from "../config/diagnostics";
import type { RoutingConfig } from "../config/types";
import { inspectRouting, renderPath, type ValidateOptions } from "../config/validate";
import { ConfigLocator } from "./config-locator";

/** Where to resolve the config path from. */
export interface LoadOptions {
  /** Directory that relative config paths (and the file names in diagnostics) are relative to. Default: the process's. */
  cwd?: string;
}

/** A loaded config module, before validation. */
export interface LoadedConfig {
  ok: true;
  /** The module's default export (or its `routing` export): RoutingConfig-shaped, not yet checked. */
  config: unknown;
  /** Absolute path of the config module. */
  entryFile: string;
  /** Text of every file under the config's folder that loading it read, by absolute path. */
  sourceFiles: Map<string, string>;
}

/** Loading failed; the diagnostics say why. */
export interface FailedLoad {
  ok: false;
  diagnostics: Diagnostic[];
}

const typeScriptExtensions = [".ts", ".mts", ".cts", ".tsx"];
const moduleExtensions = [...typeScriptExtensions, ".js", ".cjs"];

/** Loads a config module without validating it. */
export function loadRoutingConfig(configPath: string, options: LoadOptions = {}): LoadedConfig | FailedLoad {
  const cwd = options.cwd ?? process.cwd();
  const relative = (file: string) => path.relative(cwd, file) || file;
  const found = findConfigFile(path.resolve(cwd, configPath));
  if ("tried" in found) {
    return failed({
      code: "config_not_found",
      message: `no routing config at "${configPath}"; tried ${found.tried.map(relative).join(", ")}`,
    });
  }
  const entryFile = found.file;
  const folder = path.dirname(entryFile);
  const requireConfig = createRequire(entryFile);
  if (typeScriptExtensions.includes(path.extname(entryFile))) ensureTypeScript(requireConfig);

  const ownFiles = () =>
    Object.keys(requireConfig.cache).filter(
      (file) => isInside(file, folder) && !file.includes(`${path.sep}node_modules${path.sep}`),
    );
  const forget = () => ownFiles().forEach((file) => delete requireConfig.cache[file]);

  // The config's own modules are loaded fresh each time, so that several configs (or an edited
  // one) can be loaded in one process; modules outside its folder stay cached.
  forget();
  let exports: unknown;
  try {
    exports = requireConfig(entryFile);
  } catch (error) {
    forget();
    return failed(...describeLoadError(error, entryFile, folder, relative));
  }
  const sourceFiles = new Map<string, string>();
  for (const file of ownFiles()) {
    try {
      sourceFiles.set(file, fs.readFileSync(file, "utf8"));
    } catch {
      // A module that vanished after loading cannot be pointed at; its findings fall back to the entry file.
    }
  }
  forget();

  const config = exportedConfig(exports);
  if (config === undefined) {
    const names =
      typeof exports === "object" && exports !== null ? Object.keys(exports).filter((k) => k !== "__esModule") : [];
    return failed({
      code: "config_missing_export",
      message: `${relative(entryFile)} exports no routing config: expected \`export default defineRouting({...})\` or \`export const routing = ...\`${names.length ? ` (it exports ${names.join(", ")})` : ""}`,
      file: relative(entryFile),
    });
  }
  return { ok: true, config, entryFile, sourceFiles };
}

/** Options of `loadAndValidate`. */
export type LoadAndValidateOptions = LoadOptions & ValidateOptions;

/**
 * Loads the config, checks its shape and semantics, and locates every finding in the source
 * files. `config` is returned only when there is no error. The entry point of every command
 * that needs the routing config.
 */
export function loadAndValidate(
  configPath: string,
  options: LoadAndValidateOptions = {},
): { config?: RoutingConfig; diagnostics: Diagnostic[] } {
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadRoutingConfig(configPath, { cwd });
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const { config, findings } = inspectRouting(
    loaded.config,
    options.today === undefined ? {} : { today: options.today },
  );
  // Parsing the sources costs more than validating: only a config with findings pays for it.
  const locator = findings.length ? new ConfigLocator(loaded.entryFile, loaded.sourceFiles, loaded.config) : undefined;
  const diagnostics = findings.map((finding): Diagnostic => {
    const at = locator?.locate(finding.at);
    const file = path.relative(cwd, at?.file ?? loaded.entryFile);
    return {
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      path: renderPath(finding.at),
      file,
      ...(at ? { line: at.line, column: at.column } : {}),
    };
  });
  return { ...(config ? { config } : {}), diagnostics };
}

type LoadProblem = Omit<Diagnostic, "severity" | "path">;

function failed(...problems: LoadProblem[]): FailedLoad {
  return { ok: false, diagnostics: problems.map((problem) => ({ severity: "error", path: "", ...problem })) };
}

/** The file itself when it exists, else the usual extensions and index files. */
function findConfigFile(resolved: string): { file: string } | { tried: string[] } {
  const candidates = [resolved];
  if (!moduleExtensions.includes(path.extname(resolved))) {
    candidates.push(
      ...moduleExtensions
        .slice(0, 1)
        .concat(".js")
        .map((ext) => resolved + ext),
    );
    candidates.push(path.join(resolved, "index.ts"), path.join(resolved, "index.js"));
  }
  const file = candidates.find((candidate) => isFile(candidate));
  return file ? { file } : { tried: candidates };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * Makes `require` understand TypeScript, once per process. The CLI's launcher (bin/routeops.js)
 * has already done it; tests and library callers have not.
 */
function ensureTypeScript(requireConfig: NodeJS.Require): void {
  if (requireConfig.extensions[".ts"]) return;
  register({
    transpileOnly: true,
    skipProject: true,
    compilerOptions: { module: "commonjs", moduleResolution: "node10", target: "es2022", esModuleInterop: true },
  });
}

function exportedConfig(exports: unknown): unknown {
  if (typeof exports !== "object" || exports === null) return undefined;
  const record = exports as Record<string, unknown>;
  return record.default ?? record.routing;
}

/** A thrown load error as one diagnostic: the first place inside the config's files, and the first line of the message. */
function describeLoadError(
  error: unknown,
  entryFile: string,
  folder: string,
  relative: (file: string) => string,
): LoadProblem[] {
  const syntax = typeScriptSyntaxErrors(error);
  if (syntax.length) {
    return syntax.map((problem) => ({
      code: "config_syntax_error",
      message: `syntax error: ${problem.message}`,
      file: relative(problem.file),
      line: problem.line,
      column: problem.column,
    }));
  }
  const err = error instanceof Error ? error : undefined;
  const firstLine = (err ? err.message : String(error)).split("\n")[0]!.trim();
  const stack = err?.stack ?? "";
  const nodeSyntax = err instanceof SyntaxError ? /^(.+):(\d+)\n/.exec(stack) : null;
  if (err instanceof SyntaxError && nodeSyntax) {
    return [
      {
        code: "config_syntax_error",
        message: `syntax error: ${firstLine}`,
        file: relative(nodeSyntax[1]!),
        line: Number(nodeSyntax[2]),
      },
    ];
  }
  const frame = firstFrameInside(stack, folder);
  const name = err && err.name !== "Error" ? `${err.name}: ` : "";
  return [
    {
      code: "config_load_failed",
      message: `loading the config failed: ${name}${firstLine}`,
      file: relative(frame?.file ?? entryFile),
      ...(frame ? { line: frame.line, column: frame.column } : {}),
    },
  ];
}

interface TsDiagnosticLike {
  file?: { fileName: string; getLineAndCharacterOfPosition(pos: number): { line: number; character: number } };
  start?: number;
  messageText: string | { messageText: string };
}

/** ts-node reports syntax errors as a TSError carrying TypeScript's diagnostics (every error of the file). */
function typeScriptSyntaxErrors(error: unknown): { file: string; line: number; column: number; message: string }[] {
  if (!(error instanceof Error) || error.name !== "TSError") return [];
  const diagnostics = (error as Error & { diagnostics?: TsDiagnosticLike[] }).diagnostics ?? [];
  return diagnostics.flatMap((d) => {
    if (!d.file || d.start === undefined) return [];
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    const text = typeof d.messageText === "string" ? d.messageText : d.messageText.messageText;
    return [{ file: d.file.fileName, line: line + 1, column: character + 1, message: text }];
  });
}

function firstFrameInside(stack: string, folder: string): { file: string; line: number; column: number } | undefined {
  for (const match of stack.matchAll(/\(?((?:\/|[A-Za-z]:\\)[^():\n]+):(\d+):(\d+)\)?$/gm)) {
    const file = match[1]!;
    if (isInside(file, folder) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
      return { file, line: Number(match[2]), column: Number(match[3]) };
    }
  }
  return undefined;
}
