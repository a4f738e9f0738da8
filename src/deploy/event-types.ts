/**
 * The one table of HubSpot event types the source identification and touch flows enrol on, with
 * the event properties they read. Like action types, each entry says how sure we are. HubSpot has
 * no endpoint to verify event types before a deploy, so UNVERIFIED and UNKNOWN entries are listed
 * as plan warnings. UNKNOWN entries carry a placeholder id that HubSpot rejects: those triggers
 * need a HubSpot-side equivalent before a real deploy (the emulator accepts the placeholder).
 */
import type { EventKind, TouchKind } from "../config/types";

export type EventTypeStatus = "documented" | "UNVERIFIED" | "UNKNOWN";

/** Event property names a flow reads, by the engine's event field. */
export interface EventPropertyNames {
  formId?: string;
  pageUrl?: string;
  chatQualified?: string;
  callOutcome?: string;
  importSource?: string;
  /** The owner id of the rep the event names. */
  owner?: string;
  /** When the event happened (epoch ms). */
  occurredAt: string;
}

export interface EventTypeEntry {
  eventTypeId: string;
  status: EventTypeStatus;
  /** HubSpot's name for the event. */
  label: string;
  source: string;
  properties: EventPropertyNames;
}

const occurredAt = "hs_timestamp";
const owner = "hubspot_owner_id";

/** Event type per engine event kind. */
export const EVENT_TYPES: Record<EventKind, EventTypeEntry> = {
  form_submission: {
    eventTypeId: "4-1639801",
    status: "documented",
    label: "Form submission",
    source: "HubSpot automation v4 guide (example flow)",
    properties: { formId: "hs_form_id", pageUrl: "hs_page_url", occurredAt },
  },
  meeting_booked: {
    eventTypeId: "4-1720599",
    status: "UNVERIFIED",
    label: "Meeting booked",
    source: "community event type tables",
    properties: { owner, occurredAt },
  },
  chat_completed: {
    eventTypeId: "UNKNOWN-chat_completed",
    status: "UNKNOWN",
    label: "Chat conversation completed",
    source: "no known HubSpot unified event",
    properties: { chatQualified: "hs_chat_qualified", owner, occurredAt },
  },
  sequence_reply: {
    eventTypeId: "4-665538",
    status: "UNVERIFIED",
    label: "Replied to email",
    source: "community event type tables (whether sequence emails raise it is not known)",
    properties: { owner, occurredAt },
  },
  call_logged: {
    eventTypeId: "4-1741072",
    status: "UNVERIFIED",
    label: "Call ended",
    source: "community event type tables",
    properties: { callOutcome: "hs_call_disposition", owner, occurredAt },
  },
  list_import: {
    eventTypeId: "UNKNOWN-list_import",
    status: "UNKNOWN",
    label: "Added by list import",
    source: "no known HubSpot unified event",
    properties: { importSource: "hs_import_source", owner, occurredAt },
  },
  contact_created: {
    eventTypeId: "4-1463224",
    status: "UNVERIFIED",
    label: "CRM object created",
    source: "community event type tables",
    properties: { occurredAt },
  },
};

/** Event type per outbound touch kind (re-engagement history). */
export const TOUCH_EVENT_TYPES: Record<TouchKind, EventTypeEntry> = {
  sequence_enrollment: {
    eventTypeId: "4-675777",
    status: "UNVERIFIED",
    label: "Enrolled in sequence",
    source: "community event type tables",
    properties: { owner, occurredAt },
  },
  call: EVENT_TYPES.call_logged,
  event: EVENT_TYPES.list_import,
};

/** The token that reads a property of the event that enrolled the contact. */
export function enrollmentEventToken(entry: EventTypeEntry, property: string): string {
  return `{{ enrollment_events.enrollment_event_${entry.eventTypeId.replace(/-/g, "_")}.${property} }}`;
}
