/** `routeops init`: a new routing repository that passes its own checks. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { captureIO } from "../support/cli-io";

let scratch = "";
afterEach(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  scratch = "";
});

async function routeops(cwd: string, ...argv: string[]) {
  const io = captureIO({}, { cwd });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const SLOW = 120_000;

describe("routeops init", () => {
  it(
    "scaffolds a starter repository that validates and passes its fixtures with every rule covered",
    async () => {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-init-"));
      const init = await routeops(scratch, "init", "acme-routing");
      expect(init.err).toBe("");
      expect(init.code).toBe(0);
      expect(init.out).toContain("Created a routing repository in acme-routing");
      const dir = path.join(scratch, "acme-routing");
      for (const file of [
        "routing/index.ts",
        "test/fixtures/routing.yaml",
        ".github/workflows/routing-pr.yml",
        ".github/workflows/routing-deploy.yml",
        ".github/workflows/routing-audit.yml",
        ".github/workflows/ci.yml",
        "package.json",
        "tsconfig.json",
        ".gitignore",
        "README.md",
      ]) {
        expect(fs.existsSync(path.join(dir, file)), file).toBe(true);
      }
      expect(fs.readFileSync(path.join(dir, "routing/index.ts"), "utf8")).toContain('from "routeops"');
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
      expect(manifest.name).toBe("acme-routing");
      expect(manifest.devDependencies.routeops).toMatch(/^\^\d+\.\d+\.\d+$/);
      expect(manifest.scripts.test).toContain("routeops validate && routeops test");
      // The workflows call the package's CLI, never this repository's files.
      const workflows = fs.readdirSync(path.join(dir, ".github/workflows"));
      for (const workflow of workflows) {
        expect(fs.readFileSync(path.join(dir, ".github/workflows", workflow), "utf8")).not.toMatch(
          /bin\/routeops|src\//,
        );
      }

      const validate = await routeops(dir, "validate");
      expect(validate.out).toBe("0 errors, 0 warnings\n");
      expect(validate.code).toBe(0);
      const test = await routeops(dir, "test", "--min-coverage", "100");
      expect(test.out).toMatch(/^Routing coverage: 100% /m);
      expect(test.out).toMatch(/^\d+ passed, 0 failed$/m);
      expect(test.code).toBe(0);
    },
    SLOW,
  );

  it(
    "scaffolds the full reference organisation with --reference",
    async () => {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-init-"));
      expect((await routeops(scratch, "init", "--reference")).code).toBe(0);
      expect(fs.readFileSync(path.join(scratch, "routing/reps.ts"), "utf8")).toContain("farid.haddad@acme.test");
      expect((await routeops(scratch, "validate")).code).toBe(0);
      const test = await routeops(scratch, "test", "--min-coverage", "100");
      // As many fixtures as the product's own reference copy has, all passing.
      const reference = await routeops(path.join(__dirname, "..", "reference"), "test");
      const count = /^(\d+) passed, 0 failed$/m.exec(reference.out)?.[1];
      expect(Number(count)).toBeGreaterThan(100);
      expect(test.out).toMatch(new RegExp(`^${count} passed, 0 failed$`, "m"));
      expect(test.code).toBe(0);
    },
    SLOW,
  );

  it("never overwrites: a folder with a routing repository in it is refused, and nothing is written", async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-init-"));
    fs.writeFileSync(path.join(scratch, "package.json"), "{}\n");
    const init = await routeops(scratch, "init");
    expect(init.code).toBe(1);
    expect(init.err).toBe(
      "routeops init: . already holds package.json: init writes a new repository and never overwrites; choose an empty folder\n",
    );
    expect(fs.readdirSync(scratch)).toEqual(["package.json"]);
    expect(fs.readFileSync(path.join(scratch, "package.json"), "utf8")).toBe("{}\n");
  });

  it("takes at most one folder", async () => {
    const init = await routeops(os.tmpdir(), "init", "a", "b");
    expect(init.code).toBe(2);
    expect(init.err).toContain("expected at most one folder, got a, b");
  });
});
