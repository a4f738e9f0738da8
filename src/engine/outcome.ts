/**
 * Turning a rule's outcome into an assignment: who owns the lead, where it sits, and which
 * calendar its SLA clock runs on. An outcome that cannot be produced (no account owner, no pool
 * for the territory) skips the rule; a pool with nobody available hands over to the fallback.
 */
import type { BusinessCalendar } from "./business-time";
import {
  emailKey,
  resolveRep,
  type CompiledOutcome,
  type CompiledPool,
  type CompiledQueue,
  type CompiledRep,
  type CompiledRouting,
} from "./compile";
import type { LeadFacts } from "./conditions";
import { pickNext, type RotationCandidate } from "./rotation";
import { capReached, countLoad, memberAvailability } from "./availability";
import type { LeadLoad, RotationState, SkippedMember, TraceStep } from "./types";

/** Where a lead goes, and the calendar its SLA clock runs on. */
export interface Assignment {
  owner: string | null;
  pool: string | null;
  queue: string | null;
  nurture: string | null;
  rotationPick: string | null;
  calendar: BusinessCalendar | null;
  calendarId: string | null;
  /** The assignment in words (empty when not tracing). */
  summary: string;
}

/** The result of producing an outcome. */
export type Production =
  | { kind: "assigned"; assignment: Assignment }
  /** The rule is skipped (its outcome needs something the lead does not have). */
  | { kind: "skipped"; reason: string }
  /** The pool exists but nobody in it is available: the system's fallback rule decides. */
  | { kind: "unavailable"; reason: string };

const skipped = (reason: string): Production => ({ kind: "skipped", reason });

/** An assignment to a person: a named rep, an account or event owner, an original rep. */
export function ownerAssignment(compiled: CompiledRouting, email: string, role: string, tracing: boolean): Assignment {
  const resolved = resolveRep(compiled, email);
  return {
    owner: resolved.email,
    pool: null,
    queue: null,
    nurture: null,
    rotationPick: null,
    calendar: resolved.rep?.calendar ?? compiled.defaultCalendar,
    calendarId: resolved.rep?.calendarId ?? compiled.config.defaultCalendar,
    summary: tracing ? `owner ${describeResolution(email, resolved.email, resolved.rep)} (${role})` : "",
  };
}

/** `jade.wilson@acme.test (replacing ivan.petrov@acme.test, inactive)` and the like. */
export function describeResolution(asked: string, email: string, rep: CompiledRep | null): string {
  if (rep === null) return `${email}, who is no rep in the config`;
  return asked.trim().toLowerCase() === email.toLowerCase() ? email : `${email} (replacing ${asked.trim()}, inactive)`;
}

function describeQueueOwner(compiled: CompiledRouting, queue: CompiledQueue): string {
  const resolved = resolveRep(compiled, queue.configuredOwner);
  return describeResolution(queue.configuredOwner, resolved.email, resolved.rep);
}

/** An assignment to a queue: its backup owner owns the lead, on the queue's calendar. */
export function queueAssignment(compiled: CompiledRouting, queue: CompiledQueue, tracing: boolean): Assignment {
  return {
    owner: queue.owner,
    pool: null,
    queue: queue.id,
    nurture: null,
    rotationPick: null,
    calendar: queue.calendar,
    calendarId: queue.calendarId,
    summary: tracing ? `queue ${queue.id}, owner ${describeQueueOwner(compiled, queue)}` : "",
  };
}

/** What a pool pick needs besides the pool: the leads people already have, who is excluded, and where skips are recorded. */
export interface PickContext {
  load: LeadLoad | undefined;
  /** Lower-cased emails of reps who must not get the lead (escalated away from them). */
  exclude: ReadonlySet<string>;
  /** Members left out of picks, for the decision. */
  skipped: SkippedMember[];
}

/** A pick context with no load and nobody excluded. */
export function emptyPickContext(): PickContext {
  return { load: undefined, exclude: new Set(), skipped: [] };
}

function poolCapReached(
  compiled: CompiledRouting,
  pool: CompiledPool,
  at: number,
  load: LeadLoad | undefined,
): string | null {
  if (pool.capacity === null) return null;
  const calendar = pool.calendar ?? compiled.defaultCalendar;
  const count = countLoad(load, calendar, at, (entry) => entry.pool === pool.id);
  return capReached({ ...pool.capacity, open: null }, count, 0);
}

