/**
 * Compiles a routing config once into lookup tables, so that routing a lead is a handful of map
 * lookups: reps by email with replacement chains resolved, calendars compiled, pools merged,
 * territory clauses indexed by country, source matchers by event kind, conditions as checks.
 */
import type {
  EscalationStep,
  HandoffModel,
  Intent,
  NotificationStyle,
  Outcome,
  OverflowOutcome,
  RoutingConfig,
  RuleConfig,
  RuleSla,
  SlaTarget,
} from "../config/types";
import {
  compileAbsences,
  compileCapacity,
  compileDay,
  type CompiledAbsence,
  type CompiledCapacity,
} from "./availability";
import { compileCalendar, type BusinessCalendar } from "./business-time";
import { compileSources, type SourceTable } from "./classify";
import { compileCondition, type CompiledCondition } from "./conditions";
import { compileTerritories, type TerritoryClause, type TerritoryIndex } from "./geo";
import { freeMailDomains } from "./free-mail-domains";

/** A rep, with calendar and absences ready for routing. */
export interface CompiledRep {
  email: string;
  active: boolean;
  calendarId: string;
  /** The rep's calendar (the default calendar when the rep's is unknown). */
  calendar: BusinessCalendar | null;
  territories: ReadonlySet<string>;
  /** Absences as `[from, to)` ranges of local minutes. */
  absences: readonly CompiledAbsence[];
  /** First and last local day in pools (`startsOn`, `endsOn`), as day numbers. */
  startsDay: number | null;
  endsDay: number | null;
  capacity: CompiledCapacity | null;
}

/** A pool member after replacements: duplicates merged, weights summed, first position kept. */
export interface CompiledPoolMember {
  rep: string;
  weight: number;
  /** Inactive members whose place this rep took (for the trace). */
  standsInFor: string[];
}

export interface CompiledPool {
  id: string;
  calendarId: string;
  calendar: BusinessCalendar | null;
  members: CompiledPoolMember[];
  capacity: CompiledCapacity | null;
  catchUp: boolean;
}

export interface CompiledQueue {
  id: string;
  calendarId: string;
  calendar: BusinessCalendar | null;
  /** Backup owner as configured, and after replacements. */
  configuredOwner: string;
  owner: string;
}

/** A rule outcome; `byTerritory` pools as a Map (a territory named `constructor` is just a key). */
export type CompiledOutcome =
  | Exclude<Outcome, { type: "pool" }>
  | { type: "pool"; pool: string }
  | { type: "pool"; byTerritory: ReadonlyMap<string, string> };

export interface CompiledRule {
  id: string;
  when: CompiledCondition;
  outcome: CompiledOutcome;
  sla: RuleSla;
  notification: NotificationStyle;
  overflow: OverflowOutcome | null;
}

export interface CompiledReengagementRule {
  id: string;
  when: CompiledCondition;
  handoff: HandoffModel;
  sla: RuleSla;
  notification: NotificationStyle;
}

export interface CompiledSegment {
  id: string;
  min: number;
  max: number;
}

