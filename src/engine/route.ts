/**
 * Routes one lead: classify the event, read the facts, check re-engagement (inbound only), let
 * the inbound or outbound rules decide, then work out the SLA. Pure and deterministic: the only
 * state is the rotation state the caller passes (advanced in place).
 */
import type { EscalationStep, Intent } from "../config/types";
import { classify, type CompiledSource } from "./classify";
import type { CompiledReengagementRule, CompiledRouting } from "./compile";
import { describeCondition, failingCheck, type LeadFacts } from "./conditions";
import { readFacts } from "./facts";
import { dueEscalationSteps, escalationStyle } from "./escalation";
import { emptyPickContext, ownerAssignment, queueAssignment, type Assignment, type PickContext } from "./outcome";
import { findOriginalTouch } from "./reengagement";
import { createRotationState } from "./rotation";
import { decideBySystem } from "./rules";
import { decideSla } from "./sla";
import { emailKey } from "./compile";
import type {
  Decision,
  EscalationOutcome,
  EscalationStepRun,
  RotationState,
  RouteEvent,
  RouteInput,
  RouteOptions,
  RoutingSystemId,
  TraceStep,
} from "./types";

interface Verdict {
  system: RoutingSystemId;
  rule: { id: string; sla: string | null; notification: Decision["notification"] };
  assignment: Assignment;
  collaborator: string | null;
  originalRep: string | null;
}

function decideIntent(source: CompiledSource, facts: LeadFacts, trace: TraceStep[] | null): Intent {
  const intent = source.intent;
  if (typeof intent === "string") {
    if (trace)
      trace.push({ stage: "intent", id: source.id, matched: true, reason: `${intent} (fixed for ${source.id})` });
    return intent;
  }
  for (const rule of intent.rules) {
    if (failingCheck(rule.when, facts) < 0) {
      if (trace) {
        trace.push({
          stage: "intent",
          id: source.id,
          matched: true,
          reason: `${rule.intent}: ${describeCondition(rule.when, facts)}`,
        });
      }
      return rule.intent;
    }
  }
  if (trace) {
    const why = intent.rules.map((rule) => describeCondition(rule.when, facts)).join("; ");
    trace.push({
      stage: "intent",
      id: source.id,
      matched: true,
      reason: `${intent.otherwise} (otherwise: ${why || "no rules"})`,
    });
  }
  return intent.otherwise;
}

function unclassifiedAssignment(compiled: CompiledRouting, tracing: boolean): Assignment {
  const { queue, queueId } = compiled.unclassified;
  if (queue) return queueAssignment(compiled, queue, tracing);
  return {
    owner: null,
    pool: null,
    queue: queueId,
    nurture: null,
    rotationPick: null,
    calendar: compiled.defaultCalendar,
    calendarId: compiled.config.defaultCalendar,
    summary: tracing ? `queue ${queueId}` : "",
  };
}

/** Re-engagement rules for a lead with an original rep; null when none holds. */
function reengage(
  compiled: CompiledRouting,
  facts: LeadFacts,
  at: number,
  rotation: RotationState,
  trace: TraceStep[] | null,
  pick: PickContext,
): Verdict | null {
  let chosen: CompiledReengagementRule | null = null;
  for (const rule of compiled.reengagement.rules) {
    if (failingCheck(rule.when, facts) < 0) {
      chosen = rule;
      break;
    }
    if (trace)
      trace.push({ stage: "reengagement", id: rule.id, matched: false, reason: describeCondition(rule.when, facts) });
  }
  const original = facts.originalRep!;
  if (chosen === null) {
    if (trace) {
      trace.push({
        stage: "reengagement",
        id: "none",
        matched: false,
        reason: "no re-engagement rule holds: the inbound rules decide",
      });
    }
    return null;
  }
  if (chosen.handoff === "original_rep" && pick.exclude.has(emailKey(original))) {
    if (trace) {
      const reason = `handoff original_rep, but the lead was escalated away from ${original}: the inbound rules decide`;
      trace.push({ stage: "reengagement", id: chosen.id, matched: false, reason });
    }
    return null;
  }
  if (chosen.handoff === "original_rep") {
    const assignment = ownerAssignment(compiled, original, "original outbound rep", trace !== null);
    if (trace) {
      const reason = `${describeCondition(chosen.when, facts)} → handoff original_rep: ${assignment.summary}`;
      trace.push({ stage: "reengagement", id: chosen.id, matched: true, reason });
    }
    return { system: "reengagement", rule: chosen, assignment, collaborator: null, originalRep: original };
  }
  if (trace) {
    const reason = `${describeCondition(chosen.when, facts)} → handoff ${chosen.handoff}: the inbound rules decide with ${compiled.reengagement.intent} intent`;
    trace.push({ stage: "reengagement", id: chosen.id, matched: true, reason });
  }
  facts.intent = compiled.reengagement.intent;
  const inbound = decideBySystem(compiled, compiled.inbound, "inbound", facts, at, rotation, trace, pick);
  const collaborator = chosen.handoff === "collaborative" && inbound.assignment.owner !== original ? original : null;
  return { system: "reengagement", rule: chosen, assignment: inbound.assignment, collaborator, originalRep: original };
}

