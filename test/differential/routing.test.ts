/**
 * The differential proof: `routing/` deployed into the emulator routes every reference fixture
 * like the engine. Each fixture is replayed as a fresh contact (company, history and the event,
 * at the fixture's instants) through the official HubSpot client and the emulator's test
 * endpoints; the deployed flows run in the emulator's executor; the contact read back must show
 * the engine's decision, except where a listed HubSpot limitation predicts otherwise, and then it
 * must show exactly what the limitation predicts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRouting, route } from "../../src/engine";
import { loadFixtureSources } from "../../src/files/fixture-loader";
import { createFixtureValidator, parseFixtureText, toRouteInput, type RoutingFixture } from "../../src/fixtures";
import { repoRoot, referenceProject } from "../support/reference";
import { deployedPortal, referenceConfig, type DeployedPortal } from "./deployed-portal";
import { LIMITATIONS, type ReplayCase } from "./limitations";
import { replay } from "./replay";
import { engineView, FIELDS, portalView, satisfies, show, type ExpectedView, type RoutingView } from "./views";

const validate = createFixtureValidator();
const fixtures = loadFixtureSources("test/fixtures", { cwd: referenceProject })
  .flatMap((source) => parseFixtureText(source).entries)
  .map((entry) => {
    const check = validate(entry.value);
    if (!check.ok) throw new Error(`${entry.file}: fixture ${entry.index} does not fit the schema`);
    return { file: entry.file, fixture: entry.value as RoutingFixture };
  })
  .filter(({ fixture }) => fixture.skip === undefined);

interface Outcome {
  c: ReplayCase;
  engine: RoutingView;
  observed: RoutingView;
  expected: ExpectedView;
  /** Limitations that applied and changed what HubSpot must show. */
  explained: string[];
}

const label = (file: string, name: string) => `${path.relative("test/fixtures", file)}: ${name}`;

describe("deployed routing/ flows route every reference fixture like the engine", () => {
  const config = referenceConfig();
  const compiled = compileRouting(config);
  const outcomes = new Map<string, Outcome>();
  let portal: DeployedPortal;

  beforeAll(async () => {
    const first = toRouteInput(fixtures[0]!.fixture).at;
    portal = await deployedPortal(config, first);
    for (const [n, { file, fixture }] of fixtures.entries()) {
      const input = toRouteInput(fixture);
      await portal.deployFor(input.at);
      const replayed = await replay(portal, input, n + 1);
      const c: ReplayCase = { file, name: fixture.name, input, replayed, portal, compiled };
      // A fresh rotation for each fixture, as the fixture runner routes them.
      const engine = engineView(route(compiled, input), input.at);
      let expected: ExpectedView = engine;
      const explained: string[] = [];
      for (const limitation of LIMITATIONS) {
        if (!limitation.applies(c, expected)) continue;
        const next = limitation.expect(c, expected);
        if (FIELDS.some((field) => JSON.stringify(next[field]) !== JSON.stringify(expected[field]))) {
          explained.push(limitation.code);
        }
        expected = next;
      }
      const observed = portalView(replayed.properties, portal.emailOf);
      outcomes.set(label(file, fixture.name), { c, engine, observed, expected, explained });
    }
  }, 120_000);

  afterAll(async () => {
    await portal?.emulator.close();
  });

  it.each(fixtures.map(({ file, fixture }) => label(file, fixture.name)))("%s", (name) => {
    const outcome = outcomes.get(name);
    expect(outcome, "the fixture was replayed").toBeDefined();
    const { observed, expected, c } = outcome!;
    const mismatches = FIELDS.filter((field) => !satisfies(observed[field], expected[field])).map(
      (field) => `${field}: HubSpot shows ${show(observed[field])}, expected ${show(expected[field])}`,
    );
    const runs = c.replayed.runs.map(
      (run) => `  run ${run.id} ${run.flowName} (${run.status}${run.reason ? `: ${run.reason}` : ""})`,
    );
    expect(mismatches, [...mismatches, "flow runs:", ...runs].join("\n")).toEqual([]);
    expect(c.replayed.runs.every((run) => run.status === "completed")).toBe(true);
  });

  it("replays every reference fixture", () => {
    expect(outcomes.size).toBe(fixtures.length);
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
  });

  it("deploys with routeops deploy, again whenever a fixture's date changes who the rotations may pick", () => {
    // The first deploy, then at least Farid Haddad's absence starting and ending.
    expect(portal.deploys).toBeGreaterThanOrEqual(3);
  });

  it("deploy warns about every limitation that has a warning code", () => {
    const warned = LIMITATIONS.flatMap((l) => (l.warning && !portal.warningCodes.has(l.warning) ? [l.code] : []));
    expect(warned).toEqual([]);
  });

  it("lists each limitation in docs/differential.md with the fixtures it affects", () => {
    const doc = readFileSync(path.join(repoRoot, "docs", "differential.md"), "utf8");
    for (const limitation of LIMITATIONS) {
      const affected = [...outcomes].filter(([, o]) => o.explained.includes(limitation.code)).map(([name]) => name);
      const row = doc
        .split("\n")
        .map((line) => line.split("|").map((cell) => cell.trim()))
        .find((cells) => cells[1] === `\`${limitation.code}\``);
      expect(row, `a row for ${limitation.code}`).toBeDefined();
      const cells = row!.slice(1, -1);
      expect(cells[1], `${limitation.code}: deploy warning`).toBe(
        limitation.warning ? `\`${limitation.warning}\`` : "none",
      );
      const fixturesCell = cells[cells.length - 1]!;
      expect(fixturesCell.startsWith(`${affected.length} `), `${limitation.code} affects ${affected.length}`).toBe(
        true,
      );
      if (affected.length <= 5) {
        for (const name of affected)
          expect(fixturesCell, limitation.code).toContain(name.split(": ").slice(1).join(": "));
      }
    }
  });
});
