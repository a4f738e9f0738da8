/**
 * Outbound routing health: how fast reps answer sequence replies, which outbound leads got no
 * follow-up within the follow-up window, and how often outbound contacts book a meeting, by rep
 * and by territory.
 */
import type { RoutingConfig } from "../config/types";
import type { AuditClock } from "./clock";
import { contactExample } from "./examples";
import { engagementOf, type RoutedLead } from "./lead";
import type { ContactExample, OutboundSection, RepRef } from "./model";
import type { OwnerDirectory } from "./owners";
import { durationStats, rate, slaCounts } from "./statistics";
import { KeyedTally, type SystemTally } from "./system-tally";
import type { TerritoryLookup } from "./territory";

/**
 * The article's "no follow-up within 48 business hours", read as two business days of the lead's
 * calendar, as the reference organisation reads the same figure for its event SLA.
 */
export const FOLLOW_UP_BUSINESS_DAYS = 2;

const NO_OWNER = "";
const NO_TERRITORY = "(no territory)";
const EXAMPLE_LIMIT = 5;

export interface OutboundTally {
  add(lead: RoutedLead): void;
  result(system: SystemTally): OutboundSection;
}

export interface OutboundContext {
  config: RoutingConfig;
  clock: AuditClock;
  owners: OwnerDirectory;
  territoryOf: TerritoryLookup;
  now: number;
  portalId: string | null;
}

export function outboundTally(context: OutboundContext): OutboundTally {
  const { clock, now } = context;
  // Source types fed by sequence replies, whatever the config calls them.
  const replySources = new Set(
    context.config.sources
      .filter((source) => source.matchers.some((matcher) => matcher.event === "sequence_reply"))
      .map((source) => source.id),
  );
  const replies = new KeyedTally(() => ({ replies: 0, awaiting: 0, minutes: [] as number[] }));
  const meetingsByRep = new KeyedTally(() => ({ contacts: 0, meetings: 0 }));
  const meetingsByTerritory = new KeyedTally(() => ({ contacts: 0, meetings: 0 }));
  const followUp = { withFollowUp: 0, withoutFollowUp: 0, pending: 0 };
  const examples: ContactExample[] = [];

  return {
    add(lead) {
      const routedAt = lead.routedAt;
      if (routedAt === null) return;
      const ownerKey = lead.owner?.id ?? NO_OWNER;
      const engagement = engagementOf(lead);

      if (lead.sourceType !== null && replySources.has(lead.sourceType)) {
        const rep = replies.get(ownerKey);
        rep.replies++;
        if (engagement.kind === "engaged") {
          const taken = clock.businessMinutes(lead.calendarId, routedAt, engagement.at);
          if (Number.isFinite(taken)) rep.minutes.push(taken);
        } else if (engagement.kind === "none") rep.awaiting++;
      }

      const deadline = clock.afterBusinessDays(lead.calendarId, routedAt, FOLLOW_UP_BUSINESS_DAYS);
      const followedUpAt = earliestFollowUp(lead, routedAt);
      if (followedUpAt !== null && followedUpAt <= deadline) followUp.withFollowUp++;
      else if (deadline <= now) {
        followUp.withoutFollowUp++;
        if (examples.length < EXAMPLE_LIMIT) examples.push(contactExample(lead.id, lead.name, context.portalId));
      } else followUp.pending++;

      const met = lead.lastMeetingBookedAt !== null && lead.lastMeetingBookedAt >= routedAt ? 1 : 0;
      const byRep = meetingsByRep.get(ownerKey);
      byRep.contacts++;
      byRep.meetings += met;
      const byTerritory = meetingsByTerritory.get(context.territoryOf(lead.country, lead.state) ?? NO_TERRITORY);
      byTerritory.contacts++;
      byTerritory.meetings += met;
    },
    result(system) {
      return {
        leads: system.leads,
        unowned: system.unowned,
        replyResponseByRep: sortedReps(replies.keys()).map(({ key, ref }) => {
          const rep = replies.get(key);
          return { ...ref, replies: rep.replies, awaiting: rep.awaiting, stats: durationStats(rep.minutes) };
        }),
        followUp: {
          businessDays: FOLLOW_UP_BUSINESS_DAYS,
          ...followUp,
          missed: rate(followUp.withoutFollowUp, followUp.withFollowUp + followUp.withoutFollowUp),
          examples,
        },
        meetingsByRep: sortedReps(meetingsByRep.keys()).map(({ key, ref }) => {
          const rep = meetingsByRep.get(key);
          return { ...ref, conversion: rate(rep.meetings, rep.contacts) };
        }),
        meetingsByTerritory: territoryOrder(context.config, meetingsByTerritory.keys()).map((territory) => {
          const tally = meetingsByTerritory.get(territory);
          return { territory, conversion: rate(tally.meetings, tally.contacts) };
        }),
        sla: slaCounts(system.sla),
      };
    },
  };

  function sortedReps(keys: string[]): { key: string; ref: RepRef }[] {
    return keys
      .map((key) => ({
        key,
        ref: key === NO_OWNER ? { rep: "(no owner)", name: "(no owner)" } : context.owners.refOf(key),
      }))
      .sort((a, b) => a.ref.rep.localeCompare(b.ref.rep, "en"));
  }
}

/** Follow-up after routing: a sales engagement, or an enrollment in a sequence. */
function earliestFollowUp(lead: RoutedLead, routedAt: number): number | null {
  const candidates = [lead.firstEngagementAt, lead.latestSequenceEnrolledAt].filter(
    (at): at is number => at !== null && at >= routedAt,
  );
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** Territories in config order, then anything else (the "no territory" row last). */
export function territoryOrder(config: RoutingConfig, seen: string[]): string[] {
  const known = config.territories.map((territory) => territory.id).filter((id) => seen.includes(id));
  const rest = seen.filter((id) => !known.includes(id) && id !== NO_TERRITORY).sort();
  return [...known, ...rest, ...(seen.includes(NO_TERRITORY) ? [NO_TERRITORY] : [])];
}
