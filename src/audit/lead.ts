/**
 * One contact read as a routed lead: which system routed it, when, on which calendar its clocks
 * run, who owns it, and what happened since. Every section tallies these, so the reading rules
 * (what counts as an engagement, which calendar applies) live here once.
 */
import type { RoutingConfig } from "../config/types";
import { MANAGED_PROPERTIES } from "../deploy/managed-names";
import { flag, HUBSPOT_PROPERTIES, instant, text, type AuditContact } from "./contact";
import type { AuditSystem } from "./model";
import type { OwnerDirectory, ResolvedOwner } from "./owners";

export interface RoutedLead {
  id: string;
  /** First and last name as typed: untrusted, only for examples. */
  name: string | null;
  createdAt: number | null;
  /** When RouteOps routed the contact; `null` when it never did. */
  routedAt: number | null;
  /** `null` when the contact was never routed. */
  system: AuditSystem | null;
  sourceType: string | null;
  rule: string | null;
  owner: ResolvedOwner | null;
  originalOwnerId: string | null;
  /** Calendar of the pool, else the queue, else the owning rep, else the config's default. */
  calendarId: string;
  slaDueAt: number | null;
  /** First sales engagement on record (any time, also before routing). */
  firstEngagementAt: number | null;
  latestSequenceEnrolledAt: number | null;
  lastMeetingBookedAt: number | null;
  lifecycleStage: string | null;
  country: string | null;
  state: string | null;
  /** The deciding rule sends leads to nurture: no owner is expected. */
  nurture: boolean;
}

/** What reading a lead needs from the config, prepared once per audit. */
export interface LeadReader {
  read(contact: AuditContact): RoutedLead;
}

const SYSTEMS = new Set<string>(["inbound", "outbound", "reengagement", "unclassified"]);

export function leadReader(config: RoutingConfig, owners: OwnerDirectory): LeadReader {
  const poolCalendars = new Map(config.pools.map((pool) => [pool.id, pool.calendar]));
  const queueCalendars = new Map(config.queues.map((queue) => [queue.id, queue.calendar]));
  const sourceSystems = new Map(config.sources.map((source) => [source.id, source.system]));
  const nurtureRules = new Set(
    [...config.systems.inbound.rules, ...config.systems.outbound.rules]
      .filter((rule) => rule.outcome.type === "nurture")
      .map((rule) => rule.id),
  );

  return {
    read(contact) {
      const p = MANAGED_PROPERTIES;
      const h = HUBSPOT_PROPERTIES;
      const routedAt = instant(contact, p.routedAt);
      const sourceType = text(contact, p.sourceType);
      const rule = text(contact, p.rule);
      const ownerId = text(contact, h.owner);
      const owner = ownerId ? owners.resolve(ownerId) : null;
      const pool = text(contact, p.pool);
      const queue = text(contact, p.queue);
      const calendarId =
        (pool && poolCalendars.get(pool)) ||
        (queue && queueCalendars.get(queue)) ||
        owner?.rep?.calendar ||
        config.defaultCalendar;
      return {
        id: contact.id,
        name: nameOf(contact),
        createdAt: instant(contact, h.createdAt),
        routedAt,
        system: routedAt === null ? null : systemOf(text(contact, p.system), flag(contact, p.reengagement), sourceType),
        sourceType,
        rule,
        owner,
        originalOwnerId: text(contact, p.originalOwner),
        calendarId,
        slaDueAt: instant(contact, p.slaDueAt),
        firstEngagementAt: instant(contact, h.firstEngagementAt),
        latestSequenceEnrolledAt: instant(contact, h.latestSequenceEnrolledAt),
        lastMeetingBookedAt: instant(contact, h.lastMeetingBookedAt),
        lifecycleStage: text(contact, h.lifecycleStage)?.toLowerCase() ?? null,
        country: text(contact, h.country),
        state: text(contact, h.state),
        nurture: rule !== null && nurtureRules.has(rule),
      };
    },
  };

  // The recorded system is the truth; older records without it fall back to what the flag and
  // the source type say.
  function systemOf(recorded: string | null, reengagement: boolean, sourceType: string | null): AuditSystem {
    if (recorded && SYSTEMS.has(recorded)) return recorded as AuditSystem;
    if (reengagement) return "reengagement";
    const system = sourceType ? sourceSystems.get(sourceType) : undefined;
    return system ?? "unclassified";
  }
}

function nameOf(contact: AuditContact): string | null {
  const parts = [text(contact, HUBSPOT_PROPERTIES.firstName), text(contact, HUBSPOT_PROPERTIES.lastName)];
  const name = parts.filter((part) => part !== null).join(" ");
  return name === "" ? null : name;
}

/** Lifecycle stages that count as pipeline: the lead became an opportunity (or already a customer). */
const CONVERTED_STAGES = new Set(["opportunity", "customer"]);

export function converted(lead: RoutedLead): boolean {
  return lead.lifecycleStage !== null && CONVERTED_STAGES.has(lead.lifecycleStage);
}

/**
 * The first engagement that answers this routing: HubSpot keeps only the first engagement ever,
 * so one that predates the routing belongs to an older conversation and tells nothing here.
 */
export type Engagement = { kind: "engaged"; at: number } | { kind: "none" } | { kind: "before_routing" };

export function engagementOf(lead: RoutedLead): Engagement {
  if (lead.firstEngagementAt === null) return { kind: "none" };
  if (lead.routedAt !== null && lead.firstEngagementAt < lead.routedAt) return { kind: "before_routing" };
  return { kind: "engaged", at: lead.firstEngagementAt };
}

/** Why a lead has no usable owner, or `null` when it has one (or needs none). */
export function unownedReason(lead: RoutedLead): "no_owner" | "deactivated_owner" | "nurture" | null {
  if (lead.owner === null) return lead.nurture ? "nurture" : "no_owner";
  if (lead.owner.archived) return "deactivated_owner";
  return null;
}
