/**
 * Outcomes that the deploy step must compile into HubSpot workflow branches. A pool chosen by
 * territory can only place contacts whose territory it lists.
 */
import type { RoutingDirectory } from "./directory";
import { warning, type Finding } from "./finding";

/** Reports `byTerritory` maps that miss a territory (or contacts without one) that the rule lets through. */
export function checkOutcomes(dir: RoutingDirectory): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, at } of dir.systemRules()) {
    const outcome = rule.outcome;
    if (outcome.type !== "pool" || !("byTerritory" in outcome)) continue;
    const reachable = rule.when.territory ?? (rule.when.hasTerritory === false ? [] : [...dir.territories]);
    const missing = reachable.filter((t) => dir.territories.has(t) && !(t in outcome.byTerritory));
    const noTerritory = rule.when.territory === undefined && rule.when.hasTerritory !== true;
    const where = [...at, "outcome", "byTerritory"];
    if (missing.length > 0) {
      findings.push(
        warning(
          "by_territory_incomplete",
          where,
          `byTerritory has no pool for ${missing.map((t) => `"${t}"`).join(", ")}, which rule "${rule.id}" lets through: those leads go to the fallback rule; add them or narrow the rule's territory`,
        ),
      );
    }
    if (noTerritory) {
      findings.push(
        warning(
          "by_territory_incomplete",
          where,
          `contacts with no territory reach rule "${rule.id}" but byTerritory cannot place them: add hasTerritory: true to the rule's condition`,
        ),
      );
    }
  }
  return findings;
}
