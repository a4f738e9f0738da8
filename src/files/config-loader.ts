/**
 * Loads a routing config module (`routing/index.ts` by default) and validates it. The config is
 * TypeScript the user writes, so loading it is running code: it runs with a deadline (see
 * config-module.ts), and everything that can go wrong (no file, a syntax error,
 * no export, a module that throws, a module that never finishes) becomes a Diagnostic with the
 * file and line, never a stack trace or a hang.
 */
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../config/diagnostics";
import { inspectRouting, renderPath, type ValidateOptions } from "../config/validate";
import type { RoutingConfig } from "../config/types";
import { ConfigLocator } from "./config-locator";
import { runConfigModule } from "./config-module";
import type { TranspileCache } from "./config-transpile-cache";

/** Where to resolve the config path from, and how long its code may run. */
export interface LoadOptions {
  /** Directory that relative config paths (and the file names in diagnostics) are relative to. Default: the process's. */
  cwd?: string;
  /**
   * How long loading the config's modules may take, in milliseconds. Default: 60 s, or
   * `ROUTEOPS_CONFIG_TIMEOUT_MS` from the environment.
   */
  timeoutMs?: number;
  /** The transpile cache (config-transpile-cache.ts). Default: the user's; `null`: none. */
  transpileCache?: TranspileCache | null;
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

// Generous: on a loaded 2-core CI runner a first load (nothing cached) has taken 15 s of wall time
// for 3 s of CPU; the deadline is for code that never ends, not for a slow machine.
const DEFAULT_TIMEOUT_MS = 60_000;
const moduleExtensions = [".ts", ".mts", ".cts", ".tsx", ".js", ".cjs", ".mjs"];

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
  const timeoutMs = options.timeoutMs ?? configTimeout();
  const outcome = runConfigModule({
    entryFile,
    alias: { routeops: ownEntry() },
    timeoutMs,
    ...(options.transpileCache === undefined ? {} : { cache: options.transpileCache }),
  });

  if (outcome.kind === "timed_out") {
    const running = outcome.file ?? entryFile;
    return failed({
      code: "config_load_timeout",
      message: `loading ${relative(running)} did not finish within ${seconds(timeoutMs)}: its code does not end (an endless loop, or a wait for something that never comes); a config is data and should load at once`,
      file: relative(running),
    });
  }
  if (outcome.kind === "threw") return failed(...describeLoadError(outcome.error, entryFile, folder, relative));

  const sourceFiles = new Map<string, string>();
  for (const file of outcome.files) {
    if (!isInside(file, folder) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    try {
      // A load from the transpile cache read the files already: the texts it ran.
      sourceFiles.set(file, outcome.sources?.get(file) ?? fs.readFileSync(file, "utf8"));
    } catch {
      // A module that vanished after loading cannot be pointed at; its findings fall back to the entry file.
    }
  }
  if (outcome.config === undefined) {
    const names = outcome.exportNames;
    return failed({
      code: "config_missing_export",
      message: `${relative(entryFile)} exports no routing config: expected \`export default defineRouting({...})\` or \`export const routing = ...\`${names.length ? ` (it exports ${names.join(", ")})` : ""}`,
      file: relative(entryFile),
    });
  }
  return { ok: true, config: outcome.config, entryFile, sourceFiles };
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
  const loaded = loadRoutingConfig(configPath, {
    cwd,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.transpileCache === undefined ? {} : { transpileCache: options.transpileCache }),
  });
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const { config, findings } = inspectRouting(
    loaded.config,
    options.today === undefined ? {} : { today: options.today },
  );
  if (!findings.length) return { ...(config ? { config } : {}), diagnostics: [] };
  // Parsing the sources costs more than validating: only a config with findings pays for it.
  const locator = new ConfigLocator(loaded.entryFile, loaded.sourceFiles, loaded.config);
  const diagnostics = findings.map((finding): Diagnostic => {
    const at = locator.locate(finding.at);
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

function configTimeout(): number {
  const fromEnv = Number(process.env.ROUTEOPS_CONFIG_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_TIMEOUT_MS;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/**
 * The running package's public entry, which user configs import as "routeops": the compiled one
 * next to this file in dist/, or the TypeScript source in a development checkout.
 */
function ownEntry(): string {
  const compiled = path.resolve(__dirname, "..", "index.js");
  return isFile(compiled) ? compiled : path.resolve(__dirname, "..", "index.ts");
}

/** The file itself when it exists, else the usual extensions and index files. */
function findConfigFile(resolved: string): { file: string } | { tried: string[] } {
  const candidates = [resolved];
  if (!moduleExtensions.includes(path.extname(resolved))) {
    candidates.push(resolved + ".ts", resolved + ".js");
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

interface ThrownError {
  name: string;
  message: string;
  stack: string;
  syntax: boolean;
}

/**
 * A thrown load error as one diagnostic: a syntax error where it is (jiti's parser, or V8's for
 * plain JavaScript), else the first place inside the config's files and the first line of the
 * message.
 */
function describeLoadError(
  error: ThrownError,
  entryFile: string,
  folder: string,
  relative: (file: string) => string,
): LoadProblem[] {
  const firstLine = error.message.split("\n")[0]!.trim();
  // jiti (Babel's parser): "ParseError: Unexpected token, expected ","\n /abs/routing/reps.ts:4:15".
  const parse = /^\s*(\S.*?):(\d+):(\d+)\s*$/m.exec(error.message.split("\n").slice(1).join("\n"));
  if (/^(ParseError|SyntaxError): /.test(firstLine) && parse) {
    return [
      {
        code: "config_syntax_error",
        message: `syntax error: ${firstLine.replace(/^(ParseError|SyntaxError): /, "").replace(/\s*\(\d+:\d+\)$/, "")}`,
        file: relative(parse[1]!),
        line: Number(parse[2]),
        column: Number(parse[3]) + 1,
      },
    ];
  }
  // V8 (a CommonJS file that jiti leaves to Node): the stack starts with "/abs/file.js:LINE".
  const v8 = error.syntax ? /^(.+):(\d+)\n/.exec(error.stack) : null;
  if (v8) {
    return [
      {
        code: "config_syntax_error",
        message: `syntax error: ${firstLine}`,
        file: relative(v8[1]!),
        line: Number(v8[2]),
      },
    ];
  }
  const frame = firstFrameInside(error.stack, folder);
  const name = error.name !== "Error" ? `${error.name}: ` : "";
  return [
    {
      code: "config_load_failed",
      message: `loading the config failed: ${name}${firstLine}`,
      file: relative(frame?.file ?? entryFile),
      ...(frame ? { line: frame.line, column: frame.column } : {}),
    },
  ];
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
