/**
 * Fairness and health from what really happened: the router's decision log (every lead it routed,
 * who was skipped and why, the escalation steps it ran) joined with the first touch HubSpot
 * recorded on each contact. Per pool: each member's leads against their weight share, capacity
 * hits and absences skipped; per system: SLA met, breached and escalated; per source type: time
 * to first touch. Pure: the command reads the log and the portal and feeds this.
 */
import type { RoutingConfig } from "../config/types";
import type { DurationStats } from "./model";
import { durationStats } from "./statistics";

/** One routed lead as the decision log holds it (src/router: `readDecisionLog`). */
export interface LoggedLead {
  contactId: string;
  /** The routing request's instant, epoch ms. */
  requestedAt: number;
  system: string;
  sourceType: string | null;
  /** The pool the lead was picked from (after a reassignment: the new one), or null. */
  pool: string | null;
  /** Who has the lead now: the decision's owner, or the latest reassignment's. */
  owner: string | null;
  /** Pool members left out of the pick, with the reason (`capacity`, `absent`, `not_started`, `ended`). */
  skipped: { rep: string; reason: string }[];
  slaDueAt: number | null;
  /** The escalation steps the router ran for the lead. */
  escalations: { action: string; dueAt: number }[];
}

export interface MemberFairness {
  rep: string;
  weight: number;
  /** The member's weight over the pool's total weight. */
  weightShare: number;
  leads: number;
  /** The member's leads over the pool's leads (null when the pool had none). */
  leadShare: number | null;
  /** Leads the member was skipped for because a capacity cap was reached. */
  capacityHits: number;
  /** Leads the member was skipped for while out of office, not started yet or gone. */
  absencesSkipped: number;
}

export interface PoolFairness {
  pool: string;
  label: string;
  leads: number;
  members: MemberFairness[];
  /** Leads of the pool that went to someone who is not a member (a reassignment elsewhere). */
  elsewhere: number;
}

export interface SystemSla {
  system: string;
  /** Leads with an SLA. */
  leads: number;
  /** First touch at or before the due time. */
  met: number;
  /** Due time passed with no first touch by then. */
  breached: number;
  /** Breached leads the router escalated (at least one step ran). */
  escalated: number;
  /** Not due yet and not touched yet. */
  pending: number;
}

export interface SourceTypeTouch {
  sourceType: string;
  leads: number;
  /** Minutes from the routing request to the first touch, of the leads touched. */
  stats: DurationStats;
  notTouched: number;
}

export interface OperationsSection {
  /** False when no decision log was given (the reason says why). */
  checked: boolean;
  uncheckedReason?: string;
  /** Leads of the decision log routed in the window. */
  leads: number;
  pools: PoolFairness[];
  sla: SystemSla[];
  firstTouch: SourceTypeTouch[];
}

const ABSENCE_REASONS = new Set(["absent", "not_started", "ended"]);

export function uncheckedOperations(reason: string): OperationsSection {
  return { checked: false, uncheckedReason: reason, leads: 0, pools: [], sla: [], firstTouch: [] };
}

const key = (email: string) => email.trim().toLowerCase();

/** A member's rotation weight (1 when unset, as the engine reads it). */
const weightOf = (member: { weight?: number }) =>
  typeof member.weight === "number" && Number.isFinite(member.weight) ? Math.max(0, member.weight) : 1;

/**
 * The section for the leads of `log` requested in [`from`, `to`), judged at `now`.
 * `firstTouchOf(contactId)` is the contact's first touch as HubSpot recorded it (epoch ms) or null.
 */
export function operationsSection(
  config: RoutingConfig,
  log: readonly LoggedLead[],
  firstTouchOf: (contactId: string) => number | null,
  window: { from: number; to: number; now: number },
): OperationsSection {
  const leads = log.filter((lead) => lead.requestedAt >= window.from && lead.requestedAt < window.to);
  const pools: PoolFairness[] = (config.pools ?? []).map((pool) => {
    const total = pool.members.reduce((sum, m) => sum + weightOf(m), 0);
    const mine = leads.filter((lead) => lead.pool === pool.id);
    const members: MemberFairness[] = pool.members.map((member) => {
      const rep = key(member.rep);
      const got = mine.filter((lead) => lead.owner !== null && key(lead.owner) === rep).length;
      const skips = mine.flatMap((lead) => lead.skipped.filter((s) => key(s.rep) === rep));
      return {
        rep: member.rep,
        weight: weightOf(member),
        weightShare: total > 0 ? weightOf(member) / total : 0,
        leads: got,
        leadShare: mine.length > 0 ? got / mine.length : null,
        capacityHits: skips.filter((s) => s.reason === "capacity").length,
        absencesSkipped: skips.filter((s) => ABSENCE_REASONS.has(s.reason)).length,
      };
    });
    const counted = members.reduce((sum, m) => sum + m.leads, 0);
    return {
      pool: pool.id,
      label: pool.label ?? pool.id,
      leads: mine.length,
      members,
      elsewhere: mine.length - counted,
    };
  });

  const systems = new Map<string, SystemSla>();
  const touches = new Map<string, { minutes: number[]; leads: number; notTouched: number }>();
  for (const lead of leads) {
    const touched = firstTouchOf(lead.contactId);
    const firstTouch = touched !== null && touched >= lead.requestedAt ? touched : null;
    const source = lead.sourceType ?? "(none)";
    const t = touches.get(source) ?? { minutes: [], leads: 0, notTouched: 0 };
    t.leads++;
    if (firstTouch === null) t.notTouched++;
    else t.minutes.push(Math.round((firstTouch - lead.requestedAt) / 60_000));
    touches.set(source, t);

    if (lead.slaDueAt === null) continue;
    const s = systems.get(lead.system) ?? {
      system: lead.system,
      leads: 0,
      met: 0,
      breached: 0,
      escalated: 0,
      pending: 0,
    };
    s.leads++;
    if (firstTouch !== null && firstTouch <= lead.slaDueAt) s.met++;
    else if (lead.slaDueAt <= window.now) {
      s.breached++;
      if (lead.escalations.length > 0) s.escalated++;
    } else s.pending++;
    systems.set(lead.system, s);
  }
  return {
    checked: true,
    leads: leads.length,
    pools: pools.filter((p) => p.leads > 0 || p.members.some((m) => m.capacityHits + m.absencesSkipped > 0)),
    sla: [...systems.values()].sort((a, b) => a.system.localeCompare(b.system)),
    firstTouch: [...touches.entries()]
      .map(([sourceType, t]) => ({
        sourceType,
        leads: t.leads,
        stats: durationStats(t.minutes),
        notTouched: t.notTouched,
      }))
      .sort((a, b) => b.leads - a.leads || a.sourceType.localeCompare(b.sourceType)),
  };
}
