"use strict";
/**
 * V8's compiled code of the CLI's modules, kept on disk so that later starts skip compiling them.
 *
 * Node 22.1+ does this itself (`module.enableCompileCache()`,
 * https://nodejs.org/api/module.html#moduleenablecompilecachecachedir). Node 20 has no such cache,
 * and there compiling the modules `routeops validate` loads (RouteOps' dist/, zod, jiti) is about
 * 60 ms of its 0.3-0.4 s of CPU. On Node 20 this module does the same job through public APIs: a
 * module's source is compiled as a `vm.Script` with the cached data from the last run, and the
 * script's data (which, taken at exit, includes every function the run compiled) is written back
 * when there was none or V8 refused it.
 *
 * Only installed code is cached: RouteOps' own dist/ and files under node_modules. The user's
 * routing files are loaded by jiti and never come here, and any module this cannot compile the
 * same way Node would (a syntax error, ES module syntax, `import()`, which a vm.Script cannot run
 * without a loader of its own) is left to Node untouched, so errors read as they always did.
 *
 * A cache entry is used only for the exact source it was made from (its SHA-256 is stored with it):
 * V8's own check of cached data compares the source's length, not its text. Entries live in
 * `<tmpdir>/routeops-compile-cache-<uid>/<V8 version>-<arch>`, a directory only this user can
 * write; if it is anyone else's, or cannot be made, nothing is cached. NODE_DISABLE_COMPILE_CACHE=1
 * (Node 22's switch) turns this off too.
 */
const { Buffer } = require("node:buffer");
const crypto = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const os = require("node:os");
const path = require("node:path");
const vm = require("node:vm");

/** The wrapper Node puts around a CommonJS module, up to the module's first character. */
const WRAPPER_HEAD = Module.wrap("").split("\n")[0];

/**
 * `base/name`, made if need be, when `base` is a directory only this user can write to; undefined
 * when it is not or cannot be made. Also used for the routing config's transpile cache
 * (src/files/config-transpile-cache.ts), whose entries are run as code too.
 */
function privateDirectory(base, name) {
  const dir = path.join(base, name);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(base);
    const uid = process.getuid ? process.getuid() : undefined;
    // Cached code is run as is: a directory another user can write to could feed us theirs.
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Turns the cache on for the rest of the process. `options.directory` (for tests) replaces the
 * default location; `options.include(filename)` says which modules may be cached.
 * Returns how the cache runs: "node" (Node's own), "routeops" (this one) or "off".
 */
function enableCompileCache(options = {}) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === "1") return "off";
  if (typeof Module.enableCompileCache === "function" && !options.directory) {
    Module.enableCompileCache();
    return "node";
  }
  const uid = process.getuid ? process.getuid() : "user";
  const dir = privateDirectory(
    options.directory ?? path.join(os.tmpdir(), `routeops-compile-cache-${uid}`),
    `${process.versions.v8}-${process.arch}`,
  );
  if (!dir) return "off";
  const include = options.include ?? ((filename) => filename.includes(`${path.sep}node_modules${path.sep}`));

  /** Scripts compiled without usable cached data: their data is written at exit. */
  const fresh = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename, format) {
    if (format === "module" || !include(filename) || content.includes("import(")) {
      return compile.call(this, content, filename, format);
    }
    const digest = crypto.createHash("sha256").update(content).digest();
    const entry = path.join(dir, `${crypto.createHash("sha256").update(filename).digest("hex")}.bin`);
    let cachedData;
    try {
      const saved = fs.readFileSync(entry);
      if (saved.length > digest.length && saved.subarray(0, digest.length).equals(digest)) {
        cachedData = saved.subarray(digest.length);
      }
    } catch {
      // No entry yet.
    }
    let script;
    try {
      const source = content.startsWith("#!") ? `//${content}` : content;
      script = new vm.Script(Module.wrap(source), {
        filename,
        // Columns on the first line as Node gives them, without the wrapper's head.
        columnOffset: -WRAPPER_HEAD.length,
        cachedData,
      });
    } catch {
      // Not plain CommonJS (ES module syntax, a syntax error): Node knows what to do and say.
      return compile.call(this, content, filename, format);
    }
    if (cachedData === undefined || script.cachedDataRejected) fresh.push({ entry, digest, script });
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };

  process.once("exit", () => {
    if (fresh.length === 0) return;
    trim(dir);
    for (const { entry, digest, script } of fresh) {
      try {
        const temporary = `${entry}.${process.pid}`;
        fs.writeFileSync(temporary, Buffer.concat([digest, script.createCachedData()]));
        fs.renameSync(temporary, entry);
      } catch {
        // A cache that cannot be written is only a slower next start.
      }
    }
  });
  return "routeops";
}

/**
 * Nothing removes an entry whose file is gone (a package updated, a project deleted): when the
 * cache holds more than MAX_ENTRIES (about 30 MB), it starts over. Runs only when a run has entries
 * to write, which a run with a complete cache does not.
 */
const MAX_ENTRIES = 4000;
function trim(dir) {
  try {
    const names = fs.readdirSync(dir);
    if (names.length <= MAX_ENTRIES) return;
    for (const name of names) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // Another process may be trimming it too.
  }
}

/** The `require` a module gets from Node (lib/internal/modules/helpers.js makeRequireFunction). */
function requireFor(module) {
  const require = (id) => module.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, module);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

module.exports = { enableCompileCache, privateDirectory };
