// `npm test`: the static checks (tsc, eslint, prettier, `routeops validate` of the repository's
// routing) and the test suite (vitest), all of them, every time, and the command fails when any
// of them fails.
//
// They run side by side rather than one after another. vitest keeps the two cores of the machines
// this is built on busy only ~80% of its time (a test waits on a child process, a socket, a lock
// poll), and the static checks, ~60 s of CPU one after another, fill those gaps: see the README's
// "Test suite time" for the figures. vitest's output streams as it comes; each static check's
// output is held and printed whole when it ends, so the two never interleave line by line.
//
// Arguments go to vitest (`npm test -- test/engine`, `npm test -- --no-cache`).
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** The static checks, one after another (each already keeps more than one core busy at times). */
const checks = [
  { name: "typecheck (tsc)", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  { name: "lint (eslint)", command: bin("eslint"), args: ["."] },
  { name: "format (prettier --check)", command: bin("prettier"), args: ["--check", "."] },
  { name: "routeops validate", command: process.execPath, args: [path.join(root, "bin", "routeops.js"), "validate"] },
];

function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, ...options });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function staticChecks(checks) {
  const failed = [];
  for (const check of checks) {
    const started = Date.now();
    const { code, output } = await run(check.command, check.args, { stdio: ["ignore", "pipe", "pipe"] });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`\n--- ${check.name}: ${code === 0 ? "passed" : "FAILED"} (${seconds} s)\n${output}`);
    if (code !== 0) failed.push(check.name);
  }
  return failed;
}

/**
 * Runs `suite` (output streamed) beside `checks` (one after another, output held); resolves to the
 * names of those that failed. test/scripts/test-runner.test.ts runs it with commands of its own.
 */
async function runAll(checks, suite) {
  const started = Date.now();
  const vitest = run(suite.command, suite.args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: suite.env,
  });
  const [failedChecks, result] = await Promise.all([staticChecks(checks), vitest]);
  const failed = [...failedChecks, ...(result.code === 0 ? [] : [suite.name])];
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    failed.length === 0
      ? `\nnpm test: static checks and test suite passed (${seconds} s)\n`
      : `\nnpm test: FAILED: ${failed.join(", ")} (${seconds} s)\n`,
  );
  return failed;
}

async function main() {
  const failed = await runAll(checks, {
    name: "vitest",
    command: bin("vitest"),
    args: ["run", ...process.argv.slice(2)],
    // The suite runs in a time zone far from UTC (+12:45/+13:45), so that code reading the local
    // time zone instead of the config's calendars fails here.
    env: { ...process.env, TZ: "Pacific/Chatham" },
  });
  process.exitCode = failed.length === 0 ? 0 : 1;
}

if (require.main === module) main();
module.exports = { runAll };
