/**
 * The routing config compared in the routing's own words (pure core): `diffRouting` for the
 * changes, `expectedShares` / `shareChanges` for each rep's expected share of a pool's leads, and
 * `routingChangesDocument` for the report section every report (plan, PR comment) shows.
 */
import type { RoutingConfig } from "../config/types";
import { peopleChanges } from "./people";
import { ruleChanges } from "./rules";
import { settingsChanges } from "./settings";
import { CHANGE_AREAS, type RoutingChanges } from "./types";

export { expectedShares, mondayOf, weeksFrom, type MemberShare, type PoolShares } from "./expected-share";
export { shareChanges, type PoolShareChange, type RepShareChange, type ShareVolumes } from "./share-changes";
export { routingChangesBlocks, routingReportBlocks, shareBlocks, routingChangesJson } from "./document";
export { repNamer } from "./people";
export * from "./types";

/** Every change from `base` to `head`, grouped by area in {@link CHANGE_AREAS} order. */
export function diffRouting(head: RoutingConfig, base: RoutingConfig): RoutingChanges {
  const all = [...peopleChanges(head, base), ...settingsChanges(head, base), ...ruleChanges(head, base)];
  const changes = CHANGE_AREAS.flatMap((area) => all.filter((change) => change.area === area));
  return { base: { version: base.version }, head: { version: head.version }, changes };
}
