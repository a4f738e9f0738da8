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
import { clearValue, copyValue, OWNER_PROPERTY, setValue } from "./actions";
import { conditionFilter } from "./conditions";
import { PRIMARY_COMPANY_SOURCE, type CompileFacts, type FlowEnv } from "./env";
import { and, anyOf, isTrue, known, or, toFilterBranch, unknown, withinDays, type Cond } from "./filters";
import { flowBody } from "./flow-envelope";
import { withReplacements } from "./outcome";
import { derive, startRecord } from "./record";
import { ruleChain, slaTail, type RuleRecord } from "./rules";
import { branch, StepScope, type Step } from "./steps";

function listBased(cond: Cond): EnrollmentCriteria {
  const pendingTrigger: FilterBranch = {
    filterBranchType: "AND",
    filterBranchOperator: "AND",
    filters: [
      {
        filterType: "PROPERTY",
        property: P.routingPending,
        operation: { operationType: "BOOL", operator: "IS_EQUAL_TO", value: true, includeObjectsWithNoValueSet: false },
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

/** The inbound intent of the contact's source type: fixed, or the first intent rule that holds. */
function intentSteps(env: FlowEnv, then: Step[]): Step[] {
  const cases = env.config.sources
    .filter((source) => source.system === "inbound" && source.intent !== undefined)
    .flatMap((source) => {
      const isSource = anyOf(P.sourceType, [source.id]);
      const intent = source.intent;
      if (typeof intent === "string") return [{ name: source.id, when: isSource, value: intent }];
      if (!intent) return [];
      return [
        ...intent.rules.map((rule, index) => ({
          name: `${source.id} #${index + 1}`,
          when: and(isSource, conditionFilter(rule.when, { ...env.condition, intent: undefined })),
          value: rule.intent,
        })),
        { name: `${source.id} otherwise`, when: isSource, value: intent.otherwise },
      ];
    });
  return derive(P.intent, cases, env.scope, "no intent", then);
}

export function inboundFlow(facts: CompileFacts): DesiredFlow {
  const env = environment(facts, "inbound");
  const steps = [
    ...startRecord("inbound", facts.config.version, { intent: "derived" }),
    ...intentSteps(env, ruleChain(facts.config.systems.inbound.rules, env, ownRecord)),
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
  const { config } = facts;
  const handoff = (rule: ReengagementRuleConfig): Step[] => {
    if (rule.handoff === "original_rep") {
      const record: RuleRecord = { ruleId: null, sla: rule.sla, style: rule.notification, collaborator: false };
      return [
        setValue(P.rule, rule.id),
        copyValue(OWNER_PROPERTY, P.originalOwner),
        ...slaTail(record, config.defaultCalendar, env),
      ];
    }
    // The inbound rules decide the owner, at the re-engagement intent; this rule's id, SLA and style are recorded.
    const record: RuleRecord = {
      ruleId: null,
      sla: rule.sla,
      style: rule.notification,
      collaborator: rule.handoff === "collaborative",
    };
    const inline: FlowEnv = {
      ...env,
      keyPrefix: `${rule.id}/`,
      condition: { ...env.condition, intent: config.reengagement.intent },
    };
    return [
      setValue(P.rule, rule.id),
      setValue(P.intent, config.reengagement.intent),
      ...(record.collaborator ? [copyValue(P.collaborator, P.originalOwner)] : []),
      ...ruleChain(config.systems.inbound.rules, inline, () => record),
    ];
  };
  // No re-engagement rule holds: the inbound rules decide, as for any inbound lead.
  const asInbound = (): Step[] => {
    const inbound: FlowEnv = {
      ...env,
      system: "inbound",
      keyPrefix: "inbound/",
      condition: { ...env.condition, reengagement: false },
    };
    return [
      setValue(P.system, "inbound"),
      setValue(P.reengagement, "false"),
      clearValue(P.originalOwner),
      ...ruleChain(config.systems.inbound.rules, inbound, ownRecord),
    ];
  };
  const rules = config.reengagement.rules;
  const chain = (index: number): Step[] => {
    const rule = rules[index];
    if (!rule) return asInbound();
    const next = rules[index + 1];
    const defaultName =
      next && conditionFilter(next.when, env.condition).kind === "true"
        ? next.id
        : next
          ? `not ${rule.id}`
          : "inbound rules decide";
    return branch(
      [{ name: rule.id, when: conditionFilter(rule.when, env.condition), steps: () => handoff(rule) }],
      defaultName,
      () => chain(index + 1),
    );
  };
  const steps: Step[] = [
    ...startRecord("reengagement", config.version, { intent: "derived", keepOriginalOwner: true }),
    copyValue(P.originalOwner, P.lastOutboundOwner),
    // Replacements are applied to the original owner before any rule reads it.
    ...withReplacements(P.originalOwner, env, intentSteps(env, chain(0))),
  ];
  return finishFlow(env, {
    key: "reengagement",
    name: MANAGED_FLOWS.reengagement,
    purpose:
      `Re-engagement routing system: inbound leads with an outbound touch by a rep in the last ${config.reengagement.lookbackDays} days ` +
      "go to the original rep (after replacements) or, per the handoff model, through the inbound rules with the rep as collaborator.",
    steps,
    enrollment: listBased(
      and(anyOf(P.sourceType, sourceIds(facts, "inbound")), isTrue(P.routingPending, true), recentTouch(facts)),
    ),
  });
}
