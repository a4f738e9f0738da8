/**
 * The routing config's TypeScript files, run from their transpiled code without loading jiti.
 *
 * jiti (config-module.ts) transpiles and caches each file, but loading jiti itself (190 KB, with the
 * Node modules it needs) is ~25 ms of a `routeops validate` whose process start alone is ~0.1 s on
 * the 2-core machines this is built on, and it runs on every start. So after a load through jiti
 * succeeds, the code jiti produced for each of the config's files is kept here (asked of jiti with
 * its public `transform`, which answers from its own cache, with the options the load used), under
 * the SHA-256 of the file's path, its exact text, jiti's version and this format. The next load
 * plans from these entries alone and runs them itself: a CommonJS wrapper per file, `require`
 * resolved as below. Whatever it cannot plan is loaded by jiti as before, so what a config may do
 * is unchanged and only the common shape is faster:
 *
 * - a relative import must name exactly one file, a `.ts`, `.mts` or `.cts` file with an entry
 *   (`./reps` with both `reps.ts` and `reps/index.ts`, a `.js` or `.json` file, a changed file:
 *   jiti loads the whole config);
 * - the package's own name ("routeops") and Node's built-in modules are required natively when the
 *   name points at JavaScript; any other package, and the package's own name in a development
 *   checkout (src/index.ts), is handed to jiti, loaded then;
 * - code that reaches for jiti's own helpers (dynamic `import()`, `import.meta`) or uses `require`
 *   other than called with a string literal (even the word in a comment): jiti loads the whole
 *   config.
 *
 * Errors read as they did: a syntax error never reaches the cache (only a successful load is
 * kept), and babel's output keeps the source's lines (jiti transpiles with `retainLines`), so a
 * module that throws is reported at the same file and line either way
 * (test/config/transpile-cache.test.ts).
 *
 * The entries are code that will be run: they live in a directory only this user can write to
 * (`<tmpdir>/routeops-config-cache-<uid>`, checked as bin/compile-cache.js checks its own), and
 * jiti's own cache is put there too instead of its default, `<tmpdir>/jiti`, which any user of
 * the machine can write to. NODE_DISABLE_COMPILE_CACHE=1 turns this cache off as well.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { builtinModules, createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

/** Bumped when what an entry holds, or how jiti is asked to transpile, changes. */
const FORMAT = "routeops-config-transpile-1";

const nodeRequire = createRequire(__filename);

export interface TranspileCache {
  /** Where jiti keeps its own cache. */
  readonly jitiDirectory: string;
  /** The code kept for `file` when its text was `source`, if any. */
  read(file: string, source: string): string | undefined;
  /** Keeps `code` for `file` with text `source`; a cache that cannot be written is only slower. */
  write(file: string, source: string, code: string): void;
}

/** The user's private cache, or undefined when it is off or cannot be made private. */
export function openTranspileCache(base?: string): TranspileCache | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === "1") return undefined;
  const uid = process.getuid ? process.getuid() : "user";
  const { privateDirectory } = nodeRequire(path.join(__dirname, "..", "..", "bin", "compile-cache.js")) as {
    privateDirectory: (base: string, name: string) => string | undefined;
  };
  const root = base ?? path.join(os.tmpdir(), `routeops-config-cache-${uid}`);
  const entries = privateDirectory(root, "modules");
  const jitiDirectory = privateDirectory(root, "jiti");
  if (!entries || !jitiDirectory) return undefined;
  const jitiVersion = (nodeRequire("jiti/package.json") as { version: string }).version;
  const entryOf = (file: string, source: string) =>
    path.join(
      entries,
      `${crypto.createHash("sha256").update(`${FORMAT}\0${jitiVersion}\0${file}\0${source}`).digest("hex")}.cjs`,
    );
  return {
    jitiDirectory,
    read(file, source) {
      try {
        return fs.readFileSync(entryOf(file, source), "utf8");
      } catch {
        return undefined;
      }
    },
    write(file, source, code) {
      trim(entries);
      const entry = entryOf(file, source);
      const temporary = `${entry}.${process.pid}`;
      try {
        fs.writeFileSync(temporary, code);
        fs.renameSync(temporary, entry);
      } catch {
        fs.rmSync(temporary, { force: true });
      }
    },
  };
}

/**
 * Each edit of a config file adds an entry (a few KB) and nothing removes the old one: past
 * MAX_ENTRIES the cache starts over, as bin/compile-cache.js does. Runs only when a load through
 * jiti has entries to write.
 */
const MAX_ENTRIES = 2000;
function trim(dir: string): void {
  try {
    const names = fs.readdirSync(dir);
    if (names.length < MAX_ENTRIES) return;
    for (const name of names) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // Another process may be trimming it too.
  }
}

