/**
 * The three routing systems as list-based flows. Each enrols contacts the source identification
 * layer marked as pending with one of its source types (re-engagement: inbound ones with a recent
 * outbound touch by a rep; inbound: the others), records the routing and runs its rules.
 */
import type { ReengagementRuleConfig, RuleConfig } from "../../config/types";
import type { RoutingSystemId } from "../../engine/types";
import { MANAGED_FLOWS, MANAGED_PROPERTIES as P } from "../managed-names";
import type { EnrollmentCriteria, FilterBranch } from "../model/flow";
import type { DesiredFlow } from "../model/state";
import { copyValue, OWNER_PROPERTY, setValue } from "./actions";
import { conditionFilter } from "./conditions";
import { PRIMARY_COMPANY_SOURCE, type CompileFacts, type FlowEnv } from "./env";
import { and, anyOf, isTrue, known, or, toFilterBranch, unknown, withinDays, type Cond } from "./filters";
import { flowBody } from "./flow-envelope";
import { withReplacements } from "./outcome";
import { derive, startRecord } from "./record";
import { ruleChain, slaTail, type RuleRecord } from "./rules";
import { StepScope, type Step } from "./steps";

function listBased(cond: Cond): EnrollmentCriteria {
  const pendingTrigger: FilterBranch = {
    filterBranchType: "AND",
    filters: [
      {
        filterType: "PROPERTY",
        property: P.routingPending,
        operation: { operationType: "BOOL", operator: "IS_EQUAL_TO", value: true },
      },
    ],
    filterBranches: [],
  };
  return {
    type: "LIST_BASED",
    shouldReEnroll: true,
    unEnrollObjectsNotMeetingCriteria: false,
    listFilterBranch: toFilterBranch(cond),
    reEnrollmentTriggersFilterBranches: [pendingTrigger],
  };
}

function environment(facts: CompileFacts, system: RoutingSystemId): FlowEnv {
  const intent =
    system === "outbound" ? null : system === "reengagement" ? facts.config.reengagement.intent : undefined;
  return {
    ...facts,
    scope: new StepScope(),
    system,
    condition: { config: facts.config, reps: facts.reps, intent, reengagement: system === "reengagement" },
    keyPrefix: "",
    usesCompany: { value: false },
  };
}

const ownRecord = (rule: RuleConfig): RuleRecord => ({
  ruleId: rule.id,
  sla: rule.sla,
  style: rule.notification,
  collaborator: false,
});

function sourceIds(facts: CompileFacts, system: "inbound" | "outbound"): string[] {
  return facts.config.sources.filter((source) => source.system === system).map((source) => source.id);
}

function recentTouch(facts: CompileFacts): Cond {
  return and(
    withinDays(P.lastOutboundAt, facts.config.reengagement.lookbackDays, "IS_AFTER"),
    known(P.lastOutboundOwner),
  );
}

function noRecentTouch(facts: CompileFacts): Cond {
  return or(
    unknown(P.lastOutboundAt),
    withinDays(P.lastOutboundAt, facts.config.reengagement.lookbackDays, "IS_BEFORE"),
    unknown(P.lastOutboundOwner),
  );
}

function finishFlow(
  env: FlowEnv,
  spec: { key: string; name: string; purpose: string; steps: Step[]; enrollment: EnrollmentCriteria },
): DesiredFlow {
  return flowBody({
    ...spec,
    version: env.config.version,
    dataSources: env.usesCompany.value ? [PRIMARY_COMPANY_SOURCE] : [],
  });
}