/** Everything `route` needs, precomputed from one config. Treat as read-only. */
export interface CompiledRouting {
  readonly config: RoutingConfig;
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  readonly defaultCalendar: BusinessCalendar | null;
  /** Reps by lower-cased email. */
  readonly reps: ReadonlyMap<string, CompiledRep>;
  /** Lower-cased email -> the active rep at the end of the replacement chain. */
  readonly replacements: ReadonlyMap<string, CompiledRep>;
  readonly pools: ReadonlyMap<string, CompiledPool>;
  readonly queues: ReadonlyMap<string, CompiledQueue>;
  readonly territories: TerritoryIndex;
  readonly segments: readonly CompiledSegment[];
  /** The segment for an unknown company size (`whenUnknown`), if any. */
  readonly unknownSegment: string | null;
  readonly sources: SourceTable;
  readonly slaPolicies: ReadonlyMap<string, SlaTarget>;
  readonly slaByIntent: Readonly<Record<Intent, string | null>>;
  readonly inbound: readonly CompiledRule[];
  readonly outbound: readonly CompiledRule[];
  readonly reengagement: {
    lookbackMs: number;
    touchKinds: ReadonlySet<string>;
    intent: Intent;
    rules: readonly CompiledReengagementRule[];
  };
  readonly unclassified: {
    rule: string;
    queueId: string;
    queue: CompiledQueue | null;
    sla: string | null;
    notification: NotificationStyle;
  };
  /**
   * Memo of typed (country, state) pairs already placed: normalising the same spellings again
   * and again is most of the cost of reading a lead. Bounded; invisible in results.
   */
  readonly placeMemo: Map<string, PlacedContact>;
  /** Escalation steps per SLA policy id (policies without steps are left out). */
  readonly escalations: ReadonlyMap<string, readonly EscalationStep[]>;
  /** Account matching by email domain, with the free-mail domains to ignore; null when off. */
  readonly accountMatching: { freeMail: ReadonlySet<string> } | null;
}

/** Where a typed country and state put a contact. */
export interface PlacedContact {
  country: string | null;
  state: string | null;
  clause: TerritoryClause | null;
}

/** Lower-cased, trimmed email: how reps are looked up. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The rep who gets a lead addressed to `email`: the end of the replacement chain for a rep, or
 * the (trimmed) email itself, with no rep, for someone who is not a rep in the config.
 */
export function resolveRep(compiled: CompiledRouting, email: string): { email: string; rep: CompiledRep | null } {
  const rep = compiled.replacements.get(emailKey(email));
  return rep ? { email: rep.email, rep } : { email: email.trim(), rep: null };
}

function compileRule(rule: RuleConfig): CompiledRule {
  const outcome: CompiledOutcome =
    rule.outcome.type === "pool" && "byTerritory" in rule.outcome
      ? { type: "pool", byTerritory: new Map(Object.entries(rule.outcome.byTerritory ?? {})) }
      : rule.outcome;
  return {
    id: rule.id,
    when: compileCondition(rule.when),
    outcome,
    sla: rule.sla,
    notification: rule.notification,
    overflow: rule.overflow ?? null,
  };
}

/**
 * Compiles a config that passed validation. It does not throw on such a config; references a
 * validator would reject (an unknown calendar, pool or rep) degrade instead of failing: the rule
 * is skipped or the default calendar is used.
 */
