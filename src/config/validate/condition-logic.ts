/**
 * Reasoning about rule conditions without contacts: which source types and intents can reach a
 * condition, and whether one condition matches every contact another one matches. Answers are
 * conservative: "implies" is true only when it certainly holds, so that a rule is never called
 * unreachable by mistake.
 */
import type { Condition, Intent, RuleConfig } from "../types";
import { INTENTS, type RoutingDirectory } from "./directory";

/** Which rule list a condition belongs to: it decides the contacts it can see. */
export type RuleScope = "inbound" | "outbound" | "reengagement";

const flags = ["companyHasOwner", "eventHasOwner", "chatQualified", "originalRepCoversTerritory"] as const;

/** Condition reasoning over one config (its source types, intents and territories). */
export class ConditionLogic {
  constructor(private readonly dir: RoutingDirectory) {}

  /** Source type ids a condition in this scope can see (re-engagement only sees inbound sources). */
  sourcesFor(condition: Condition, scope: RuleScope): string[] {
    const system = scope === "outbound" ? "outbound" : "inbound";
    const ids = this.dir.sourcesOf(system).map((s) => s.id);
    return condition.sourceType ? ids.filter((id) => condition.sourceType!.includes(id)) : ids;
  }

  /** Intents a lead matching this condition can have; none for outbound leads. */
  intentsFor(condition: Condition, scope: RuleScope): Intent[] {
    if (scope === "outbound") return [];
    const possible = new Set<Intent>();
    for (const id of this.sourcesFor(condition, scope)) {
      const source = this.dir.sources.get(id);
      if (source) this.dir.intentsOf(source).forEach((i) => possible.add(i));
    }
    if (this.dir.reengagementReachesInbound() || scope === "reengagement") {
      possible.add(this.dir.config.reengagement.intent);
    }
    return INTENTS.filter((i) => possible.has(i) && (!condition.intent || condition.intent.includes(i)));
  }

  /** True when every contact that matches `narrow` certainly matches `wide`. */
  implies(narrow: Condition, wide: Condition, scope: RuleScope): boolean {
    const wideSources = new Set(this.sourcesFor(wide, scope));
    if (!this.sourcesFor(narrow, scope).every((s) => wideSources.has(s))) return false;
    if (wide.intent && !this.intentsFor(narrow, scope).every((i) => wide.intent!.includes(i))) return false;
    const narrowTerritories =
      narrow.territory ?? (narrow.hasTerritory === true ? [...this.dir.territories] : undefined);
    if (wide.territory && !(narrowTerritories && narrowTerritories.every((t) => wide.territory!.includes(t)))) {
      return false;
    }
    if (wide.hasTerritory === true && narrowTerritories === undefined) return false;
    if (wide.hasTerritory === false && narrow.hasTerritory !== false) return false;
    if (wide.segment && !(narrow.segment && narrow.segment.every((s) => wide.segment!.includes(s)))) return false;
    return flags.every((flag) => wide[flag] === undefined || narrow[flag] === wide[flag]);
  }
}

/**
 * True when a matching rule always decides the lead. A pool may have nobody available and then
 * sends the lead to the fallback rule; an owner outcome needs the owner that its condition
 * guarantees.
 */
export function alwaysDecides(rule: RuleConfig): boolean {
  const outcome = rule.outcome;
  switch (outcome.type) {
    case "rep":
    case "queue":
    case "nurture":
      return true;
    case "owner":
      return outcome.from === "account_owner" ? rule.when.companyHasOwner === true : rule.when.eventHasOwner === true;
    case "pool":
      return false;
  }
}

/** True for the catch-all condition `{}`. */
export function isCatchAll(condition: Condition): boolean {
  return Object.values(condition).every((value) => value === undefined);
}
