/**
 * Meaning versus noise in a simulation. A changed decision is a *decision change* when the lead
 * goes somewhere else for a reason a sales leader decides on: another system, rule, pool or queue,
 * SLA policy, source type, nurture sequence, or another named owner. When only the pool member
 * differs (same rule, same pool), the lead was handed out by the same rotation: in a pool whose
 * members, weights or members' availability changed, that is the pool change at work (the
 * expected shares say what it means); in an unchanged pool it is a *rotation reshuffle*, the
 * rotation dealing leads in another order because other leads went elsewhere.
 */
import type { CompiledRouting } from "../engine";
import { emailKey } from "../engine/compile";
import type { Decision, TraceStep } from "../engine/types";
import type { ComparedField } from "./types";

/** What kind of change a changed decision is (see the module comment). */
export type ChangeKind = "decision" | "pool-change" | "rotation";

/**
 * Fields that follow from who the member is when the rule, pool and SLA policy stay: the due time
 * runs on the member's calendar.
 */
const MEMBER_FIELDS: ReadonlySet<ComparedField> = new Set(["owner", "slaDueAt"]);

/** Rep settings that decide whether a pool member can take a lead (forward-compatible: read by name). */
const AVAILABILITY_KEYS = ["active", "replacedBy", "outOfOffice", "startsOn", "endsOn", "capacity"] as const;

/**
 * A pool as its rotation sees it: members after replacements with weights, each member's
 * availability settings, and the pool's own settings. Two configs deal a pool's leads alike
 * exactly when the signatures are equal.
 */
function poolSignature(routing: CompiledRouting, pool: string): string | null {
  const compiled = routing.pools.get(pool);
  if (compiled === undefined) return null;
  const configured = routing.config.pools.find((p) => p.id === pool);
  const reps = new Map(
    routing.config.reps.map((rep) => [emailKey(rep.email), rep as unknown as Record<string, unknown>]),
  );
  const members = compiled.members.map((member) => {
    const rep = reps.get(emailKey(member.rep)) ?? {};
    return [emailKey(member.rep), member.weight, AVAILABILITY_KEYS.map((key) => rep[key] ?? null)];
  });
  const { members: _members, label: _label, ...settings } = (configured ?? {}) as unknown as Record<string, unknown>;
  return JSON.stringify([members, settings]);
}

/** The ids of pools whose members, weights, members' availability or settings differ between the configs. */
export function changedPools(base: CompiledRouting, head: CompiledRouting): Set<string> {
  const ids = new Set([...base.pools.keys(), ...head.pools.keys()]);
  return new Set([...ids].filter((id) => poolSignature(base, id) !== poolSignature(head, id)));
}

/** Classifies a changed decision; `fields` are the compared fields that differ (not empty). */
export function changeKind(
  fields: readonly ComparedField[],
  before: Decision,
  after: Decision,
  poolsChanged: ReadonlySet<string>,
): ChangeKind {
  const sameDealer =
    before.pool !== null &&
    before.pool === after.pool &&
    before.rule === after.rule &&
    before.slaPolicy === after.slaPolicy &&
    fields.includes("owner") &&
    fields.every((field) => MEMBER_FIELDS.has(field));
  if (!sameDealer) return "decision";
  return poolsChanged.has(before.pool!) ? "pool-change" : "rotation";
}

const RULE_STAGES = new Set(["inbound", "outbound", "reengagement", "unclassified"]);

/**
 * Why a decision went where it did, in one line: the deciding rule's matched trace step
 * (`rule inbound-high-intent (inbound): intent is high; territory is na-east → pool ..., rotation
 * picked ...`). Needs a traced decision; without a trace, where the lead went and by which rule.
 */
export function whyLine(decision: Decision): string {
  const rule = `rule ${decision.rule} (${decision.system})`;
  const at = decision.trace.findIndex((s) => s.matched && s.id === decision.rule && RULE_STAGES.has(s.stage));
  if (at >= 0) {
    // A re-engagement handoff hands the lead on to the inbound (or outbound) rules: say which one decided.
    const then = decision.trace
      .slice(at + 1)
      .find((s: TraceStep) => s.matched && (s.stage === "inbound" || s.stage === "outbound"));
    const step = decision.trace[at]!;
    return `${rule}: ${step.reason}${then ? `; then rule ${then.id} (${then.stage}): ${then.reason}` : ""}`;
  }
  const where =
    decision.nurture !== null
      ? `nurture sequence ${decision.nurture}`
      : decision.pool !== null
        ? `pool ${decision.pool}, rotation picked ${decision.rotationPick ?? decision.owner ?? "nobody"}`
        : decision.queue !== null
          ? `queue ${decision.queue}, owner ${decision.owner ?? "none"}`
          : (decision.owner ?? "nobody");
  return `${rule}: ${where}`;
}