export function compileRouting(config: RoutingConfig): CompiledRouting {
  const calendars = new Map<string, BusinessCalendar>();
  for (const calendar of config.calendars ?? []) calendars.set(calendar.id, compileCalendar(calendar));
  const defaultCalendar = calendars.get(config.defaultCalendar) ?? null;
  const calendarOf = (id: string) => calendars.get(id) ?? defaultCalendar;

  const reps = new Map<string, CompiledRep>();
  const replacedBy = new Map<string, string>();
  for (const rep of config.reps ?? []) {
    const key = emailKey(rep.email);
    if (reps.has(key)) continue;
    reps.set(key, {
      email: rep.email,
      active: rep.active !== false,
      calendarId: calendars.has(rep.calendar) ? rep.calendar : config.defaultCalendar,
      calendar: calendarOf(rep.calendar),
      territories: new Set(rep.territories ?? []),
      absences: compileAbsences(rep.outOfOffice),
      startsDay: compileDay(rep.startsOn),
      endsDay: compileDay(rep.endsOn),
      capacity: compileCapacity(rep.capacity),
    });
    if (rep.replacedBy) replacedBy.set(key, emailKey(rep.replacedBy));
  }
  const replacements = new Map<string, CompiledRep>();
  for (const [key, rep] of reps) {
    let current = rep;
    let currentKey = key;
    const seen = new Set([key]);
    while (!current.active) {
      const nextKey = replacedBy.get(currentKey);
      const next = nextKey === undefined ? undefined : reps.get(nextKey);
      if (nextKey === undefined || !next || seen.has(nextKey)) break;
      seen.add(nextKey);
      current = next;
      currentKey = nextKey;
    }
    replacements.set(key, current);
  }
  const resolveEmail = (email: string) => replacements.get(emailKey(email))?.email ?? email.trim();

  const pools = new Map<string, CompiledPool>();
  for (const pool of config.pools ?? []) {
    const members: CompiledPoolMember[] = [];
    for (const member of pool.members ?? []) {
      const own = reps.get(emailKey(member.rep));
      const rep = resolveEmail(member.rep);
      const weight =
        typeof member.weight === "number" && Number.isFinite(member.weight) ? Math.max(0, member.weight) : 1;
      const existing = members.find((m) => m.rep === rep);
      const target = existing ?? { rep, weight: 0, standsInFor: [] };
      target.weight += weight;
      if (own && own.email !== rep) target.standsInFor.push(own.email);
      if (!existing) members.push(target);
    }
    pools.set(pool.id, {
      id: pool.id,
      calendarId: calendars.has(pool.calendar) ? pool.calendar : config.defaultCalendar,
      calendar: calendarOf(pool.calendar),
      members,
      capacity: compileCapacity(pool.capacity),
      catchUp: pool.catchUp === true,
    });
  }

  const queues = new Map<string, CompiledQueue>();
  for (const queue of config.queues ?? []) {
    queues.set(queue.id, {
      id: queue.id,
      calendarId: calendars.has(queue.calendar) ? queue.calendar : config.defaultCalendar,
      calendar: calendarOf(queue.calendar),
      configuredOwner: queue.backupOwner,
      owner: resolveEmail(queue.backupOwner),
    });
  }

  const segments = (config.segments ?? []).map((s) => ({
    id: s.id,
    min: typeof s.minEmployees === "number" ? s.minEmployees : Number.NEGATIVE_INFINITY,
    max: typeof s.maxEmployees === "number" ? s.maxEmployees : Number.POSITIVE_INFINITY,
  }));

  const reengagement = config.reengagement;
  return {
    config,
    calendars,
    defaultCalendar,
    reps,
    replacements,
    pools,
    queues,
    territories: compileTerritories(config.territories ?? []),
    segments,
    unknownSegment: (config.segments ?? []).find((s) => s.whenUnknown === true)?.id ?? null,
    sources: compileSources(config.sources ?? []),
    slaPolicies: new Map((config.slaPolicies ?? []).map((p) => [p.id, p.target])),
    slaByIntent: config.systems.inbound.slaByIntent ?? { high: null, standard: null, low: null },
    inbound: (config.systems.inbound.rules ?? []).map(compileRule),
    outbound: (config.systems.outbound.rules ?? []).map(compileRule),
    reengagement: {
      lookbackMs: Math.max(0, reengagement.lookbackDays) * 86_400_000,
      touchKinds: new Set(reengagement.touchKinds ?? []),
      intent: reengagement.intent,
      rules: (reengagement.rules ?? []).map((r) => ({
        id: r.id,
        when: compileCondition(r.when),
        handoff: r.handoff,
        sla: r.sla,
        notification: r.notification,
      })),
    },
    placeMemo: new Map(),
    escalations: new Map(
      (config.slaPolicies ?? []).filter((p) => (p.escalation ?? []).length > 0).map((p) => [p.id, p.escalation!]),
    ),
    accountMatching:
      config.accountMatching?.byEmailDomain === true
        ? {
            freeMail: new Set([
              ...freeMailDomains,
              ...(config.accountMatching.extraFreeMailDomains ?? []).map((d) => d.trim().toLowerCase()),
            ]),
          }
        : null,
    unclassified: {
      rule: config.unclassified.rule,
      queueId: config.unclassified.queue,
      queue: queues.get(config.unclassified.queue) ?? null,
      sla: config.unclassified.sla,
      notification: config.unclassified.notification,
    },
  };
}