/** What a `require(specifier)` in a planned module gives. */
export type PlannedImport =
  { kind: "module"; file: string } | { kind: "native"; id: string } | { kind: "jiti"; specifier: string };

export interface PlannedModule {
  /** The file's text the plan was made from. */
  source: string;
  code: string;
  imports: Map<string, PlannedImport>;
}

/** Every module of the config, from the cache; undefined when any is missing or not plain. */
export type LoadPlan = Map<string, PlannedModule>;

/** The extensions a relative import may name without one, as jiti tries them. */
const EXTENSIONS = [".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs", ".json"];
const PLANNED = /\.[mc]?ts$/;
/** `require("x")`, as babel writes an import. */
const REQUIRE_LITERAL = /\brequire\s*\(\s*"([^"\\]+)"\s*\)/g;
/** `require` used any other way (`require(name)`, `require.resolve`, passed on): not planned. */
const REQUIRE_OTHERWISE = /\brequire\b(?!\s*\(\s*"[^"\\]+"\s*\))/;
const builtins = new Set(builtinModules);

/**
 * Plans the load of `entryFile` from the cache: each module's code and what each of its
 * `require`s gives. `alias` maps package names to files, as jiti is given them.
 */
export function planFromCache(
  entryFile: string,
  alias: Record<string, string>,
  cache: TranspileCache,
): LoadPlan | undefined {
  const plan: LoadPlan = new Map();
  const listing = folderListing();
  const pending = [entryFile];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (plan.has(file)) continue;
    if (!PLANNED.test(file)) return undefined;
    let source: string;
    try {
      source = fs.readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
    const code = cache.read(file, source);
    if (code === undefined || /\bjiti/.test(code)) return undefined;
    if (REQUIRE_OTHERWISE.test(code)) return undefined;
    const literals = [...code.matchAll(REQUIRE_LITERAL)];
    const imports = new Map<string, PlannedImport>();
    for (const [, specifier] of literals) {
      const target = importTarget(specifier!, path.dirname(file), alias, listing);
      if (!target) return undefined;
      imports.set(specifier!, target);
      if (target.kind === "module") pending.push(target.file);
    }
    plan.set(file, { source, code, imports });
  }
  return plan;
}

function importTarget(
  specifier: string,
  dir: string,
  alias: Record<string, string>,
  listing: (dir: string) => Map<string, boolean>,
): PlannedImport | undefined {
  if (specifier.startsWith("./") || specifier.startsWith("../") || path.isAbsolute(specifier)) {
    const base = path.resolve(dir, specifier);
    const parent = path.dirname(base);
    const name = path.basename(base);
    const inParent = listing(parent);
    // Every file the import could name: itself, with an extension, or an index file in it.
    const found = [name, ...EXTENSIONS.map((ext) => name + ext)]
      .filter((candidate) => inParent.get(candidate) === true)
      .map((candidate) => path.join(parent, candidate));
    if (inParent.get(name) === false) {
      const inFolder = listing(base);
      for (const index of EXTENSIONS.map((ext) => `index${ext}`)) {
        if (inFolder.get(index) === true) found.push(path.join(base, index));
      }
    }
    return found.length === 1 && PLANNED.test(found[0]!) ? { kind: "module", file: found[0]! } : undefined;
  }
  if (specifier.startsWith("node:") || builtins.has(specifier)) return { kind: "native", id: specifier };
  const aliased = alias[specifier];
  if (aliased !== undefined && /\.c?js$/.test(aliased)) return { kind: "native", id: aliased };
  return { kind: "jiti", specifier };
}

/**
 * A folder's entries (name -> is a file; false for a folder), read once per plan: a config of nine
 * files makes ~20 imports with 17 candidate files each.
 */
function folderListing(): (dir: string) => Map<string, boolean> {
  const listings = new Map<string, Map<string, boolean>>();
  return (dir) => {
    let entries = listings.get(dir);
    if (!entries) {
      entries = new Map();
      try {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          // A link is followed, as resolving the import would.
          const isFile = entry.isSymbolicLink()
            ? statIsFile(path.join(dir, entry.name))
            : entry.isFile() || (entry.isDirectory() ? false : undefined);
          if (isFile !== undefined) entries.set(entry.name, isFile);
        }
      } catch {
        // No such folder: nothing in it.
      }
      listings.set(dir, entries);
    }
    return entries;
  };
}

/** True for a file, false for a folder, undefined for anything else or nothing. */
function statIsFile(file: string): boolean | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? true : stat.isDirectory() ? false : undefined;
  } catch {
    return undefined;
  }
}
