/**
 * The reference fixture suite (test/fixtures) is the independent oracle of the routing design:
 * every expected value in it was computed by hand from the reference organisation. It runs here
 * as part of `npm test`, once through the CLI (exit code, coverage, summary line) and fixture by
 * fixture, so that a failure names the fixture.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config/types";
import { compileRouting, route, type CompiledRouting } from "../../src/engine";
import { loadAndValidate } from "../../src/files/config-loader";
import { loadFixtureSources } from "../../src/files/fixture-loader";
import {
  createFixtureValidator,
  failureLines,
  parseFixtureText,
  runEntry,
  type FixtureEntry,
} from "../../src/fixtures";
import { lastLine, runCli } from "./support";
import { referenceProject } from "../support/reference";

const sources = loadFixtureSources("test/fixtures", { cwd: referenceProject });
const entries: FixtureEntry[] = sources.flatMap((source) => parseFixtureText(source).entries);

describe("the reference fixture suite through routeops test", () => {
  it("passes with 100% routing coverage and at least 60 fixtures", async () => {
    const run = await runCli(["test"]);
    expect(run.out).toContain("Routing coverage: 100% (14 of 14 rules reached by a fixture)");
    const summary = lastLine(run.out);
    expect(summary).toMatch(/^\d+ passed, 0 failed$/);
    expect(Number(summary.split(" ")[0])).toBe(entries.length);
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(run.code).toBe(0);
  });

  it("groups the fixtures in folders by system", () => {
    const folders = new Set(sources.map((s) => path.dirname(s.file).split("/")[2]));
    for (const folder of ["sources", "inbound", "outbound", "reengagement", "unclassified", "sla", "territories"]) {
      expect(folders, folder).toContain(folder);
    }
  });
});

describe("each reference fixture", () => {
  let config: RoutingConfig;
  let compiled: CompiledRouting;
  const validate = createFixtureValidator();
  beforeAll(() => {
    const loaded = loadAndValidate("routing/index.ts", { cwd: referenceProject });
    if (!loaded.config)
      throw new Error(`the reference config does not validate: ${JSON.stringify(loaded.diagnostics)}`);
    config = loaded.config;
    compiled = compileRouting(config);
  });

  it.each(entries.map((entry) => [`${entry.file}: ${(entry.value as { name?: string }).name}`, entry] as const))(
    "%s",
    (_label, entry) => {
      const result = runEntry(
        entry,
        { validate, route: (input, options) => route(compiled, input, options) },
        { honourSkip: true, alwaysTrace: false },
      );
      expect(result.status, failureLines(result).join("\n")).toBe("passed");
    },
  );
});
