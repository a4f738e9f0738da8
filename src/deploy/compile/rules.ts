/**
 * An ordered rule list as a chain of LIST_BRANCH actions: each rule is a branch whose default is
 * the next rule, so the first match wins. The system's last rule is its fallback: pools with no
 * one available and territories without a pool jump to it, as the engine does.
 */
import type { NotificationStyle, RuleConfig, RuleSla } from "../../config/types";
import { MANAGED_PROPERTIES as P } from "../managed-names";
import { setValue } from "./actions";
import { conditionFilter } from "./conditions";
import type { FlowEnv } from "./env";
import { anyOf } from "./filters";
import { finish } from "./finish";
import { outcomeSteps } from "./outcome";
import { branch, type Step } from "./steps";

/** How a matched rule is recorded: its own id and SLA, or those of an enclosing re-engagement rule. */
export interface RuleRecord {
  /** Rule id to record, or null when an enclosing rule already recorded one. */
  ruleId: string | null;
  sla: RuleSla;
  style: NotificationStyle;
  collaborator: boolean;
}

/** The SLA tail for a rule: a fixed policy, none, or one per intent. */
export function slaTail(record: RuleRecord, calendarId: string, env: FlowEnv): Step[] {
  const calendar = env.calendar(calendarId);
  const policyOf = (id: string | null) => {
    const policy = id === null ? undefined : env.config.slaPolicies.find((candidate) => candidate.id === id);
    return policy ? { policy, calendar } : null;
  };
  const end = (id: string | null) =>
    finish(
      { system: env.system, style: record.style, sla: policyOf(id), collaborator: record.collaborator },
      env.scope,
    );
  if (record.sla !== "by_intent") return end(record.sla);
  const table = env.config.systems.inbound.slaByIntent;
  const known = env.condition.intent;
  if (known !== undefined) return end(known === null || env.system === "outbound" ? null : table[known]);
  const byPolicy = new Map<string, string[]>();
  for (const intent of ["high", "standard", "low"] as const) {
    const policy = table[intent];
    if (policy !== null) byPolicy.set(policy, [...(byPolicy.get(policy) ?? []), intent]);
  }
  return branch(
    [...byPolicy].map(([policy, intents]) => ({
      name: `SLA ${policy}`,
      when: anyOf(P.intent, intents),
      steps: () => end(policy),
    })),
    "no SLA",
    () => end(null),
  );
}

export function ruleChain(
  rules: readonly RuleConfig[],
  env: FlowEnv,
  recordOf: (rule: RuleConfig) => RuleRecord,
): Step[] {
  const last = rules[rules.length - 1];
  if (!last) return [];
  const body = (rule: RuleConfig): Step[] => {
    const record = recordOf(rule);
    return [
      ...(record.ruleId !== null ? [setValue(P.rule, record.ruleId)] : []),
      ...outcomeSteps(rule.outcome, env, (calendarId) => slaTail(record, calendarId, env), fallback),
    ];
  };
  // A contact no rule matches (only when the last rule is not a catch-all) is handed back.
  const noMatch = (): Step[] => [setValue(P.routingPending, "false")];
  let buildingFallback = false;
  const fallback = (): Step[] => {
    // The fallback rule's own pool being empty leaves nothing to fall back to.
    if (buildingFallback) return noMatch();
    return env.scope.once(`${env.keyPrefix}fallback`, () => {
      buildingFallback = true;
      const steps = body(last);
      buildingFallback = false;
      return steps;
    });
  };

  const from = (index: number): Step[] => {
    const rule = rules[index] as RuleConfig;
    const when = conditionFilter(rule.when, env.condition);
    const isLast = index === rules.length - 1;
    return branch(
      [{ name: rule.id, when, steps: isLast ? fallback : () => body(rule) }],
      isLast ? "no rule matched" : `not ${rule.id}`,
      isLast ? noMatch : () => from(index + 1),
    );
  };
  return from(0);
}
