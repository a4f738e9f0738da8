/** Shared helpers of the simulation tests: the reference config, variants of it, and inputs. */
import routing from "../reference/routing/index";
import { referenceProject } from "../support/reference";
import type { RoutingConfig } from "../../src/config";
import { compileRouting, type CompiledRouting, type RouteInput } from "../../src/engine";
import { loadFixtureSources } from "../../src/files/fixture-loader";
import { createFixtureValidator, parseFixtureText, toRouteInput } from "../../src/fixtures";
import { generateRouteInputList } from "../../src/sample";

export const reference: RoutingConfig = routing;

/** A deep copy of the reference config, changed by `change`. */
export function variant(change: (config: RoutingConfig) => void): RoutingConfig {
  const config = structuredClone(reference);
  change(config);
  return config;
}

export const compile = (config: RoutingConfig): CompiledRouting => compileRouting(config);

/** Generated contacts over 2026 (a pinned window; the seed makes them the same every run). */
export function generated(count: number, seed = 11, config: RoutingConfig = reference): RouteInput[] {
  return generateRouteInputList(config, {
    seed,
    count,
    from: Date.parse("2026-01-01T00:00:00Z"),
    to: Date.parse("2027-01-01T00:00:00Z"),
  });
}

/** Every fixture of the reference suite as an input, read with the fixture code (not the simulator's reader). */
export function fixtureInputs(): RouteInput[] {
  const validate = createFixtureValidator();
  const inputs: RouteInput[] = [];
  for (const source of loadFixtureSources("test/fixtures", { cwd: referenceProject })) {
    for (const entry of parseFixtureText(source).entries) {
      const check = validate(entry.value);
      if (!check.ok) throw new Error(`${entry.file}: fixture does not fit the schema`);
      inputs.push(toRouteInput(check.fixture));
    }
  }
  return inputs;
}
