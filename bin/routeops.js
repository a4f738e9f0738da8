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
const compiled = path.join(root, "dist", "cli", "main.js");
const sources = path.join(root, "src");

/** The newest modification time of a file under `dir`, stopping early once past `limit`. */
function newerThan(dir, limit) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
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
  const { createJiti } = require("jiti");
  return createJiti(__filename, { interopDefault: false })(path.join(sources, "cli", "main.ts")).main;
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
