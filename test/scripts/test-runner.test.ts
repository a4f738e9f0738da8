/**
 * scripts/test.js (`npm test`): the static checks run beside the suite, and the command fails when
 * any of them fails, whichever it is; every check runs even after one failed. Run here with
 * commands of the test's own in place of tsc, eslint, prettier, validate and vitest.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/reference";

const script = path.join(repoRoot, "scripts", "test.js");

/** A command that prints `name` and exits with `code`. */
const step = (name: string, code: number) => ({
  name,
  command: process.execPath,
  args: ["-e", `console.log(${JSON.stringify(`${name} ran`)}); process.exit(${code})`],
});

function runAll(
  checks: ReturnType<typeof step>[],
  suite: ReturnType<typeof step>,
): { code: number | null; out: string } {
  const program = `require(${JSON.stringify(script)}).runAll(${JSON.stringify(checks)}, ${JSON.stringify(suite)})
    .then((failed) => { console.log("FAILED=" + failed.join("|")); process.exitCode = failed.length ? 1 : 0; });`;
  const result = spawnSync(process.execPath, ["-e", program], { encoding: "utf8" });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe("npm test's runner (scripts/test.js)", () => {
  it("passes when every check and the suite pass, with each check's output", () => {
    const { code, out } = runAll([step("tsc", 0), step("eslint", 0)], step("vitest", 0));
    expect(code).toBe(0);
    expect(out).toContain("--- tsc: passed");
    expect(out).toContain("tsc ran");
    expect(out).toContain("eslint ran");
    expect(out).toContain("vitest ran");
    expect(out).toContain("FAILED=\n");
    expect(out).toMatch(/npm test: static checks and test suite passed \(\d+\.\d s\)/);
  });

  it("fails when a check fails, and still runs the checks after it and the suite", () => {
    const { code, out } = runAll([step("tsc", 2), step("eslint", 0), step("prettier", 1)], step("vitest", 0));
    expect(code).toBe(1);
    expect(out).toContain("--- tsc: FAILED");
    expect(out).toContain("eslint ran");
    expect(out).toContain("--- prettier: FAILED");
    expect(out).toContain("vitest ran");
    expect(out).toContain("FAILED=tsc|prettier");
    expect(out).toMatch(/npm test: FAILED: tsc, prettier/);
  });

  it("fails when only the suite fails", () => {
    const { code, out } = runAll([step("tsc", 0)], step("vitest", 1));
    expect(code).toBe(1);
    expect(out).toContain("FAILED=vitest");
  });

  it("fails, naming it, when a command cannot be started", () => {
    const missing = { name: "lint", command: path.join(repoRoot, "no-such-tool"), args: [] };
    const { code, out } = runAll([missing], step("vitest", 0));
    expect(code).toBe(1);
    expect(out).toContain("--- lint: FAILED");
    expect(out).toContain("FAILED=lint");
  });
});
