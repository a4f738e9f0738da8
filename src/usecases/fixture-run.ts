/**
 * `test`: load and validate the routing config, read the fixtures and route each one with the
 * engine. Returns the suite (or the diagnostics that stopped it); `routeops test`, `pr-report` and
 * the demo render it.
 */
import { hasErrors, type Diagnostic } from "../config/diagnostics";
import type { RoutingConfig } from "../config/types";
import { compileRouting, route } from "../engine";
import { loadAndValidate } from "../files/config-loader";
import { FixtureLoadError, loadFixtureSources } from "../files/fixture-loader";
import { createFixtureValidator, runFixtureSuite, type SuiteResult } from "../fixtures";

/** Which config and which fixtures. */
export interface FixtureRunInput {
  /** Routing config module, relative to `cwd`. */
  config: string;
  /** Fixtures folder or file, relative to `cwd`. */
  fixtures: string;
  cwd: string;
}

/** How the run ended: the config did not validate or the fixtures could not be read (no fixture ran), or the suite ran. */
export type FixtureRunResult =
  | { kind: "invalid-config"; diagnostics: Diagnostic[] }
  | { kind: "unreadable-fixtures"; config: RoutingConfig; diagnostics: Diagnostic[]; error: FixtureLoadError }
  | { kind: "ran"; config: RoutingConfig; diagnostics: Diagnostic[]; suite: SuiteResult };

/** Routes every fixture of a validated config. Throws `FixtureLoadError` (a RouteOpsError) when the fixtures cannot be read. */
export function routeFixtures(config: RoutingConfig, fixtures: string, cwd: string): SuiteResult {
  const sources = loadFixtureSources(fixtures, { cwd });
  // Compiled once for the whole run: a fixture costs a parse, a schema check and a route.
  const compiled = compileRouting(config);
  return runFixtureSuite(sources, {
    config,
    validate: createFixtureValidator(),
    route: (input, routeOptions) => route(compiled, input, routeOptions),
  });
}

/** Loads the config and runs its fixtures; never throws for a bad config or unreadable fixtures. */
export function runFixtures(input: FixtureRunInput): FixtureRunResult {
  const { config, diagnostics } = loadAndValidate(input.config, { cwd: input.cwd });
  if (!config || hasErrors(diagnostics)) return { kind: "invalid-config", diagnostics };
  try {
    return { kind: "ran", config, diagnostics, suite: routeFixtures(config, input.fixtures, input.cwd) };
  } catch (error) {
    if (!(error instanceof FixtureLoadError)) throw error;
    return { kind: "unreadable-fixtures", config, diagnostics, error };
  }
}
