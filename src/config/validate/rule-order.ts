/**
 * Rule order: each rule list ends with a catch-all, so no contact exits without a decision, and
 * every rule can decide some contact (no earlier rule takes all of its contacts).
 */
import type { Condition } from "../types";
import { alwaysDecides, isCatchAll, type ConditionLogic, type RuleScope } from "./condition-logic";
import type { RoutingDirectory } from "./directory";
import { error, type Finding } from "./finding";
import { element, type PathSegment } from "./path";

interface ListedRule {
  id: string;
  when: Condition;
  decides: boolean;
}

/** Reports rule lists without a final catch-all, and rules that an earlier rule makes unreachable. */
export function checkRuleOrder(dir: RoutingDirectory, logic: ConditionLogic): Finding[] {
  const findings: Finding[] = [];
  const config = dir.config;
  const list = (scope: RuleScope, at: PathSegment[], rules: ListedRule[]) => {
    const last = rules[rules.length - 1];
    if (last === undefined) {
      findings.push(error("missing_catch_all", at, "no rules: the list must end with a catch-all rule (when: {})"));
    } else if (!isCatchAll(last.when)) {
      findings.push(
        error(
          "missing_catch_all",
          [...at, element(last, rules.length - 1), "when"],
          `the last rule "${last.id}" is not a catch-all: end the list with a rule whose condition is {} so that no contact is left without a decision`,
        ),
      );
    }
    rules.forEach((rule, j) => {
      if (logic.sourcesFor(rule.when, scope).length === 0) return;
      const earlier = rules.slice(0, j).find((prior) => prior.decides && logic.implies(rule.when, prior.when, scope));
      if (earlier === undefined) return;
      findings.push(
        error(
          "shadowed_rule",
          [...at, element(rule, j)],
          `rule "${rule.id}" can never decide: the earlier rule "${earlier.id}" matches every contact it matches and always decides; move it before "${earlier.id}", narrow "${earlier.id}", or remove it`,
        ),
      );
    });
  };
  for (const system of ["inbound", "outbound"] as const) {
    const rules = config.systems[system].rules;
    list(
      system,
      ["systems", system, "rules"],
      rules.map((r) => ({ id: r.id, when: r.when, decides: alwaysDecides(r) })),
    );
  }
  list(
    "reengagement",
    ["reengagement", "rules"],
    // A re-engagement rule always decides: the original rep, or the inbound rules (which end in a catch-all).
    config.reengagement.rules.map((r) => ({ id: r.id, when: r.when, decides: true })),
  );
  return findings;
}
