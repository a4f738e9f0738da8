/**
 * The package as npm ships it: `npm pack` of a copy of this repository, the tarball installed into
 * an empty project with `npm ci --offline` (dependencies from the npm cache, never the internet),
 * then what a new user does: `npx routeops init` a routing repository, install the package there,
 * and run its own `npm test` (type-check, validate, test) and `routeops validate`, `test`, `demo`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockPackedInstall } from "../support/packed-install";
import { repoRoot } from "../support/reference";

/** What the copy leaves out: installed and generated things (node_modules is linked instead). */
const NOT_COPIED = new Set(["node_modules", ".git", "dist", "coverage", ".routeops", "tmp"]);

// Building, packing and installing ~75 packages: minutes on a busy 2-core machine.
const SLOW = 900_000;

let scratch = "";
let tarball = "";
let entries: string[] = [];

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      FORCE_COLOR: "0",
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
    },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/**
 * `npm ci --offline` (or `npm install --offline`) in `project`, which names the tarball; fails the
 * test with npm's output.
 */
function installPacked(project: string, how: "ci" | "install" = "ci"): void {
  lockPackedInstall({ repoRoot, tarball, project });
  const install = run("npm", [how, "--offline"], project);
  expect(install.code, `npm ${how} --offline in ${project}:\n${install.out}\n${install.err}`).toBe(0);
}

/** The installed CLI, run the way npm's bin link runs it. */
function routeops(project: string, ...args: string[]) {
  return run(process.execPath, [path.join(project, "node_modules", ".bin", "routeops"), ...args], project);
}

/** dist/ was built after the last change under src/ (the check bin/routeops.js makes). */
function distIsCurrent(): boolean {
  let built: number;
  try {
    built = fs.statSync(path.join(repoRoot, "dist", ".built")).mtimeMs;
  } catch {
    return false;
  }
  const newer = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? newer(full) : fs.statSync(full).mtimeMs > built;
    });
  return !newer(path.join(repoRoot, "src"));
}

beforeAll(() => {
  scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "routeops-packed-")));
  const source = path.join(scratch, "source");
  for (const entry of fs.readdirSync(repoRoot)) {
    if (NOT_COPIED.has(entry)) continue;
    fs.cpSync(path.join(repoRoot, entry), path.join(source, entry), {
      recursive: true,
      filter: (file) => !NOT_COPIED.has(path.basename(file)),
    });
  }
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(source, "node_modules"));
  // `npm pack` runs the "prepare" script, which builds dist/. A dist/ already built from the
  // current sources is the same build: it is reused, and packed without running scripts.
  const reuse = distIsCurrent();
  if (reuse) fs.cpSync(path.join(repoRoot, "dist"), path.join(source, "dist"), { recursive: true });
  const pack = run("npm", ["pack", "--pack-destination", scratch, ...(reuse ? ["--ignore-scripts"] : [])], source);
  expect(pack.code, `npm pack:\n${pack.out}\n${pack.err}`).toBe(0);
  const packed = fs.readdirSync(scratch).filter((file) => file.endsWith(".tgz"));
  expect(packed).toHaveLength(1);
  tarball = path.join(scratch, packed[0]!);
  const listing = run("tar", ["-tzf", tarball], scratch);
  expect(listing.code).toBe(0);
  entries = listing.out
    .split("\n")
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ""));
}, SLOW);

// The installed node_modules: removing it takes a while on a busy machine too. (The copy's
// node_modules is a symbolic link: rmSync removes the link, never the repository's packages.)
afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}, SLOW);

