/**
 * SLA decisions: every source type reaches a rule that sets an SLA (or sends it to nurture on
 * purpose), and `sla: "by_intent"` names a policy for every intent that can reach the rule.
 */
import type { Intent, RuleConfig, SourceTypeConfig } from "../types";
import { alwaysDecides, type ConditionLogic } from "./condition-logic";
import type { RoutingDirectory } from "./directory";
import { error, type Finding } from "./finding";
import { element } from "./path";

/** Reports source types that never get an SLA and `by_intent` SLAs that do not resolve. */
export function checkSlaCoverage(dir: RoutingDirectory, logic: ConditionLogic): Finding[] {
  return [...sourcesWithoutSla(dir), ...unresolvedByIntent(dir, logic)];
}

function sourcesWithoutSla(dir: RoutingDirectory): Finding[] {
  const findings: Finding[] = [];
  dir.config.sources.forEach((source, i) => {
    const rules = dir.config.systems[source.system].rules.filter((rule) => canDecide(dir, rule, source));
    if (rules.some((rule) => rule.sla !== null || rule.outcome.type === "nurture")) return;
    findings.push(
      error(
        "source_without_sla",
        ["sources", element(source, i)],
        rules.length === 0
          ? `no ${source.system} rule can decide a "${source.id}" lead`
          : `every ${source.system} rule that can decide a "${source.id}" lead (${rules.map((r) => r.id).join(", ")}) has sla: null and is no nurture rule: give one of them an SLA policy`,
      ),
    );
  });
  return findings;
}

/** True when some lead of this source type can match the rule's condition. */
function canDecide(dir: RoutingDirectory, rule: RuleConfig, source: SourceTypeConfig): boolean {
  const when = rule.when;
  if (when.sourceType && !when.sourceType.includes(source.id)) return false;
  if (when.intent && source.system === "inbound" && !dir.intentsOf(source).some((i) => when.intent!.includes(i))) {
    return false;
  }
  if (when.chatQualified !== undefined && !dir.hasChat(source)) return false;
  return true;
}

function unresolvedByIntent(dir: RoutingDirectory, logic: ConditionLogic): Finding[] {
  const findings: Finding[] = [];
  const config = dir.config;
  const slaByIntent = config.systems.inbound.slaByIntent;
  const unresolved = (intents: Intent[]) => intents.filter((i) => slaByIntent[i] === null);

  const inbound = config.systems.inbound.rules;
  inbound.forEach((rule, j) => {
    if (rule.sla !== "by_intent") return;
    const missing = unresolved(intentsReaching(logic, inbound, j));
    if (missing.length === 0) return;
    findings.push(
      error(
        "by_intent_unresolved",
        ["systems", "inbound", "rules", element(rule, j), "sla"],
        `sla is "by_intent" but ${missing.join(" and ")}-intent leads reach this rule and ${missing.map((i) => `slaByIntent.${i}`).join(", ")} ${missing.length > 1 ? "are" : "is"} null: name an SLA policy there, or give the rule its own sla`,
      ),
    );
  });
  config.systems.outbound.rules.forEach((rule, j) => {
    if (rule.sla !== "by_intent") return;
    findings.push(
      error(
        "by_intent_unresolved",
        ["systems", "outbound", "rules", element(rule, j), "sla"],
        'sla is "by_intent" but outbound leads have no intent: name an SLA policy or null',
      ),
    );
  });
  const reengagementIntent = config.reengagement.intent;
  config.reengagement.rules.forEach((rule, j) => {
    if (rule.sla !== "by_intent" || slaByIntent[reengagementIntent] !== null) return;
    findings.push(
      error(
        "by_intent_unresolved",
        ["reengagement", "rules", element(rule, j), "sla"],
        `sla is "by_intent" and re-engagements have ${reengagementIntent} intent, but slaByIntent.${reengagementIntent} is null`,
      ),
    );
  });
  if (config.unclassified.sla === "by_intent") {
    findings.push(
      error(
        "by_intent_unresolved",
        ["unclassified", "sla"],
        'sla is "by_intent" but unclassified contacts have no intent: name an SLA policy or null',
      ),
    );
  }
  return findings;
}

/**
 * Intents of the leads that can reach inbound rule `j`: those its condition allows and no
 * earlier, always-deciding rule takes first. The last rule is also the fallback of pools that
 * have nobody available, so it receives every intent an earlier pool rule can see.
 */
function intentsReaching(logic: ConditionLogic, rules: RuleConfig[], j: number): Intent[] {
  const reaches = (k: number, intent: Intent) => {
    const when = { ...rules[k]!.when, intent: [intent] };
    return !rules.slice(0, k).some((prior) => alwaysDecides(prior) && logic.implies(when, prior.when, "inbound"));
  };
  const rule = rules[j]!;
  const direct = logic.intentsFor(rule.when, "inbound").filter((i) => reaches(j, i));
  if (j !== rules.length - 1) return direct;
  const fallen = rules
    .slice(0, j)
    .flatMap((prior, k) =>
      alwaysDecides(prior) ? [] : logic.intentsFor(prior.when, "inbound").filter((i) => reaches(k, i)),
    );
  return [...new Set([...direct, ...fallen])];
}
