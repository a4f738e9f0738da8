#!/usr/bin/env node
"use strict";
// The CLI runs the compiled JavaScript in dist/ (built by `npm run build`, which `npm ci` and
// `npm pack` run through the "prepare" script): no TypeScript is transpiled at run time.
// In a development checkout (src/ is there; the published package has no src/), a dist/ older
// than the sources would run stale code, so the sources run instead, transpiled by jiti (cached
// on disk): edit, run, no build step.
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");

// V8's compiled code of the modules kept on disk, so later starts skip compiling them: Node 22's
// own cache, or on Node 20 ours (compile-cache.js), for dist/ and the installed packages. A package
// installed under the temporary directory (a test's project) is gone by the next run: its entries
// would only fill the cache.
const dist = path.join(root, "dist") + path.sep;
const installed = `${path.sep}node_modules${path.sep}`;
const temporary = require("node:os").tmpdir() + path.sep;
require("./compile-cache").enableCompileCache({
  include: (filename) => (filename.startsWith(dist) || filename.includes(installed)) && !filename.startsWith(temporary),
});
const compiled = path.join(root, "dist", "cli", "main.js");
const sources = path.join(root, "src");

/**
 * True when a file under `dir` was modified after `limit`. Runs on every start in a checkout (400
 * files): the path is joined by hand, since path.join's normalising of 450 paths costs more than
 * the 400 stats (13 ms against 7 ms).
 */
function newerThan(dir, limit) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = dir + path.sep + entry.name;
    if (entry.isDirectory() ? newerThan(full, limit) : fs.statSync(full).mtimeMs > limit) return true;
  }
  return false;
}

function builtFromCurrentSources() {
  if (!fs.existsSync(sources)) return true;
  let built;
  try {
    built = fs.statSync(path.join(root, "dist", ".built")).mtimeMs;
  } catch {
    return false;
  }
  return !newerThan(sources, built);
}

function loadMain() {
  if (fs.existsSync(compiled) && builtFromCurrentSources()) return require(compiled).main;
  if (!fs.existsSync(sources)) {
    throw new Error(`${path.relative(process.cwd(), compiled)} is missing: the package was not built`);
  }
  deferZodLocales();
  const { createJiti } = require("jiti");
  return createJiti(__filename, { interopDefault: false })(path.join(sources, "cli", "main.ts")).main;
}

/**
 * Running the sources: zod (the config's shape checks) requires the error messages of its ~40
 * languages when it is imported, a fifth of `routeops validate`'s start-up; RouteOps uses English
 * only, which zod's schemas load themselves. (dist/ does not load the installed zod at all: the
 * build keeps the parts it uses in dist/vendor/zod.js, see scripts/vendor-zod.js.) The module
 * that gathers the languages is replaced, in Node's module cache, by one that loads it on first
 * use. Should zod move its files, nothing is replaced and
 * nothing changes but the time.
 */
function deferZodLocales() {
  let file;
  try {
    file = require.resolve("zod/v4/locales");
  } catch {
    return;
  }
  if (require.cache[file]) return;
  let real;
  const load = () => {
    if (!real) {
      delete require.cache[file];
      real = require(file);
    }
    return real;
  };
  const Module = require("node:module");
  const standIn = new Module(file, module);
  standIn.filename = file;
  standIn.loaded = true;
  // `__esModule` makes TypeScript's import helper take the object as it is, without reading it.
  standIn.exports = new Proxy(
    { __esModule: true },
    {
      get: (target, key) => (key === "__esModule" ? true : load()[key]),
      has: (target, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
  require.cache[file] = standIn;
}

let main;
try {
  main = loadMain();
} catch (error) {
  process.stderr.write(`routeops: cannot start: ${error && error.message ? error.message : String(error)}\n`);
  process.exit(1);
}
main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
    // A request that timed out cannot be aborted through the official client and would keep the
    // process alive until its socket gives up: exit a second after the command is done.
    setTimeout(() => process.exit(code), 1000).unref();
  },
  (error) => {
    // Last line of defence: commands report their own errors; this only fires on a bug.
    process.stderr.write(`routeops: internal error: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