/**
 * Routes one lead. Never throws for an input of the declared shape, whatever its values
 * (garbage strings, missing company, unknown reps, `NaN` times or sizes).
 * `options.rotation` is advanced in place; without it a fresh rotation is used.
 */
export function route(compiled: CompiledRouting, input: RouteInput, options?: RouteOptions): Decision {
  const trace: TraceStep[] | null = options?.trace === false ? null : [];
  const rotation = options?.rotation ?? createRotationState();
  const pick: PickContext = {
    ...emptyPickContext(),
    load: input.load,
    exclude: new Set((options?.exclude ?? []).map(emailKey)),
  };
  const at = input.at;
  const event: RouteEvent = input.event ?? ({} as RouteEvent);
  const source = classify(compiled.sources, event, trace);
  const facts = readFacts(compiled, input, trace);

  let verdict: Verdict | null = null;
  if (source === null) {
    const { rule, notification, sla } = compiled.unclassified;
    const assignment = unclassifiedAssignment(compiled, trace !== null);
    if (trace) {
      const reason = `no source type matches this ${String(event.kind)} event → ${assignment.summary}`;
      trace.push({ stage: "unclassified", id: rule, matched: true, reason });
    }
    verdict = {
      system: "unclassified",
      rule: { id: rule, sla, notification },
      assignment,
      collaborator: null,
      originalRep: null,
    };
  } else {
    facts.sourceType = source.id;
    if (source.system === "outbound") {
      const { rule, assignment } = decideBySystem(
        compiled,
        compiled.outbound,
        "outbound",
        facts,
        at,
        rotation,
        trace,
        pick,
      );
      verdict = { system: "outbound", rule, assignment, collaborator: null, originalRep: null };
    } else {
      facts.intent = decideIntent(source, facts, trace);
      const original = findOriginalTouch(compiled, input.contact?.history, at, trace);
      if (original) {
        facts.originalRep = original.rep.email;
        facts.originalRepCovers = facts.territory !== null && original.rep.territories.has(facts.territory);
        verdict = reengage(compiled, facts, at, rotation, trace, pick);
      }
      if (verdict === null) {
        const { rule, assignment } = decideBySystem(
          compiled,
          compiled.inbound,
          "inbound",
          facts,
          at,
          rotation,
          trace,
          pick,
        );
        verdict = { system: "inbound", rule, assignment, collaborator: null, originalRep: null };
      }
    }
  }

  const { assignment } = verdict;
  const sla = decideSla(compiled, verdict.rule.sla, facts.intent, assignment, at, verdict.rule.id, trace);
  const decision: Decision = {
    sourceType: facts.sourceType,
    system: verdict.system,
    rule: verdict.rule.id,
    intent: facts.intent,
    country: facts.country,
    state: facts.state,
    territory: facts.territory,
    segment: facts.segment,
    owner: assignment.owner,
    pool: assignment.pool,
    queue: assignment.queue,
    nurture: assignment.nurture,
    rotationPick: assignment.rotationPick,
    collaborator: verdict.collaborator,
    reengagement: verdict.system === "reengagement",
    originalRep: verdict.originalRep,
    slaPolicy: sla.slaPolicy,
    slaDueAt: sla.slaDueAt,
    slaCalendar: sla.slaCalendar,
    slaTimeZone: sla.slaTimeZone,
    notification: verdict.rule.notification,
    trace: trace ?? [],
  };
  if (pick.skipped.length > 0) decision.skipped = pick.skipped;
  if (facts.account !== null) decision.account = facts.account;
  if (input.escalation)
    decision.escalation = escalate(compiled, input, decision, rotation, options?.exclude ?? [], trace);
  return decision;
}

