/**
 * The routing changes between a base config (a git ref or a path) and the config, in the
 * routing's own words, with each rep's expected share of a pool's leads in the week of `at` and
 * the next: what `routeops plan --base` and the pull-request comment show.
 */
import type { RoutingConfig } from "../config/types";
import {
  diffRouting,
  weeksFrom,
  repNamer,
  shareChanges,
  type PoolShareChange,
  type RoutingChanges,
} from "../routing-changes";
import { loadComparedConfigs } from "./simulate";

export { weeksFrom };

/** The routing changes against a base config, worked out once for every format. */
export interface RoutingComparison {
  changes: RoutingChanges;
  shares: PoolShareChange[];
  repName: (email: string) => string;
  /** How the base is named (`main`, `merge base with origin/main (a1b2c3d)`). */
  baseName: string;
}

/** Compares two loaded configs. */
export function compareConfigs(
  head: RoutingConfig,
  base: RoutingConfig,
  baseName: string,
  day: string,
): RoutingComparison {
  return {
    changes: diffRouting(head, base),
    shares: shareChanges(head, base, weeksFrom(day)),
    repName: repNamer(head, base),
    baseName,
  };
}

/** Loads the config and the base, then compares them; throws `SimulationFailure` when either does not load. */
export function compareRouting(request: { config: string; base: string; cwd: string; at: number }): RoutingComparison {
  const configs = loadComparedConfigs(request.config, request.base, request.cwd);
  return compareConfigs(configs.head, configs.base, configs.baseLabel, new Date(request.at).toISOString().slice(0, 10));
}