function poolAssignment(
  compiled: CompiledRouting,
  pool: CompiledPool,
  at: number,
  rotation: RotationState,
  trace: TraceStep[] | null,
  pick: PickContext,
): Production {
  const poolCap = poolCapReached(compiled, pool, at, pick.load);
  if (poolCap !== null) {
    const reason = `pool ${pool.id} is capped (${poolCap.replace("capacity reached: ", "")} for the whole pool)`;
    if (trace) trace.push({ stage: "pool", id: pool.id, matched: false, reason });
    return { kind: "unavailable", reason };
  }
  const candidates: RotationCandidate[] = [];
  const away: RotationCandidate[] = [];
  const notes: string[] | null = trace ? [] : null;
  for (const member of pool.members) {
    const rep = compiled.reps.get(emailKey(member.rep)) ?? null;
    let unavailable: { reason: SkippedMember["reason"]; detail: string } | null = null;
    if (pick.exclude.has(emailKey(member.rep)))
      unavailable = { reason: "escalated", detail: "the lead was escalated away from them" };
    else if (rep) unavailable = memberAvailability(rep, compiled.defaultCalendar, at, pick.load);
    if (notes) {
      const stand = member.standsInFor.length ? ` replacing ${member.standsInFor.join(", ")} (inactive)` : "";
      notes.push(`${member.rep}${stand} weight ${member.weight}${unavailable ? `: ${unavailable.detail}` : ""}`);
    }
    if (unavailable === null) candidates.push(member);
    else {
      away.push(member);
      pick.skipped.push({ rep: member.rep, pool: pool.id, reason: unavailable.reason, detail: unavailable.detail });
    }
  }
  if (candidates.length === 0) {
    const reason = `pool ${pool.id} has no available member (${notes?.join("; ") || "no members"})`;
    if (trace) trace.push({ stage: "pool", id: pool.id, matched: false, reason });
    return { kind: "unavailable", reason };
  }
  const picked = pickNext(rotation, pool.id, candidates, pool.catchUp ? away : []);
  const owner = candidates.length === 1 ? candidates[0]!.rep : null;
  if (trace) {
    const outcome = owner ? `only available member: ${owner}` : `rotation picked ${picked}`;
    trace.push({ stage: "pool", id: pool.id, matched: true, reason: `${notes?.join("; ")}; ${outcome}` });
  }
  return {
    kind: "assigned",
    assignment: {
      owner,
      pool: pool.id,
      queue: null,
      nurture: null,
      rotationPick: picked,
      calendar: pool.calendar,
      calendarId: pool.calendarId,
      summary: trace ? `pool ${pool.id}${owner ? `, owner ${owner}` : `, rotation picked ${picked}`}` : "",
    },
  };
}

/** Produces an outcome for the lead described by `facts` at instant `at`. */
export function produce(
  compiled: CompiledRouting,
  outcome: CompiledOutcome,
  facts: LeadFacts,
  at: number,
  rotation: RotationState,
  trace: TraceStep[] | null,
  pick: PickContext = emptyPickContext(),
): Production {
  const tracing = trace !== null;
  switch (outcome.type) {
    case "rep":
      if (pick.exclude.has(emailKey(resolveRep(compiled, outcome.rep).email)))
        return skipped(`the lead was escalated away from ${outcome.rep}`);
      return { kind: "assigned", assignment: ownerAssignment(compiled, outcome.rep, "named rep", tracing) };
    case "owner": {
      const fromAccount = outcome.from === "account_owner";
      const email = fromAccount ? facts.companyOwner : facts.eventOwner;
      if (email === null) return skipped(fromAccount ? "the company has no owner" : "the event names no rep");
      const role = fromAccount ? "account owner" : "named by the event";
      if (pick.exclude.has(emailKey(resolveRep(compiled, email).email)))
        return skipped(`${email} is the ${role}, but the lead was escalated away from them`);
      return { kind: "assigned", assignment: ownerAssignment(compiled, email, role, tracing) };
    }
    case "pool": {
      let poolId: string;
      if ("byTerritory" in outcome) {
        if (facts.territory === null) return skipped("no territory to choose a pool by");
        const mapped = outcome.byTerritory.get(facts.territory);
        if (mapped === undefined) return skipped(`no pool for territory ${facts.territory}`);
        poolId = mapped;
      } else {
        poolId = outcome.pool;
      }
      const pool = compiled.pools.get(poolId);
      if (!pool) return skipped(`pool ${poolId} is not in the config`);
      return poolAssignment(compiled, pool, at, rotation, trace, pick);
    }
    case "queue": {
      const queue = compiled.queues.get(outcome.queue);
      if (!queue) return skipped(`queue ${outcome.queue} is not in the config`);
      return { kind: "assigned", assignment: queueAssignment(compiled, queue, tracing) };
    }
    case "nurture":
      return {
        kind: "assigned",
        assignment: {
          owner: null,
          pool: null,
          queue: null,
          nurture: outcome.sequence,
          rotationPick: null,
          calendar: compiled.defaultCalendar,
          calendarId: compiled.config.defaultCalendar,
          summary: tracing ? `nurture sequence ${outcome.sequence}, no owner` : "",
        },
      };
    default:
      return skipped("unknown outcome type");
  }
}
