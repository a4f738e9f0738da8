/**
 * The config's transpile cache (src/files/config-transpile-cache.ts): after a load through jiti,
 * the next load of the same files runs from the cache without jiti, and nothing a user sees
 * changes: the same config, the same files, the same diagnostics at the same lines, the same
 * deadline. Whatever the cache cannot plan goes through jiti.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { loadAndValidate, loadRoutingConfig } from "../../src/files/config-loader";
import { runConfigModule } from "../../src/files/config-module";
import { openTranspileCache, type TranspileCache } from "../../src/files/config-transpile-cache";
import { repoRoot } from "../support/reference";
import { ConfigFolder } from "./config-folder";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-transpile-cache-test-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
let folders: ConfigFolder[] = [];
afterEach(() => {
  folders.forEach((f) => f.remove());
  folders = [];
  vi.unstubAllEnvs();
});
let caches = 0;

function setup(): { f: ConfigFolder; cache: TranspileCache } {
  const f = new ConfigFolder();
  folders.push(f);
  const cache = openTranspileCache(path.join(scratch, `cache-${++caches}`));
  if (!cache) throw new Error("the scratch cache is not private");
  return { f, cache };
}

/** How a load of the folder's routing/index.ts went: through jiti or from the cache. */
function via(f: ConfigFolder, cache: TranspileCache): string {
  const outcome = runConfigModule({
    entryFile: f.path("routing/index.ts"),
    alias: { routeops: path.join(repoRoot, "src", "index.ts") },
    timeoutMs: 30_000,
    cache,
  });
  return outcome.kind === "loaded" ? outcome.via : outcome.kind;
}

/**
 * Loads the config once (kept in the cache), then again from the cache with
 * ROUTEOPS_TEST_WAIT=forever and a 1 s deadline: each diagnostic's code and file.
 */
function stoppedFromCache(f: ConfigFolder, cache: TranspileCache): (string | undefined)[][] {
  expect(loadAndValidate("routing/index.ts", { cwd: f.cwd, transpileCache: cache }).diagnostics).toEqual([]);
  expect(via(f, cache)).toBe("cache");
  vi.stubEnv("ROUTEOPS_TEST_WAIT", "forever");
  const diagnostics = loadAndValidate("routing/index.ts", {
    cwd: f.cwd,
    timeoutMs: 1000,
    transpileCache: cache,
  }).diagnostics;
  return diagnostics.map((d) => [d.code, d.file]);
}