export function inboundFlow(facts: CompileFacts): DesiredFlow {
  const env = environment(facts, "inbound");
  const intentCases = facts.config.sources
    .filter((source) => source.system === "inbound" && source.intent !== undefined)
    .flatMap((source) => {
      const isSource = anyOf(P.sourceType, [source.id]);
      const intent = source.intent;
      if (typeof intent === "string") return [{ name: source.id, when: isSource, value: intent }];
      if (!intent) return [];
      return [
        ...intent.rules.map((rule, index) => ({
          name: `${source.id} #${index + 1}`,
          when: and(isSource, conditionFilter(rule.when, env.condition)),
          value: rule.intent,
        })),
        { name: `${source.id} otherwise`, when: isSource, value: intent.otherwise },
      ];
    });
  const rules = ruleChain(facts.config.systems.inbound.rules, env, ownRecord);
  const steps = [
    ...startRecord("inbound", facts.config.version, { intent: "derived" }),
    ...derive(P.intent, intentCases, env.scope, "no intent", rules),
  ];
  return finishFlow(env, {
    key: "inbound",
    name: MANAGED_FLOWS.inbound,
    purpose:
      "Inbound routing system: derives the lead's intent from its source type, then applies the inbound rules in order (first match wins).",
    steps,
    enrollment: listBased(
      and(anyOf(P.sourceType, sourceIds(facts, "inbound")), isTrue(P.routingPending, true), noRecentTouch(facts)),
    ),
  });
}

export function outboundFlow(facts: CompileFacts): DesiredFlow {
  const env = environment(facts, "outbound");
  const steps = [
    ...startRecord("outbound", facts.config.version, { intent: "clear" }),
    ...ruleChain(facts.config.systems.outbound.rules, env, ownRecord),
  ];
  return finishFlow(env, {
    key: "outbound",
    name: MANAGED_FLOWS.outbound,
    purpose:
      "Outbound routing system: applies the outbound rules in order (first match wins), keeping contacts with the rep who started the conversation.",
    steps,
    enrollment: listBased(and(anyOf(P.sourceType, sourceIds(facts, "outbound")), isTrue(P.routingPending, true))),
  });
}

export function reengagementFlow(facts: CompileFacts): DesiredFlow {
  const env = environment(facts, "reengagement");
  const handoff = (rule: ReengagementRuleConfig): Step[] => {
    const record: RuleRecord = {
      ruleId: null,
      sla: rule.sla,
      style: rule.notification,
      collaborator: rule.handoff === "collaborative",
    };
    if (rule.handoff === "original_rep") {
      return [
        setValue(P.rule, rule.id),
        copyValue(OWNER_PROPERTY, P.originalOwner),
        ...slaTail(record, facts.config.defaultCalendar, env),
      ];
    }
    // The inbound rules decide the owner (at the re-engagement intent); this rule's id, SLA and style are recorded.
    const inline: FlowEnv = { ...env, keyPrefix: `${rule.id}/` };
    return [
      setValue(P.rule, rule.id),
      ...(rule.handoff === "collaborative" ? [copyValue(P.collaborator, P.originalOwner)] : []),
      ...ruleChain(facts.config.systems.inbound.rules, inline, () => record),
    ];
  };
  const rules = facts.config.reengagement.rules;
  const chain = (index: number): Step[] => {
    const rule = rules[index];
    if (!rule) return [setValue(P.routingPending, "false")];
    const when = conditionFilter(rule.when, env.condition);
    if (when.kind === "true") return handoff(rule);
    if (when.kind === "false") return chain(index + 1);
    return [
      {
        kind: "branch",
        branches: [{ name: rule.id, when, steps: handoff(rule) }],
        defaultName: `not ${rule.id}`,
        otherwise: chain(index + 1),
      },
    ];
  };
  const steps: Step[] = [
    ...startRecord("reengagement", facts.config.version, {
      intent: facts.config.reengagement.intent,
      keepOriginalOwner: true,
    }),
    copyValue(P.originalOwner, P.lastOutboundOwner),
  ];
  // Replacements are applied to the original owner before any rule reads it.
  const full = [...steps, ...withReplacements(P.originalOwner, env, chain(0))];
  return finishFlow(env, {
    key: "reengagement",
    name: MANAGED_FLOWS.reengagement,
    purpose:
      `Re-engagement routing system: inbound leads with an outbound touch by a rep in the last ${facts.config.reengagement.lookbackDays} days ` +
      "go to the original rep (after replacements) or, per the handoff model, through the inbound rules with the rep as collaborator.",
    steps: full,
    enrollment: listBased(
      and(anyOf(P.sourceType, sourceIds(facts, "inbound")), isTrue(P.routingPending, true), recentTouch(facts)),
    ),
  });
}
