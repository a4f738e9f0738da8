#!/usr/bin/env node
"use strict";
// Runs the TypeScript sources directly (no build step): ts-node in transpile-only mode, so
// `npx routeops` works from a clone right after `npm ci`. Type errors are caught by `npm test`.
// SWC transpiles about ten times faster than TypeScript's own transpiler, which is most of a
// command's start-up time; if its native binary is not available on this platform, fall back.
const path = require("node:path");

function swcAvailable() {
  try {
    require("@swc/core");
    return true;
  } catch {
    return false;
  }
}

require("ts-node").register({
  project: path.join(__dirname, "..", "tsconfig.json"),
  transpileOnly: true,
  swc: swcAvailable(),
  compilerOptions: { module: "commonjs", moduleResolution: "node10" },
});
const { main } = require("../src/cli/main");
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
