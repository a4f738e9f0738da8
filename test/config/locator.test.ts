import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { segmentsOf } from "../../src/config/validate/path";
import { loadRoutingConfig } from "../../src/files/config-loader";
import { ConfigLocator } from "../../src/files/config-locator";
import { referenceProject } from "../support/reference";

const cwd = referenceProject;

function pathsOf(value: unknown, prefix: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (typeof value !== "object" || value === null) return [{ path: prefix, value }];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [{ path: prefix, value }, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

describe("locating every element of the reference config (test/reference/routing/*.ts)", () => {
  const loaded = loadRoutingConfig("routing/index.ts", { cwd });
  if (!loaded.ok) throw new Error("the reference config did not load");
  const locator = new ConfigLocator(loaded.entryFile, loaded.sourceFiles, loaded.config);
  const lineAt = (file: string, line: number) => fs.readFileSync(file, "utf8").split("\n")[line - 1] ?? "";
  // The EMEA countries are built with .map(): their clauses are not written as objects.
  const computed = (p: (string | number)[]) => p.join(".").startsWith("territories.2.matches.");

  it("puts every written string value on a line that contains it", () => {
    const misses: string[] = [];
    for (const { path: raw, value } of pathsOf(loaded.config)) {
      if (typeof value !== "string" || computed(raw)) continue;
      const at = locator.locate(segmentsOf(loaded.config, raw));
      if (!at || !lineAt(at.file, at.line).includes(JSON.stringify(value).slice(0, -1))) {
        misses.push(`${raw.join(".")} -> ${at ? `${path.relative(cwd, at.file)}:${at.line}` : "nowhere"}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it("puts every property on a line that names it", () => {
    const misses: string[] = [];
    for (const { path: raw } of pathsOf(loaded.config)) {
      const key = raw[raw.length - 1];
      if (typeof key !== "string" || computed(raw)) continue;
      const at = locator.locate(segmentsOf(loaded.config, raw));
      if (!at || !new RegExp(`\\b${key.replace(/[-]/g, "\\-")}\\b`).test(lineAt(at.file, at.line))) {
        misses.push(`${raw.join(".")} -> ${at ? `${path.relative(cwd, at.file)}:${at.line}` : "nowhere"}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it("points at the element's id for elements that have one", () => {
    const rule = locator.locate(segmentsOf(loaded.config, ["systems", "inbound", "rules", 4]));
    expect(rule && path.relative(cwd, rule.file)).toBe("routing/systems.ts");
    expect(rule && lineAt(rule.file, rule.line)).toContain('id: "inbound-standard"');
    const policy = locator.locate(segmentsOf(loaded.config, ["slaPolicies", 1]));
    expect(policy && path.relative(cwd, policy.file)).toBe("routing/slas.ts");
    expect(policy && lineAt(policy.file, policy.line)).toContain('id: "inbound-standard"');
  });

  it("points at the nearest written property inside computed values", () => {
    const at = locator.locate(segmentsOf(loaded.config, ["territories", 2, "matches", 3, "country"]));
    expect(at && lineAt(at.file, at.line).trim()).toBe("matches: [");
  });
});
