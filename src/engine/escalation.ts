/**
 * SLA escalation: which steps of a policy's `escalation` are due for a routed lead, given its
 * decision, its first touch and the time now. Pure, so that fixtures, the simulator and the router
 * agree on every step; the router runs the steps and records them, the engine only decides.
 *
 * A step falls due `after` its delay has elapsed since the SLA due time, in business time of the
 * calendar the SLA ran on (so a breach at Friday's close escalates on Monday morning). A first
 * touch before a step's due time makes it moot; a first touch by the SLA due time means the SLA
 * was met and nothing escalates.
 */
import type { BusinessDelay, EscalationStep } from "../config/types";
import type { BusinessCalendar } from "./business-time";
import type { CompiledRouting } from "./compile";
import { isInstant } from "./time-zone";
import type { Decision, EscalationClock, EscalationOutcome } from "./types";

/** A policy step with the instant it falls due. */
export interface ScheduledStep {
  index: number;
  step: EscalationStep;
  dueAt: number;
}

/** The part of a decision escalation reads. */
export type EscalationSubject = Pick<Decision, "system" | "slaPolicy" | "slaDueAt" | "slaCalendar" | "notification">;

function delayed(calendar: BusinessCalendar, from: number, delay: BusinessDelay): number {
  const amount = typeof delay?.amount === "number" && Number.isFinite(delay.amount) ? Math.max(0, delay.amount) : 0;
  if (amount === 0) return from;
  switch (delay.unit) {
    case "business_days":
      return calendar.addBusinessDays(from, amount);
    case "business_hours":
      return calendar.addBusinessMinutes(from, amount * 60);
    default:
      return calendar.addBusinessMinutes(from, amount);
  }
}

/** Every step of the decision's SLA policy with its due instant, in policy order. */
export function scheduleEscalation(compiled: CompiledRouting, decision: EscalationSubject): ScheduledStep[] {
  if (decision.slaPolicy === null || decision.slaDueAt === null || !isInstant(decision.slaDueAt)) return [];
  const steps = compiled.escalations.get(decision.slaPolicy) ?? [];
  const calendar =
    (decision.slaCalendar !== null ? compiled.calendars.get(decision.slaCalendar) : undefined) ??
    compiled.defaultCalendar;
  if (!calendar) return [];
  return steps
    .map((step, index) => ({ index, step, dueAt: delayed(calendar, decision.slaDueAt!, step.after) }))
    .filter((s) => isInstant(s.dueAt));
}

/** Outbound leads get the calm style, as the routing design asks; inbound ones are urgent. */
export function escalationStyle(decision: Pick<Decision, "system" | "notification">): "urgent" | "calm" {
  return decision.system === "outbound" || decision.notification === "calm" ? "calm" : "urgent";
}

/** Where the SLA stands at `clock.now`, and which steps are due (without running them). */
export function dueEscalationSteps(
  compiled: CompiledRouting,
  decision: EscalationSubject,
  clock: EscalationClock,
): { status: EscalationOutcome["status"]; due: ScheduledStep[]; nextDueAt: number | null } {
  if (decision.slaDueAt === null || !isInstant(decision.slaDueAt))
    return { status: "no_sla", due: [], nextDueAt: null };
  const touched = clock.firstTouchAt !== null && isInstant(clock.firstTouchAt) ? clock.firstTouchAt : null;
  if (touched !== null && touched <= decision.slaDueAt) return { status: "met", due: [], nextDueAt: null };
  const schedule = scheduleEscalation(compiled, decision);
  if (clock.now < decision.slaDueAt) {
    return { status: "pending", due: [], nextDueAt: touched === null ? (schedule[0]?.dueAt ?? null) : null };
  }
  const live = (s: ScheduledStep) => touched === null || s.dueAt < touched;
  const due = schedule.filter((s) => s.dueAt <= clock.now && live(s));
  const next = touched === null ? schedule.find((s) => s.dueAt > clock.now) : undefined;
  return { status: "breached", due, nextDueAt: next?.dueAt ?? null };
}
