/**
 * A contact as the audit reads it, and the one list of properties it asks HubSpot for. Reading
 * only these keeps each page small; nothing else of a contact is kept after it is tallied.
 */
import { MANAGED_PROPERTIES } from "../deploy/managed-names";
import { capUntrusted } from "../report/untrusted";

/** A contact record with its property values as HubSpot returns them (strings, or null when empty). */
export interface AuditContact {
  id: string;
  properties: Record<string, string | null | undefined>;
}

/** An owner from HubSpot's owner list. Deactivated users' owners are `archived`. */
export interface AuditOwner {
  id: string;
  email: string | null;
  firstName?: string | null;
  lastName?: string | null;
  archived: boolean;
}

/** HubSpot default properties the audit reads. */
export const HUBSPOT_PROPERTIES = {
  createdAt: "createdate",
  owner: "hubspot_owner_id",
  country: "country",
  state: "state",
  originalSource: "hs_analytics_source",
  originalSourceDetail1: "hs_analytics_source_data_1",
  originalSourceDetail2: "hs_analytics_source_data_2",
  lifecycleStage: "lifecyclestage",
  firstEngagementAt: "hs_sa_first_engagement_date",
  latestSequenceEnrolledAt: "hs_latest_sequence_enrolled_date",
  lastMeetingBookedAt: "engagements_last_meeting_booked",
  firstName: "firstname",
  lastName: "lastname",
} as const;

/** Every property the audit reads, managed ones included: pass this to the contact reader. */
export const AUDIT_CONTACT_PROPERTIES: readonly string[] = [
  ...Object.values(HUBSPOT_PROPERTIES),
  MANAGED_PROPERTIES.sourceType,
  MANAGED_PROPERTIES.system,
  MANAGED_PROPERTIES.rule,
  MANAGED_PROPERTIES.pool,
  MANAGED_PROPERTIES.queue,
  MANAGED_PROPERTIES.slaPolicy,
  MANAGED_PROPERTIES.slaDueAt,
  MANAGED_PROPERTIES.reengagement,
  MANAGED_PROPERTIES.originalOwner,
  MANAGED_PROPERTIES.routedAt,
];

/**
 * A property value with surrounding blanks removed; `null` when empty. Every value the audit reads
 * goes through here, so each is capped (`capUntrusted`) before it can reach a report.
 */
export function text(contact: AuditContact, name: string): string | null {
  const value = contact.properties[name];
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : capUntrusted(trimmed);
}

const epochPattern = /^-?\d+$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant from a HubSpot date or datetime property: epoch milliseconds as a string, an ISO
 * date-time, or an ISO date (midnight UTC, which is how HubSpot stores date properties).
 * Anything else reads as no value rather than failing the whole audit on one odd record.
 */
export function instant(contact: AuditContact, name: string): number | null {
  const value = text(contact, name);
  if (value === null) return null;
  if (epochPattern.test(value)) {
    const at = Number(value);
    return Number.isSafeInteger(at) ? at : null;
  }
  const at = Date.parse(datePattern.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(at) ? null : at;
}

/** HubSpot bool properties read `"true"`/`"false"`. */
export function flag(contact: AuditContact, name: string): boolean {
  return text(contact, name)?.toLowerCase() === "true";
}
