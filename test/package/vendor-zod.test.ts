/**
 * scripts/vendor-zod.js: the build puts the parts of zod that the compiled code calls in one file
 * (dist/vendor/zod.js) and points every `require("zod")` at it. What is asserted: the names kept
 * are the ones the code uses, any use the script cannot follow fails the build naming the file, and
 * the code runs against the vendored file as it ran against zod.
 */
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/reference";

const { usedNames, vendorZod } = createRequire(__filename)(path.join(repoRoot, "scripts", "vendor-zod.js")) as {
  usedNames: (dist: string, files: string[]) => { names: string[]; requiring: string[] };
  vendorZod: (root: string, dist: string) => Promise<{ names: string[]; files: number }>;
};

// Under node_modules/.cache, so that "zod" resolves from the scratch dist as from the real one.
const cacheDir = path.join(repoRoot, "node_modules", ".cache");
fs.mkdirSync(cacheDir, { recursive: true });
const scratch = fs.mkdtempSync(path.join(cacheDir, "routeops-vendor-zod-test-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
let dists = 0;

/** A dist folder holding `files` (path under dist -> compiled source). */
function dist(files: Record<string, string>): string {
  const dir = path.join(scratch, `dist-${++dists}`);
  for (const [name, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), source);
  }
  return dir;
}

const schemaModule = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const zod_1 = require("zod");
exports.shape = zod_1.z
    .strictObject({ id: zod_1.z.string().min(2), kind: zod_1.z.enum(["inbound", "outbound"]) });
exports.check = (value) => {
    const result = exports.shape.safeParse(value);
    return result.success ? "ok" : result.error.issues.map((issue) => issue.path.join(".") + ": " + issue.message).join("; ");
};
`;

describe("scripts/vendor-zod.js", () => {
  it("keeps the names of z the compiled code uses, across line breaks", () => {
    const dir = dist({ "config/schema.js": schemaModule, "other.js": `"use strict";\nexports.x = 1;\n` });
    const found = usedNames(dir, [path.join(dir, "config/schema.js"), path.join(dir, "other.js")]);
    expect(found.names).toEqual(["enum", "strictObject", "string"]);
    expect(found.requiring).toEqual([path.join(dir, "config/schema.js")]);
  });

  it("fails, naming the file, on a use of zod it cannot follow", () => {
    const dir = dist({
      "errors.js": `"use strict";\nconst zod_1 = require("zod");\nexports.isZod = (e) => e instanceof zod_1.ZodError;\n`,
    });
    expect(() => usedNames(dir, [path.join(dir, "errors.js")])).toThrow(
      /^errors\.js: zod is used other than as `z\.<name>`/,
    );
  });

  it("builds one file the code then runs against, with zod's English messages", async () => {
    const dir = dist({ "config/schema.js": schemaModule });
    const result = await vendorZod(repoRoot, dir);
    expect(result).toEqual({ names: ["enum", "strictObject", "string"], files: 1 });
    const compiled = fs.readFileSync(path.join(dir, "config/schema.js"), "utf8");
    expect(compiled).toContain(`const zod_1 = require("../vendor/zod.js");`);
    expect(compiled).not.toContain(`require("zod")`);
    expect(fs.existsSync(path.join(dir, "vendor", ".zod-entry.mjs"))).toBe(false);

    const load = createRequire(path.join(dir, "config", "schema.js"));
    const schema = load("./schema.js") as { check: (value: unknown) => string };
    expect(schema.check({ id: "ab", kind: "inbound" })).toBe("ok");
    expect(schema.check({ id: "a", kind: "sideways", extra: 1 })).toBe(
      'id: Too small: expected string to have >=2 characters; kind: Invalid option: expected one of "inbound"|"outbound"; : Unrecognized key: "extra"',
    );
    // A second build (tsc leaves unchanged files as the first build rewrote them) keeps the names.
    expect(await vendorZod(repoRoot, dir)).toEqual({ names: ["enum", "strictObject", "string"], files: 1 });
  });
});