describe("the config's transpile cache", () => {
  it("runs a second load from the cache, with the same config and the same files", () => {
    const { f, cache } = setup();
    const first = loadRoutingConfig("routing/index.ts", { cwd: f.cwd, transpileCache: cache });
    expect(via(f, cache)).toBe("cache");
    const second = loadRoutingConfig("routing/index.ts", { cwd: f.cwd, transpileCache: cache });
    if (!first.ok || !second.ok) throw new Error("the reference copy did not load");
    expect(second.config).toEqual(first.config);
    expect([...second.sourceFiles.keys()].sort()).toEqual([...first.sourceFiles.keys()].sort());
    expect(second.sourceFiles.size).toBe(9);
    // The texts the cached load ran, as the jiti load's files read afterwards.
    expect(second.sourceFiles).toEqual(first.sourceFiles);
  });

  it("goes through jiti again for a file edited since, even to text of the same length", () => {
    const { f, cache } = setup();
    expect(via(f, cache)).toBe("jiti");
    expect(via(f, cache)).toBe("cache");
    f.edit("routing/index.ts", 'version: "2026.11.1"', 'version: "2026.11.2"');
    expect(via(f, cache)).toBe("jiti");
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd, transpileCache: cache }).config?.version).toBe(
      "2026.11.2",
    );
    expect(via(f, cache)).toBe("cache");
  });

  it("reports a cached module that throws at the same file, line and message as jiti does", () => {
    const { f, cache } = setup();
    f.edit(
      "routing/pools.ts",
      "export const queues",
      'if (process.env.ROUTEOPS_TEST_DESK === "missing") {\n  throw new Error("desk owner not configured");\n}\nexport const queues',
    );
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd, transpileCache: cache }).diagnostics).toEqual([]);
    expect(via(f, cache)).toBe("cache");
    vi.stubEnv("ROUTEOPS_TEST_DESK", "missing");
    const cached = loadAndValidate("routing/index.ts", { cwd: f.cwd, transpileCache: cache }).diagnostics;
    const jiti = loadAndValidate("routing/index.ts", { cwd: f.cwd, transpileCache: null }).diagnostics;
    expect(cached).toEqual(jiti);
    expect(cached).toMatchObject([
      {
        code: "config_load_failed",
        file: "routing/pools.ts",
        line: f.lineOf("routing/pools.ts", "throw new Error"),
        column: 9,
        message: "loading the config failed: desk owner not configured",
      },
    ]);
  });

  it("stops a cached module that never ends and names it", () => {
    const { f, cache } = setup();
    f.edit(
      "routing/reps.ts",
      "export const reps",
      'while (process.env.ROUTEOPS_TEST_WAIT === "forever") {\n  // waits\n}\nexport const reps',
    );
    expect(stoppedFromCache(f, cache)).toEqual([["config_load_timeout", "routing/reps.ts"]]);
  });

  it("names the module still running at the deadline, not one that threw and was caught before", () => {
    const { f, cache } = setup();
    f.write(
      "routing/extra.ts",
      'if (process.env.ROUTEOPS_TEST_WAIT === "forever") throw new Error("no extra");\nexport const extra = 1;\n',
    );
    f.edit(
      "routing/reps.ts",
      "export const reps",
      'try {\n  require("./extra");\n} catch {\n  // without the extra\n}\nwhile (process.env.ROUTEOPS_TEST_WAIT === "forever") {\n  // waits\n}\nexport const reps',
    );
    expect(stoppedFromCache(f, cache)).toEqual([["config_load_timeout", "routing/reps.ts"]]);
  });

  it("keeps a cached config's output and process.exit out of the command, as through jiti", () => {
    const { f, cache } = setup();
    f.edit(
      "routing/slas.ts",
      "export const slaPolicies",
      'console.log("from the config");\nif (process.env.ROUTEOPS_TEST_EXIT === "yes") process.exit(3);\nexport const slaPolicies',
    );
    loadAndValidate("routing/index.ts", { cwd: f.cwd, transpileCache: cache });
    vi.stubEnv("ROUTEOPS_TEST_EXIT", "yes");
    const lines: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stdout.write;
    let diagnostics;
    try {
      expect(via(f, cache)).toBe("threw");
      diagnostics = loadAndValidate("routing/index.ts", { cwd: f.cwd, transpileCache: cache }).diagnostics;
    } finally {
      process.stdout.write = write;
    }
    expect(lines).toEqual([]);
    expect(diagnostics).toEqual(loadAndValidate("routing/index.ts", { cwd: f.cwd, transpileCache: null }).diagnostics);
    expect(diagnostics).toMatchObject([
      {
        code: "config_load_failed",
        file: "routing/slas.ts",
        line: f.lineOf("routing/slas.ts", "process.exit(3)"),
        message: "loading the config failed: the config called process.exit(3) while loading",
      },
    ]);
  });

  it("leaves to jiti an import naming two files, a JSON file, or require used otherwise", () => {
    const { f, cache } = setup();
    f.write("routing/reps/index.ts", "export const reps = [];\n");
    expect(via(f, cache)).toBe("jiti");
    expect(via(f, cache)).toBe("jiti");
    // Its files were kept by those loads: once the import names one file, the cache serves it.
    fs.rmSync(f.path("routing/reps"), { recursive: true });
    expect(via(f, cache)).toBe("cache");

    f.write("routing/version.json", '{ "version": "2026.11.1" }\n');
    f.edit("routing/index.ts", 'version: "2026.11.1"', "version: release.version");
    f.edit(
      "routing/index.ts",
      'import { calendars } from "./calendars";',
      'import { calendars } from "./calendars";\nimport release from "./version.json";',
    );
    expect(via(f, cache)).toBe("jiti");
    expect(via(f, cache)).toBe("jiti");

    f.edit(
      "routing/index.ts",
      'import release from "./version.json";',
      'const release = require("./version.json") as { version: string };\nrequire.resolve("./calendars");',
    );
    expect(via(f, cache)).toBe("jiti");
    expect(via(f, cache)).toBe("jiti");
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd, transpileCache: cache }).diagnostics).toEqual([]);
  });

  it("starts over when it holds 2,000 entries, which edits leave behind", () => {
    const { f, cache } = setup();
    const modules = path.join(scratch, `cache-${caches}`, "modules");
    for (let i = 0; i < 2000; i++) fs.writeFileSync(path.join(modules, `old-${i}.cjs`), "");
    expect(via(f, cache)).toBe("jiti");
    expect(fs.readdirSync(modules).filter((name) => name.startsWith("old-"))).toEqual([]);
    expect(fs.readdirSync(modules)).toHaveLength(9);
    expect(via(f, cache)).toBe("cache");
  });

  it("is off when another user could write to its folder, or when compile caches are turned off", () => {
    const open = path.join(scratch, "shared");
    fs.mkdirSync(open, { mode: 0o777 });
    fs.chmodSync(open, 0o777);
    expect(openTranspileCache(open)).toBeUndefined();
    vi.stubEnv("NODE_DISABLE_COMPILE_CACHE", "1");
    expect(openTranspileCache(path.join(scratch, "off"))).toBeUndefined();
  });
});
