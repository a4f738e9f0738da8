/**
 * One routing system's priority-ordered rules: the first rule whose condition holds and whose
 * outcome can be produced decides. A pool with nobody available sends the lead to the system's
 * fallback (its last rule).
 */
import type { NotificationStyle, RuleSla } from "../config/types";
import type { CompiledRouting, CompiledRule } from "./compile";
import { describeCondition, failingCheck, type LeadFacts } from "./conditions";
import { produce, queueAssignment, type Assignment, type PickContext } from "./outcome";
import type { RotationState, TraceStep } from "./types";

/** The rule that decided and what it decided. */
export interface SystemOutcome {
  rule: { id: string; sla: RuleSla; notification: NotificationStyle };
  assignment: Assignment;
}

/**
 * Last resort when no rule could place the lead (only possible in a config that validation would
 * reject: no catch-all, or a fallback that cannot be produced): the unclassified queue, so that
 * the lead is never lost.
 */
function lastResort(
  compiled: CompiledRouting,
  rules: readonly CompiledRule[],
  stage: string,
  trace: TraceStep[] | null,
  why: string,
): SystemOutcome {
  const unclassified = compiled.unclassified;
  const last = rules[rules.length - 1];
  const rule = last ?? { id: unclassified.rule, sla: unclassified.sla, notification: unclassified.notification };
  const assignment: Assignment = unclassified.queue
    ? queueAssignment(compiled, unclassified.queue, trace !== null)
    : {
        owner: null,
        pool: null,
        queue: unclassified.queueId,
        nurture: null,
        rotationPick: null,
        calendar: compiled.defaultCalendar,
        calendarId: compiled.config.defaultCalendar,
        summary: trace ? `queue ${unclassified.queueId}` : "",
      };
  if (trace) {
    trace.push({
      stage,
      id: rule.id,
      matched: true,
      reason: `${why}: the lead goes to ${assignment.summary}, so that it is not lost`,
    });
  }
  return { rule, assignment };
}

/** Evaluates `rules` (the inbound or outbound system) for a lead. Never fails to place it. */
export function decideBySystem(
  compiled: CompiledRouting,
  rules: readonly CompiledRule[],
  stage: "inbound" | "outbound",
  facts: LeadFacts,
  at: number,
  rotation: RotationState,
  trace: TraceStep[] | null,
  pick: PickContext,
): SystemOutcome {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (failingCheck(rule.when, facts) >= 0) {
      if (trace) trace.push({ stage, id: rule.id, matched: false, reason: describeCondition(rule.when, facts) });
      continue;
    }
    // The rule's line goes before the pool's details that producing the outcome may write.
    const position = trace ? trace.length : 0;
    const produced = produce(compiled, rule.outcome, facts, at, rotation, trace, pick);
    if (produced.kind === "assigned") {
      if (trace) {
        const reason = `${describeCondition(rule.when, facts)} → ${produced.assignment.summary}`;
        trace.splice(position, 0, { stage, id: rule.id, matched: true, reason });
      }
      return { rule, assignment: produced.assignment };
    }
    if (trace) {
      const reason = `${describeCondition(rule.when, facts)}, but ${produced.reason}`;
      trace.splice(position, 0, { stage, id: rule.id, matched: false, reason });
    }
    if (produced.kind === "unavailable") {
      if (rule.overflow !== null) {
        const overflowed = overflow(compiled, rule, stage, facts, at, rotation, trace, pick);
        if (overflowed) return overflowed;
      }
      return fallback(compiled, rules, i, stage, facts, at, rotation, trace, pick);
    }
  }
  return lastResort(compiled, rules, stage, trace, "no rule matched");
}

/** The rule's overflow (another pool or a queue) when its pool has nobody available; null when that cannot place the lead either. */
function overflow(
  compiled: CompiledRouting,
  rule: CompiledRule,
  stage: "inbound" | "outbound",
  facts: LeadFacts,
  at: number,
  rotation: RotationState,
  trace: TraceStep[] | null,
  pick: PickContext,
): SystemOutcome | null {
  const target = rule.overflow!;
  const position = trace ? trace.length : 0;
  const produced = produce(compiled, target, facts, at, rotation, trace, pick);
  const where = target.type === "pool" ? `pool ${target.pool}` : `queue ${target.queue}`;
  if (produced.kind !== "assigned") {
    if (trace) {
      const reason = `overflow to ${where} cannot place the lead either (${produced.reason})`;
      trace.splice(position, 0, { stage, id: rule.id, matched: false, reason });
    }
    return null;
  }
  if (trace) {
    const reason = `overflow, because ${rule.id}'s pool has no available member → ${produced.assignment.summary}`;
    trace.splice(position, 0, { stage, id: rule.id, matched: true, reason });
  }
  return { rule, assignment: produced.assignment };
}

function fallback(
  compiled: CompiledRouting,
  rules: readonly CompiledRule[],
  from: number,
  stage: "inbound" | "outbound",
  facts: LeadFacts,
  at: number,
  rotation: RotationState,
  trace: TraceStep[] | null,
  pick: PickContext,
): SystemOutcome {
  const last = rules.length - 1;
  if (from >= last)
    return lastResort(compiled, rules, stage, trace, "the fallback rule's pool has no available member");
  const rule = rules[last]!;
  const position = trace ? trace.length : 0;
  const produced = produce(compiled, rule.outcome, facts, at, rotation, trace, pick);
  if (produced.kind !== "assigned") {
    return lastResort(
      compiled,
      rules,
      stage,
      trace,
      `the fallback rule ${rule.id} cannot place the lead (${produced.reason})`,
    );
  }
  if (trace) {
    const reason = `fallback, because ${rules[from]!.id}'s pool has no available member → ${produced.assignment.summary}`;
    trace.splice(position, 0, { stage, id: rule.id, matched: true, reason });
  }
  return { rule, assignment: produced.assignment };
}
