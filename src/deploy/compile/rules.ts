/**
 * An ordered rule list as a chain of LIST_BRANCH actions: each rule is a branch whose default is
 * the next rule, so the first match wins. As in the engine, a rule whose outcome cannot be
 * produced is skipped (folded into its condition); a pool with nobody available jumps to the
 * system's fallback (its last rule); and when nothing can place the lead, it goes to the
 * unclassified queue so that it is never lost.
 */
import type { NotificationStyle, RuleConfig, RuleSla } from "../../config/types";
import { MANAGED_PROPERTIES as P } from "../managed-names";
import { clearValue, OWNER_PROPERTY, setValue } from "./actions";
import { conditionFilter } from "./conditions";
import type { FlowEnv } from "./env";
import { and, anyOf, or } from "./filters";
import { finish } from "./finish";
import { outcomeSteps, producible, type Continuation } from "./outcome";
import { branch, type Step } from "./steps";

/** How a matched rule is recorded: its own id and SLA, or those of an enclosing re-engagement rule. */
export interface RuleRecord {
  /** Rule id to record, or null when an enclosing rule already recorded one. */
  ruleId: string | null;
  sla: RuleSla;
  style: NotificationStyle;
  /** A collaborator was recorded before the rules ran (collaborative re-engagement). */
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
  if (known !== undefined) return end(known === null ? null : table[known]);
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

/**
 * The tail after an outcome. A collaborative re-engagement keeps its collaborator only when the
 * inbound rules gave the lead to someone else than the original rep.
 */
function afterOutcome(record: RuleRecord, calendarId: string, owners: readonly string[], env: FlowEnv): Step[] {
  if (!record.collaborator) return slaTail(record, calendarId, env);
  const solo = { ...record, collaborator: false };
  return branch(
    [
      {
        name: "the original rep owns the lead",
        when: or(...owners.map((id) => and(anyOf(OWNER_PROPERTY, [id]), anyOf(P.originalOwner, [id])))),
        steps: () => [clearValue(P.collaborator), ...slaTail(solo, calendarId, env)],
      },
    ],
    "collaborating",
    () => slaTail(record, calendarId, env),
  );
}

export function ruleChain(
  rules: readonly RuleConfig[],
  env: FlowEnv,
  recordOf: (rule: RuleConfig) => RuleRecord,
): Step[] {
  const last = rules[rules.length - 1];
  if (!last) return [];
  // The rule is recorded once its outcome is produced: a pool with nobody available records the fallback instead.
  const recorded = (record: RuleRecord, then: Step[]): Step[] => [
    ...(record.ruleId !== null ? [setValue(P.rule, record.ruleId)] : []),
    ...then,
  ];
  const body = (rule: RuleConfig): Step[] => {
    const record = recordOf(rule);
    const then: Continuation = (calendarId, owners) => recorded(record, afterOutcome(record, calendarId, owners, env));
    // A pool with nobody available goes to the rule's overflow (as the engine does), then the fallback.
    const overflow = rule.overflow;
    const unavailable = overflow ? () => outcomeSteps(overflow, env, then, fallback) : fallback;
    return outcomeSteps(rule.outcome, env, then, unavailable);
  };
  // Nothing can place the lead: the unclassified queue, recorded under the system's last rule.
  const lastResort = (): Step[] =>
    env.scope.once(`${env.keyPrefix}last-resort`, () => {
      const record = recordOf(last);
      return outcomeSteps(
        { type: "queue", queue: env.config.unclassified.queue },
        env,
        (calendarId, owners) => recorded(record, afterOutcome(record, calendarId, owners, env)),
        () => [setValue(P.routingPending, "false")],
      );
    });
  let buildingFallback = false;
  // The fallback ignores the last rule's condition (as the engine does) but not whether it can place the lead.
  function fallback(): Step[] {
    if (buildingFallback) return lastResort();
    return env.scope.once(`${env.keyPrefix}fallback`, () => {
      buildingFallback = true;
      const steps = branch(
        [
          {
            name: last?.id ?? "fallback",
            when: producible((last as RuleConfig).outcome),
            steps: () => body(last as RuleConfig),
          },
        ],
        "cannot place the lead",
        lastResort,
      );
      buildingFallback = false;
      return steps;
    });
  }

  const whenOf = (rule: RuleConfig) => and(conditionFilter(rule.when, env.condition), producible(rule.outcome));
  const from = (index: number): Step[] => {
    const rule = rules[index] as RuleConfig;
    const isLast = index === rules.length - 1;
    const next = rules[index + 1];
    // A catch-all next rule is this branch's default: name it after that rule.
    const defaultName = isLast ? "no rule matched" : next && whenOf(next).kind === "true" ? next.id : `not ${rule.id}`;
    return branch(
      [
        {
          name: rule.id,
          when: whenOf(rule),
          steps: isLast ? fallback : () => body(rule),
        },
      ],
      defaultName,
      isLast ? lastResort : () => from(index + 1),
    );
  };
  return from(0);
}