describe("npm pack", () => {
  it("ships the compiled CLI and API, the templates, the reference organisation, workflows and docs", () => {
    for (const file of [
      "package.json",
      "README.md",
      "bin/routeops.js",
      "dist/cli/main.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/config/types.d.ts",
      "templates/starter/routing/index.ts",
      "templates/starter/test/fixtures/routing.yaml",
      "test/reference/routing/index.ts",
      "test/reference/routing/reps.ts",
      ".github/workflows/routing-pr.yml",
      ".github/workflows/routing-deploy.yml",
      ".github/workflows/routing-audit.yml",
      ".github/workflows/ci.yml",
      "docs/validate.md",
    ]) {
      expect(entries, file).toContain(file);
    }
    expect(entries.some((entry) => entry.startsWith("test/reference/test/fixtures/") && entry.endsWith(".yaml"))).toBe(
      true,
    );
  });

  it("ships every file the compiled code reads beside it (assets under src/ that tsc does not emit)", () => {
    const assets: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
        const relative = path.posix.join(dir, entry.name);
        if (entry.isDirectory()) walk(relative);
        else if (!/\.(ts|json)$/.test(entry.name)) assets.push(relative.replace(/^src\//, "dist/"));
      }
    };
    walk("src");
    for (const asset of assets) expect(entries, asset).toContain(asset);
  });

  it("leaves out the sources, the product's tests, the adopter's routing/ and build leftovers", () => {
    const unwanted = entries.filter(
      (entry) =>
        entry.startsWith("src/") ||
        entry.startsWith("routing/") ||
        entry.startsWith("bench/") ||
        entry.startsWith("scripts/") ||
        entry.startsWith("node_modules/") ||
        (entry.startsWith("test/") && !entry.startsWith("test/reference/")) ||
        entry.startsWith("test/reference/test/") !== entry.startsWith("test/reference/test/fixtures/") ||
        (/\.(ts|mts|cts|tsx)$/.test(entry) &&
          !entry.endsWith(".d.ts") &&
          !entry.startsWith("templates/") &&
          !entry.startsWith("test/reference/")) ||
        entry.endsWith(".map") ||
        entry.endsWith(".tsbuildinfo"),
    );
    expect(unwanted).toEqual([]);
  });
});

describe("the tarball installed into an empty project", () => {
  let app = "";

  beforeAll(() => {
    // `npx routeops init app`: the package installed somewhere of its own, its CLI run once.
    const npx = path.join(scratch, "npx");
    fs.mkdirSync(npx);
    fs.writeFileSync(
      path.join(npx, "package.json"),
      JSON.stringify({ name: "npx-routeops", version: "0.0.0", private: true }, null, 2) + "\n",
    );
    installPacked(npx);
    // The installed package runs its compiled JavaScript: there are no sources to fall back to.
    expect(fs.existsSync(path.join(npx, "node_modules", "routeops", "src"))).toBe(false);
    const init = routeops(npx, "init", path.join("..", "app"));
    expect(init.err).toBe("");
    expect(init.code).toBe(0);
    app = path.join(scratch, "app");
    // Then, as its README says: cd app && npm install. The tree npx installed moves into the new
    // project first (the same packages from the same tarball and lock), so that npm reconciles it
    // with the project's own package.json and lock instead of extracting all of them again: the
    // install from nothing into an empty project is the one above.
    fs.renameSync(path.join(npx, "node_modules"), path.join(app, "node_modules"));
    installPacked(app, "install");
  }, SLOW);

  it(
    "passes the new repository's own npm test (type-check of routing/, validate, test)",
    () => {
      const test = run("npm", ["test"], app);
      expect(test.err).not.toMatch(/error/i);
      expect(test.out).toContain("0 errors, 0 warnings");
      expect(test.out).toMatch(/^\d+ passed, 0 failed$/m);
      expect(test.code).toBe(0);
    },
    SLOW,
  );

  it(
    "runs routeops validate",
    () => {
      const validate = routeops(app, "validate");
      expect(validate.err).toBe("");
      expect(validate.out).toBe("0 errors, 0 warnings\n");
      expect(validate.code).toBe(0);
    },
    SLOW,
  );

  it(
    "runs routeops test with every rule reached",
    () => {
      const test = routeops(app, "test", "--min-coverage", "100");
      expect(test.out).toMatch(/^Routing coverage: 100% /m);
      expect(test.out).toMatch(/^\d+ passed, 0 failed$/m);
      expect(test.code).toBe(0);
    },
    SLOW,
  );

  it(
    "runs routeops demo end to end against the embedded emulator",
    () => {
      const demo = routeops(app, "demo");
      expect(demo.out).toMatch(/^✓ validate /m);
      expect(demo.out).toMatch(/^✓ deploy /m);
      expect(demo.out).toMatch(/^✓ audit /m);
      expect(demo.out).toContain("Every step succeeded.");
      expect(demo.code).toBe(0);
    },
    SLOW,
  );
});
