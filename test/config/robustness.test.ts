import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateRouting } from "../../src/config/validate";
import { referenceCopy } from "./broken-config";

/** Every path (keys and indexes) to a value inside `value`. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

const referencePaths = pathsOf(referenceCopy()).filter((p) => p.length > 0);

type Change = { path: (string | number)[]; kind: "delete" | "replace" | "duplicate"; value: unknown };

function apply(change: Change): unknown {
  const config = referenceCopy() as unknown as Record<string | number, unknown>;
  let parent = config;
  for (const key of change.path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = change.path[change.path.length - 1]!;
  if (change.kind === "delete") {
    if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
    else delete parent[last];
  } else if (change.kind === "duplicate" && Array.isArray(parent) && typeof last === "number") {
    parent.push(structuredClone(parent[last]));
  } else {
    parent[last] = change.value;
  }
  return config;
}

describe("validation never crashes and never passes a config with errors", () => {
  it("handles any JSON value as a config", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateRouting(value);
        expect(result.config).toBeUndefined();
        expect(result.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 20261101 },
    );
  });

  it("handles one random change anywhere in the reference config", () => {
    const change = fc.record({
      path: fc.constantFrom(...referencePaths),
      kind: fc.constantFrom("delete" as const, "replace" as const, "duplicate" as const),
      value: fc.oneof(fc.jsonValue(), fc.constantFrom("", 0, -1, 1.5, "2026-02-30", "25:00-26:00", "nobody@acme.test")),
    });
    fc.assert(
      fc.property(change, (c) => {
        const result = validateRouting(apply(c));
        const errors = result.diagnostics.filter((d) => d.severity === "error");
        expect(result.config === undefined).toBe(errors.length > 0);
        for (const d of result.diagnostics) {
          expect(d.code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400, seed: 20261101 },
    );
  });
});
