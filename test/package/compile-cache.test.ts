/**
 * bin/compile-cache.js: V8's compiled code kept on disk between runs (Node 22 has its own; on Node
 * 20 the CLI uses this one). Its speed is measured in bench/startup.bench.ts; what is asserted here
 * is that a cached module behaves as the same module compiled afresh: its current source runs
 * (never an older one of the same length), its errors point where Node points, and code the cache
 * cannot run the same way is left to Node.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import Module from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { referenceProject, repoRoot } from "../support/reference";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-compile-cache-test-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const compileCache = path.join(repoRoot, "bin", "compile-cache.js");
let projects = 0;
/** How much of an error's stack is kept: a syntax error's file:line, source line, caret and message. */
const STACK_LINES = 5;

/** A folder with `node_modules/pkg/index.js` holding `source`, and a script that requires it. */
function project(source: string): { dir: string; cache: string; pkg: string } {
  const dir = path.join(scratch, `project-${++projects}`);
  const pkg = path.join(dir, "node_modules", "pkg", "index.js");
  fs.mkdirSync(path.dirname(pkg), { recursive: true });
  fs.writeFileSync(pkg, source);
  const cache = path.join(dir, "cache");
  fs.mkdirSync(cache, { mode: 0o700 });
  fs.writeFileSync(
    path.join(dir, "run.js"),
    `const STACK_LINES = ${STACK_LINES};
const how = require(${JSON.stringify(compileCache)}).enableCompileCache({ directory: ${JSON.stringify(cache)} });
if (process.argv[2] === "how") console.log(how);
try {
  console.log(require("pkg"));
} catch (error) {
  console.log(String(error.stack).split("\\n").slice(0, STACK_LINES).join("\\n"));
}
`,
  );
  return { dir, cache, pkg };
}

/** The same require without the cache, as Node does it. */
function plain(dir: string): string {
  const script = `try { console.log(require("pkg")) } catch (error) { console.log(String(error.stack).split("\\n").slice(0, ${STACK_LINES}).join("\\n")) }`;
  return spawnSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" }).stdout;
}

function run(dir: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, [path.join(dir, "run.js"), ...args], { cwd: dir, encoding: "utf8" });
  expect(result.stderr).toBe("");
  return result.stdout;
}

/** The number of entries in the cache (the cache's own folder holds one per V8 version). */
function entries(cache: string): number {
  return fs.readdirSync(cache, { recursive: true }).filter((name) => String(name).endsWith(".bin")).length;
}

describe("the compile cache", () => {
  it("is made on the first run, used on the next, and runs the current source after a change of the same length", () => {
    const { dir, cache, pkg } = project('module.exports = "first";\n');
    expect(run(dir, "how")).toBe("routeops\nfirst\n");
    expect(entries(cache)).toBe(1);
    expect(run(dir)).toBe("first\n");
    // V8's own check of cached code compares the source's length only.
    fs.writeFileSync(pkg, 'module.exports = "other";\n');
    expect(run(dir)).toBe("other\n");
    expect(run(dir)).toBe("other\n");
  });

  it("leaves errors where Node puts them: the thrown line and column, a syntax error's file", () => {
    const { dir } = project('const x = 1; throw new Error("boom " + x);\n');
    // The message and the module's own frame; the frames below differ (Node's loader, or ours).
    const top = (stack: string) => stack.split("\n").slice(0, 2).join("\n");
    const node = top(plain(dir));
    expect(node).toContain("index.js:1:20");
    expect(top(run(dir))).toBe(node);
    expect(top(run(dir))).toBe(node);

    const broken = project("module.exports = {\n  a: 1\n  b: 2,\n};\n");
    const syntax = plain(broken.dir);
    expect(syntax).toContain(`${path.join("node_modules", "pkg", "index.js")}:3`);
    expect(syntax).toContain("SyntaxError");
    expect(run(broken.dir)).toBe(syntax);
    expect(entries(broken.cache)).toBe(0);
  });

  it("leaves a module that uses import() to Node, which a cached script could not run", () => {
    const { dir, cache } = project('module.exports = typeof (() => import("node:fs"));\n');
    expect(run(dir)).toBe("function\n");
    expect(entries(cache)).toBe(0);
  });

  it("is off when another user could write to its directory", () => {
    const { dir, cache } = project('module.exports = "shared";\n');
    fs.chmodSync(cache, 0o777);
    expect(run(dir, "how")).toBe("off\nshared\n");
    expect(entries(cache)).toBe(0);
  });

  it("starts over when it holds more than 4,000 entries, which files long gone leave behind", () => {
    const { dir, cache } = project('module.exports = "kept";\n');
    const own = path.join(cache, `${process.versions.v8}-${process.arch}`);
    fs.mkdirSync(own, { recursive: true });
    for (let i = 0; i < 4001; i++) fs.writeFileSync(path.join(own, `stale-${i}.bin`), "");
    expect(run(dir)).toBe("kept\n");
    expect(fs.readdirSync(own).filter((name) => name.startsWith("stale-"))).toEqual([]);
    expect(entries(cache)).toBe(1);
  });

  it("serves routeops validate on its second run as on its first", () => {
    const tmp = fs.mkdtempSync(path.join(scratch, "tmpdir-"));
    const validate = () =>
      spawnSync(process.execPath, [path.join(repoRoot, "bin", "routeops.js"), "validate"], {
        cwd: referenceProject,
        encoding: "utf8",
        // Node 22's own cache is set by NODE_COMPILE_CACHE; Node 20's (ours) lives under TMPDIR.
        env: { ...process.env, TMPDIR: tmp, NODE_COMPILE_CACHE: path.join(tmp, "node") },
      });
    const first = validate();
    expect(first.stdout).toBe("0 errors, 0 warnings\n");
    const cache =
      "enableCompileCache" in Module
        ? path.join(tmp, "node")
        : path.join(tmp, `routeops-compile-cache-${process.getuid?.() ?? "user"}`);
    expect(fs.readdirSync(cache, { recursive: true }).length).toBeGreaterThan(0);
    const second = validate();
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(0);
  });
});
