/**
 * The SLA of a decision: which policy applies (a rule's own, or the inbound intent table), which
 * calendar the clock runs on, and when it falls due.
 */
import type { Intent, RuleSla } from "../config/types";
import { describeSlaTarget, slaDueAt } from "./business-time";
import type { CompiledRouting } from "./compile";
import type { Assignment } from "./outcome";
import { instantText, isInstant } from "./time-zone";
import type { TraceStep } from "./types";

/** The SLA fields of a decision. */
export interface DecisionSla {
  slaPolicy: string | null;
  slaDueAt: number | null;
  slaCalendar: string | null;
  slaTimeZone: string | null;
}

const NO_SLA: DecisionSla = { slaPolicy: null, slaDueAt: null, slaCalendar: null, slaTimeZone: null };

/** The policy id a rule's `sla` names: itself, the intent table's entry for `by_intent`, or null. */
export function slaPolicyOf(compiled: CompiledRouting, sla: RuleSla, intent: Intent | null): string | null {
  if (sla === null || sla === undefined) return null;
  if (sla === "by_intent") return intent === null ? null : (compiled.slaByIntent[intent] ?? null);
  return sla;
}

/**
 * Computes the SLA of a decision whose deciding rule has `sla`, for a lead that arrived at `at`
 * and went to `assignment` (whose calendar the clock runs on).
 */
export function decideSla(
  compiled: CompiledRouting,
  sla: RuleSla,
  intent: Intent | null,
  assignment: Assignment,
  at: number,
  ruleId: string,
  trace: TraceStep[] | null,
): DecisionSla {
  const policy = slaPolicyOf(compiled, sla, intent);
  if (policy === null) {
    if (trace) trace.push({ stage: "sla", id: "none", matched: false, reason: `rule ${ruleId} sets no SLA` });
    return NO_SLA;
  }
  const target = compiled.slaPolicies.get(policy);
  const calendar = assignment.calendar;
  const due = target && calendar ? slaDueAt(target, calendar, at) : Number.NaN;
  const result: DecisionSla = {
    slaPolicy: policy,
    slaDueAt: isInstant(due) ? due : null,
    slaCalendar: calendar ? assignment.calendarId : null,
    slaTimeZone: calendar ? calendar.timeZone : null,
  };
  if (trace) {
    let reason: string;
    if (!target) reason = `policy ${policy} is not in the config: no due time`;
    else if (!calendar) reason = `no calendar to run the clock on: no due time`;
    else if (result.slaDueAt === null)
      reason = `${describeSlaTarget(target)} on ${calendar.id}: no due time (the event time is not an instant, or the calendar never opens)`;
    else {
      const start = calendar.nextOpening(at);
      const startText =
        start === at
          ? `starts at the event, ${calendar.localDateTime(at)}`
          : `starts at the next opening, ${calendar.localDateTime(start)} (the event came outside business hours)`;
      reason =
        `${describeSlaTarget(target)} on calendar ${calendar.id} (${calendar.timeZone}): clock ${startText}; ` +
        `due ${calendar.localDateTime(result.slaDueAt)} local = ${instantText(result.slaDueAt)}`;
    }
    trace.push({ stage: "sla", id: policy, matched: result.slaDueAt !== null, reason });
  }
  return result;
}
