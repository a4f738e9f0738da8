/**
 * Runs a routing config module with a deadline. Loading a config is running the user's code: a
 * module that never finishes (an endless loop at import) must fail with a clear error instead of
 * hanging `validate` or `emulator --seed`.
 *
 * The module runs in this thread, inside a `vm` script with a `timeout`: V8 stops whatever
 * JavaScript runs past the deadline, including the functions the script calls (jiti, the config's
 * modules), and Node throws ERR_SCRIPT_EXECUTION_TIMEOUT
 * (https://nodejs.org/api/vm.html#scriptruninthiscontextoptions). A worker thread did the same
 * job before, but starting one (a second V8 isolate, jiti loaded again in it) cost more than the
 * whole rest of `routeops validate`. What the worker gave for free is kept by hand: what the
 * config prints is not the command's output (it would break --format json), `process.exit` in a
 * config cannot end the command, the config's code sees `process.env` without the command's
 * secrets (see configEnvironment), and every load reads the files afresh (an edit between two loads
 * in one process, as in the router, is seen). Not covered: a config that blocks inside a native
 * call (a synchronous child process that never ends) is not JavaScript running and cannot be
 * stopped; a config is data, and nothing in routeops' own configs does that.
 *
 * TypeScript is loaded with jiti (https://github.com/unjs/jiti, also used by checkly-cli and c12):
 * transpiled with Babel, cached on disk, so a second load of an unchanged file costs no
 * transpiling. `routeops` is aliased to the running package, so `import { defineRouting } from
 * "routeops"` works in this repository, in a copy of it and in a project that installed it.
 */
import type { createJiti as CreateJiti } from "jiti";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { SECRET_ENV_VARIABLES } from "../secrets";
import { openTranspileCache, planFromCache, type LoadPlan, type TranspileCache } from "./config-transpile-cache";

/** How loading the module ended. */
export type ModuleOutcome =
  | {
      kind: "loaded";
      /** The module's default export (or `routing` export). */
      config: unknown;
      /** Names the module exports (for "exports no routing config"). */
      exportNames: string[];
      /** Every module file the load read (absolute paths). */
      files: string[];
      /** The text of the files a load from the transpile cache ran, as it read them. */
      sources?: ReadonlyMap<string, string>;
      /** Who ran the config's files: jiti, or this module from the transpile cache. */
      via: "jiti" | "cache";
    }
  | { kind: "threw"; error: { name: string; message: string; stack: string; syntax: boolean } }
  | {
      kind: "timed_out";
      /** The module whose code was running at the deadline (absolute path), when known. */
      file?: string;
    };

export interface ModuleLoad {
  entryFile: string;
  /** Module specifier -> absolute path, for jiti. */
  alias: Record<string, string>;
  timeoutMs: number;
  /**
   * The transpile cache (config-transpile-cache.ts). Default: the user's private one; `null`:
   * none, every load through jiti.
   */
  cache?: TranspileCache | null;
}

const nodeRequire = createRequire(__filename);
/** jiti, loaded on the first load that needs it (commands that load no config do not pay for it). */
let createJiti: typeof CreateJiti | undefined;
type Jiti = ReturnType<typeof CreateJiti>;

/** A config called process.exit while loading. */
class ConfigExit extends Error {
  constructor(code: unknown) {
    super(`the config called process.exit(${code === undefined ? "" : String(code)}) while loading`);
  }
}

/** Loads `entryFile`; stops its code after `timeoutMs`. */
export function runConfigModule(load: ModuleLoad): ModuleOutcome {
  const cache = load.cache === undefined ? openTranspileCache() : (load.cache ?? undefined);
  const jitiFor = (file: string): Jiti => {
    createJiti ??= (nodeRequire("jiti") as { createJiti: typeof CreateJiti }).createJiti;
    return createJiti(file, {
      alias: load.alias,
      interopDefault: false,
      moduleCache: true,
      // jiti's default cache, <tmpdir>/jiti, is writable by every user of the machine.
      ...(cache ? { fsCache: cache.jitiDirectory } : {}),
    });
  };
  const plan = cache ? planFromCache(load.entryFile, load.alias, cache) : undefined;
  const nodeCache = nodeRequire.cache;
  const cachedBefore = new Set(Object.keys(nodeCache));
  /** The planned modules whose code is running, innermost last. */
  const running: string[] = [];
  const restore = quieten();
  const key = `__routeopsLoadConfig${process.hrtime.bigint()}`;
  let jiti: Jiti | undefined;
  try {
    (globalThis as Record<string, unknown>)[key] = plan
      ? () => runPlanned(plan, load.entryFile, jitiFor, running)
      : () => (jiti = jitiFor(load.entryFile))(load.entryFile);
    const script = new vm.Script(`globalThis[${JSON.stringify(key)}]()`, { filename: "routeops-config-loader" });
    const exports: unknown = script.runInThisContext({ timeout: load.timeoutMs, displayErrors: false });
    const record = typeof exports === "object" && exports !== null ? (exports as Record<string, unknown>) : {};
    const files = plan ? [...plan.keys()] : Object.keys(nodeCache).filter((file) => !cachedBefore.has(file));
    if (jiti && cache) keepTranspiled(jiti, cache, files, Object.values(load.alias));
    return {
      kind: "loaded",
      config: record.default !== undefined ? record.default : record.routing,
      exportNames: Object.keys(record).filter((name) => name !== "__esModule"),
      files,
      ...(plan ? { sources: new Map([...plan].map(([file, planned]) => [file, planned.source])) } : {}),
      via: plan ? "cache" : "jiti",
    };
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
      // A module enters the cache before its code runs and is marked loaded after: the last one
      // still loading is the innermost, where the code was when it was stopped. An installed
      // package (jiti's Babel, loaded to transpile a changed file) is not the config's code: its
      // importer is named instead.
      const stopped =
        running.at(-1) ??
        Object.keys(nodeCache)
          .filter((file) => !cachedBefore.has(file) && nodeCache[file]?.loaded === false && !inPackage(file))
          .at(-1);
      return stopped ? { kind: "timed_out", file: stopped } : { kind: "timed_out" };
    }
    const e = error instanceof Error ? error : new Error(String(error));
    return {
      kind: "threw",
      error: { name: e.name, message: e.message, stack: String(e.stack ?? ""), syntax: e instanceof SyntaxError },
    };
  } finally {
    delete (globalThis as Record<string, unknown>)[key];
    restore();
    forgetLoadedModules(nodeCache, cachedBefore);
  }
}

