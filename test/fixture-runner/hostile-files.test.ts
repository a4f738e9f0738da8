/**
 * Hostile fixture files: YAML alias bombs, unresolved aliases, absurd nesting and links out of
 * the repository each end in a coded error that names the file and never shows its content.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { referenceConfigFile } from "../support/reference";
import { runCli, tempFixtures } from "./support";

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

function folder(files: Record<string, string>): string {
  const temp = tempFixtures(files);
  cleanups.push(temp.cleanup);
  return temp.dir;
}

async function routeopsTest(cwd: string) {
  const run = await runCli(["test", "--config", referenceConfigFile, "--fixtures", "."], {}, cwd);
  return { ...run, all: `${run.out}\n${run.err}` };
}

const SECRET = "TOPSECRET-0xC0FFEE";

/** Nine levels of ten aliases each: a billion "lol"s if expanded. */
function billionLaughs(): string {
  const lines = [`a0: &a0 ["lol ${SECRET}"]`];
  for (let level = 1; level <= 9; level++) {
    lines.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(", ")}]`);
  }
  return `${lines.join("\n")}\n`;
}

function expectCodedRefusal(run: { code: number; all: string }, file: string, code: string): void {
  expect(run.code).not.toBe(0);
  expect(run.all).toContain(file);
  expect(run.all).toContain(code);
  expect(run.all).not.toContain("internal error");
  expect(run.all).not.toContain(SECRET);
}

describe("hostile fixture files", () => {
  it("a billion-laughs alias bomb is refused as yaml_alias_limit, naming the file", async () => {
    const run = await routeopsTest(folder({ "bomb.yaml": billionLaughs() }));
    expectCodedRefusal(run, "bomb.yaml", "yaml_alias_limit");
  });

  it("an alias to an anchor that does not exist is refused as yaml_unresolved_alias, without the content", async () => {
    const run = await routeopsTest(folder({ "dangling.yaml": `name: ${SECRET}\nat: *nowhere\n` }));
    expectCodedRefusal(run, "dangling.yaml", "yaml_unresolved_alias");
  });

  it("a file nested 100,000 levels deep is refused as yaml_too_deep", async () => {
    const deep = `${"[".repeat(100_000)}"${SECRET}"${"]".repeat(100_000)}\n`;
    const run = await routeopsTest(folder({ "deep.yaml": deep }));
    expectCodedRefusal(run, "deep.yaml", "yaml_too_deep");
  });

  it("a fixture that links to a file outside the repository is refused unread, by name", async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), "routeops-outside-"));
    cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
    writeFileSync(path.join(outside, "secrets.yaml"), `name: ${SECRET}\n`);
    const cwd = folder({});
    symlinkSync(path.join(outside, "secrets.yaml"), path.join(cwd, "leak.yaml"));
    const run = await routeopsTest(cwd);
    expectCodedRefusal(run, "leak.yaml", "fixture_outside_repository");
  });
});
