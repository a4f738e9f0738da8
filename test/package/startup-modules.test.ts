/**
 * What `routeops validate` loads. Start-up time is measured in bench/startup.bench.ts, never
 * asserted here; what is asserted is the structure that keeps it short: each command is imported
 * only when it runs, so validate loads none of the clients and engines other commands need.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { referenceProject, repoRoot } from "../support/reference";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-startup-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI with a preload that writes every module file loaded, when the process exits. */
function modulesLoadedBy(...args: string[]): { code: number | null; out: string; modules: string[] } {
  const list = path.join(scratch, `modules-${args.join("-")}.json`);
  const preload = path.join(scratch, "list-modules.js");
  fs.writeFileSync(
    preload,
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`,
  );
  const result = spawnSync(
    process.execPath,
    ["--require", preload, path.join(repoRoot, "bin", "routeops.js"), ...args],
    {
      cwd: referenceProject,
      encoding: "utf8",
    },
  );
  return { code: result.status, out: result.stdout, modules: JSON.parse(fs.readFileSync(list, "utf8")) as string[] };
}

/** The installed packages among the loaded files, by name. */
function packages(modules: string[]): string[] {
  const names = modules.flatMap((file) => {
    const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    return match ? [match[1]!.replace("\\", "/")] : [];
  });
  return [...new Set(names)].sort();
}

describe("what routeops validate loads", () => {
  it("loads zod (the shape checks) and no client, database or compiler, nor jiti once its files are cached", () => {
    // The first run may transpile the config through jiti (a machine's first run, or after an
    // edit); the second runs it from the transpile cache (src/files/config-transpile-cache.ts).
    modulesLoadedBy("validate");
    const validate = modulesLoadedBy("validate");
    expect(validate.out).toBe("0 errors, 0 warnings\n");
    expect(validate.code).toBe(0);
    const loaded = packages(validate.modules);
    // From dist/ (a build of the current sources), zod is the build's own file of the parts
    // RouteOps uses (scripts/vendor-zod.js) and the installed package is not loaded at all; from
    // src/ (jiti, when dist/ is older than the sources) it is the installed package.
    const vendored = validate.modules.filter((file) => /[\\/]dist[\\/]vendor[\\/]zod\.js$/.test(file));
    if (validate.modules.some((file) => /[\\/]dist[\\/]cli[\\/]main\.js$/.test(file))) {
      expect(vendored).toHaveLength(1);
      expect(loaded).not.toContain("zod");
      // jiti's version is part of the transpile cache's key; its code is not loaded.
      expect(validate.modules.filter((file) => /[\\/]node_modules[\\/]jiti[\\/]/.test(file))).toEqual([
        path.join(repoRoot, "node_modules", "jiti", "package.json"),
      ]);
    } else {
      // bin/routeops.js runs the sources through jiti itself.
      expect(loaded).toContain("zod");
    }
    for (const heavy of ["@hubspot/api-client", "@octokit/rest", "@electric-sql/pglite", "pg", "typescript", "yaml"]) {
      expect(loaded, heavy).not.toContain(heavy);
    }
  });

  it("loads no other command's module", () => {
    const validate = modulesLoadedBy("validate");
    const commands = validate.modules
      .map((file) => /[\\/]cli[\\/]commands[\\/]([^\\/]+)\.(?:js|ts)$/.exec(file)?.[1])
      .filter((name): name is string => name !== undefined)
      .sort();
    expect(commands).toEqual(["index", "validate"]);
  });
});