/**
 * The escalation of `decision` at `input.escalation.now`: the steps due, with reassignments run by
 * routing the lead again (at the step's due time, without the owners it was taken from) so that a
 * fixture can pin where it goes.
 */
function escalate(
  compiled: CompiledRouting,
  input: RouteInput,
  decision: Decision,
  rotation: RotationState,
  excluded: readonly string[],
  trace: TraceStep[] | null,
): EscalationOutcome {
  const clock = input.escalation!;
  const { status, due, nextDueAt } = dueEscalationSteps(compiled, decision, clock);
  const style = escalationStyle(decision);
  const steps: EscalationStepRun[] = [];
  let owner = assignee(decision);
  const away = [...excluded];
  for (const { index, step, dueAt } of due) {
    if (step.action !== "reassign") {
      steps.push({ index, action: step.action, dueAt, target: notifyTarget(step, owner), style });
      continue;
    }
    if (owner !== null) away.push(owner);
    const again = reassign(compiled, input, dueAt, rotation, away, step.queue);
    owner = assignee(again);
    steps.push({ index, action: step.action, dueAt, target: reassignmentTarget(again), style, reassignment: again });
  }
  if (trace) {
    const when = new Date(clock.now).toISOString();
    const words =
      status === "no_sla"
        ? "no SLA, nothing to escalate"
        : status === "met"
          ? "SLA met: first touch by the due time, nothing escalates"
          : status === "pending"
            ? "SLA not due yet"
            : `SLA breached; ${steps.length === 0 ? "no step due yet" : steps.map((s) => `${s.action}${s.target ? ` → ${s.target}` : ""}`).join(", ")}`;
    trace.push({
      stage: "escalation",
      id: decision.slaPolicy ?? "none",
      matched: steps.length > 0,
      reason: `at ${when}: ${words}`,
    });
  }
  return { status, steps, nextDueAt };
}

/**
 * A reassignment step: the lead routed again at `at` (the step's due time) without the owners it
 * was taken from (`away`), against `rotation`; or, with `queueId`, to that queue. The router runs
 * its reassignments with this against its ledger, so that fixtures pin what the router does.
 */
export function reassign(
  compiled: CompiledRouting,
  input: RouteInput,
  at: number,
  rotation: RotationState,
  away: readonly string[],
  queueId: string | undefined,
): Omit<Decision, "escalation" | "trace"> {
  const rerouted = route(compiled, { ...input, at, escalation: undefined }, { rotation, trace: false, exclude: away });
  const { trace: _trace, escalation: _escalation, ...rest } = rerouted;
  void _trace;
  void _escalation;
  const queue = queueId === undefined ? undefined : compiled.queues.get(queueId);
  if (!queue) return rest;
  const assignment = queueAssignment(compiled, queue, false);
  const sla = decideSla(compiled, rerouted.slaPolicy, null, assignment, at, rerouted.rule, null);
  return { ...rest, owner: assignment.owner, pool: null, queue: queue.id, nurture: null, rotationPick: null, ...sla };
}

/**
 * The rep who gets the lead: the named owner, else the member the pool's rotation picked
 * (`Decision.owner` is null for a pool with several available members). `null` for nurture or a
 * queue without a backup owner.
 */
export function assignee(decision: Pick<Decision, "owner" | "rotationPick">): string | null {
  return decision.owner ?? decision.rotationPick;
}

/** Whom a notify step reaches: the lead's current owner, the step's manager or its channel. */
export function notifyTarget(
  step: Exclude<EscalationStep, { action: "reassign" }>,
  owner: string | null,
): string | null {
  if (step.action === "notify_rep") return owner;
  return step.action === "notify_manager" ? step.manager : step.channel;
}

/** Where a reassignment sent the lead: its new owner, or `queue <id>` when it went to a queue. */
export function reassignmentTarget(again: Pick<Decision, "queue" | "pool" | "owner" | "rotationPick">): string | null {
  return again.queue !== null && again.pool === null ? `queue ${again.queue}` : assignee(again);
}
