/**
 * Plain-English descriptions of conditions, matchers and outcomes, as a RevOps person would say
 * them. Used for the graph's edge and node labels (escaped by the caller).
 */
import type {
  Condition,
  ConditionalIntent,
  Intent,
  NotificationStyle,
  Outcome,
  RuleSla,
  SourceMatcher,
} from "../config/types";

const either = (values: string[]): string => values.join(" or ");

/** `company has an owner and intent high`; `always` for the catch-all `{}`. */
export function describeCondition(condition: Condition): string {
  const parts: string[] = [];
  if (condition.sourceType) parts.push(`source ${either(condition.sourceType)}`);
  if (condition.intent) parts.push(`intent ${either(condition.intent)}`);
  if (condition.territory) parts.push(`territory ${either(condition.territory)}`);
  if (condition.hasTerritory !== undefined) parts.push(condition.hasTerritory ? "has a territory" : "no territory");
  if (condition.segment) parts.push(`segment ${either(condition.segment)}`);
  if (condition.companyHasOwner !== undefined) {
    parts.push(condition.companyHasOwner ? "company has an owner" : "company has no owner");
  }
  if (condition.eventHasOwner !== undefined) {
    parts.push(condition.eventHasOwner ? "event names a rep" : "event names no rep");
  }
  if (condition.chatQualified !== undefined)
    parts.push(condition.chatQualified ? "chat qualified" : "chat not qualified");
  if (condition.originalRepCoversTerritory !== undefined) {
    parts.push(
      condition.originalRepCoversTerritory
        ? "original rep covers the territory"
        : "original rep does not cover the territory",
    );
  }
  return parts.length === 0 ? "always" : parts.join(" and ");
}

/** `form_submission, form id demo-request`. */
export function describeMatcher(matcher: SourceMatcher): string {
  const parts: string[] = [matcher.event];
  if (matcher.formId) parts.push(`form id ${either(matcher.formId)}`);
  if (matcher.formIdPrefix) parts.push(`form id starts with ${either(matcher.formIdPrefix)}`);
  if (matcher.pagePathPrefix) parts.push(`page path starts with ${either(matcher.pagePathPrefix)}`);
  if (matcher.chatQualified !== undefined) parts.push(matcher.chatQualified ? "qualified" : "not qualified");
  if (matcher.callOutcome) parts.push(`outcome ${either(matcher.callOutcome)}`);
  if (matcher.importSourcePrefix) parts.push(`import source starts with ${either(matcher.importSourcePrefix)}`);
  return parts.join(", ");
}

/** `intent high`, or `intent high if chat qualified, else standard`. */
export function describeIntent(intent: Intent | ConditionalIntent | undefined): string | undefined {
  if (intent === undefined) return undefined;
  if (typeof intent === "string") return `intent ${intent}`;
  const rules = intent.rules.map((rule) => `${rule.intent} if ${describeCondition(rule.when)}`);
  return `intent ${[...rules, `else ${intent.otherwise}`].join(", ")}`;
}

/** Where the lead goes: `pool enterprise-na`, `account owner`, `queue routing-desk`... */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.type) {
    case "rep":
      return `rep ${outcome.rep}`;
    case "owner":
      return outcome.from === "account_owner" ? "company owner" : "rep named by the event";
    case "pool":
      if ("pool" in outcome) return `pool ${outcome.pool}`;
      return `pool by territory: ${Object.entries(outcome.byTerritory)
        .map(([territory, pool]) => `${territory} → ${pool}`)
        .join(", ")}`;
    case "queue":
      return `queue ${outcome.queue}`;
    case "nurture":
      return `nurture sequence ${outcome.sequence}`;
  }
}

/** `SLA inbound-high, urgent`. */
export function describeSlaAndNotification(sla: RuleSla, notification: NotificationStyle): string {
  const slaText = sla === null ? "no SLA" : sla === "by_intent" ? "SLA by intent" : `SLA ${sla}`;
  return `${slaText}, notification ${notification}`;
}