/**
 * Runs a planned load: each module's code in the CommonJS wrapper jiti gives it (the same first
 * line, so columns match too), `require` as planned. `running` holds the modules whose code is
 * running (the deadline's error names the innermost).
 */
function runPlanned(plan: LoadPlan, entryFile: string, jitiFor: (file: string) => Jiti, running: string[]): unknown {
  const modules = new Map<string, { exports: unknown }>();
  const load = (file: string): unknown => {
    const loaded = modules.get(file);
    if (loaded) return loaded.exports;
    const planned = plan.get(file)!;
    const module = { id: file, filename: file, exports: {} as unknown, loaded: false };
    modules.set(file, module);
    let jiti: Jiti | undefined;
    const require = (specifier: string): unknown => {
      const target = planned.imports.get(specifier);
      if (target?.kind === "module") return load(target.file);
      if (target?.kind === "native") return nodeRequire(target.id);
      // Planning saw every `require` of the code: anything else is a package jiti loads.
      return (jiti ??= jitiFor(file))(specifier);
    };
    const wrapper = vm.runInThisContext(
      `(function (exports, require, module, __filename, __dirname) { ${planned.code}\n});`,
      { filename: file, displayErrors: false },
    ) as (...args: unknown[]) => void;
    running.push(file);
    try {
      wrapper.call(module.exports, module.exports, require, module, file, path.dirname(file));
    } finally {
      // Not run when the deadline stops the code (V8 terminates it: no catch or finally runs), so
      // `running` then still ends with the module that was running; run for a thrown error, which
      // the config's own code may catch and go on.
      running.pop();
    }
    module.loaded = true;
    return module.exports;
  };
  return load(entryFile);
}

/**
 * After a load through jiti: keeps the code jiti ran for each of the config's own files (not an
 * aliased package's, such as RouteOps' own src/ in a development checkout, which a plan hands to
 * jiti whole).
 */
function keepTranspiled(jiti: Jiti, cache: TranspileCache, files: string[], aliased: string[]): void {
  const packages = aliased.map((entry) => path.dirname(entry) + path.sep);
  for (const file of files) {
    if (inPackage(file) || !/\.[mc]?ts$/.test(file) || packages.some((dir) => file.startsWith(dir))) continue;
    try {
      const source = fs.readFileSync(file, "utf8");
      // As jiti's loader asks it (jiti answers from its own cache, filled by the load).
      const code = jiti.transform({ filename: file, source, ts: true, async: false, jsx: jiti.options.jsx ?? false });
      cache.write(file, source, code);
    } catch {
      // A file that vanished or cannot be kept is loaded through jiti next time.
    }
  }
}

/**
 * Drops the modules this load added to Node's module cache, so that the next load reads the
 * files again; installed packages stay (they do not change while the process runs) once loaded.
 */
function forgetLoadedModules(cache: NodeJS.Require["cache"], before: Set<string>): void {
  for (const file of Object.keys(cache)) {
    // A package stopped half-way through its own loading (the deadline fell in it) goes too.
    if (!before.has(file) && (!inPackage(file) || cache[file]?.loaded === false)) delete cache[file];
  }
}

const inPackage = (file: string) => /[\\/]node_modules[\\/]/.test(file);

/**
 * While the config's code runs: stdout and stderr are silenced, process.exit throws, and
 * process.env holds no secret. Returns the undo.
 */
function quieten(): () => void {
  const env = process.env;
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const exit = process.exit;
  const swallow = ((...args: unknown[]) => {
    const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = swallow;
  process.stderr.write = swallow;
  process.exit = ((code?: unknown) => {
    throw new ConfigExit(code);
  }) as typeof process.exit;
  process.env = configEnvironment(env);
  return () => {
    process.env = env;
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.exit = exit;
  };
}

/** Names of variables that hold a credential, beyond the ones RouteOps itself reads. */
const CREDENTIAL_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|API_KEY|ACCESS_KEY|DATABASE_URL/i;

/**
 * The environment a config's code runs with: the command's, without RouteOps' secrets (the HubSpot
 * and GitHub tokens, the webhook and router secrets, the database URL) and without any variable
 * whose name says it holds a credential. A routing config is data and needs none of them; a pull
 * request's `routing/*.ts` is code its author wrote, and must not be able to read them from
 * `process.env`. This is defence in depth, not a sandbox: code that runs in the process can still
 * read the process's memory or `/proc/self/environ`. What keeps the write token away from pull
 * request code is that the PR workflow's jobs never hold it (docs/github.md).
 */
export function configEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const secret = new Set<string>(SECRET_ENV_VARIABLES);
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || secret.has(name) || CREDENTIAL_NAME.test(name)) continue;
    kept[name] = value;
  }
  return kept;
}
