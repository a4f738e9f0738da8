/**
 * HubSpot unified event types the source identification and touch flows enrol on, with the event
 * properties they read and the evidence for each id. HubSpot has no endpoint to check event types
 * before a deploy, so every UNVERIFIED id is listed by `routeops plan`, one line each.
 *
 * Evidence:
 * - `documented`: HubSpot's automation v4 guide shows the id (form submission `4-1639801`, in its
 *   example event-based flow).
 * - `UNVERIFIED`: community event-type tables only (lists of `eventTypeId`s read back from real
 *   portals, published by HubSpot users).
 * - `no_trigger`: HubSpot offers no unified event RouteOps could enrol on. RouteOps does not deploy
 *   a flow for such an event kind (the plan says so); it never sends a placeholder id.
 */
import type { EventKind, TouchKind } from "../config/types";

export type EventTypeStatus = "documented" | "UNVERIFIED" | "no_trigger";

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

interface EventTypeBase {
  /** HubSpot's name for the event. */
  label: string;
  source: string;
  properties: EventPropertyNames;
}
/** An event HubSpot raises, with its id. */
export interface DeployableEventType extends EventTypeBase {
  status: "documented" | "UNVERIFIED";
  eventTypeId: string;
}
/** An event kind HubSpot has no trigger for. */
export interface UndeployableEventType extends EventTypeBase {
  status: "no_trigger";
  eventTypeId: null;
  /** Why, and what the plan tells the user. */
  reason: string;
}
export type EventTypeEntry = DeployableEventType | UndeployableEventType;

const occurredAt = "hs_timestamp";
const owner = "hubspot_owner_id";
const COMMUNITY = "community event type tables (ids read back from real portals)";

/** Event type per engine event kind. */
export const EVENT_TYPES: Record<EventKind, EventTypeEntry> = {
  form_submission: {
    eventTypeId: "4-1639801",
    status: "documented",
    label: "Form submission",
    source: "HubSpot automation v4 guide (example event-based flow)",
    properties: { formId: "hs_form_id", pageUrl: "hs_page_url", occurredAt },
  },
  meeting_booked: {
    eventTypeId: "4-1720599",
    status: "UNVERIFIED",
    label: "Meeting booked",
    source: COMMUNITY,
    properties: { owner, occurredAt },
  },
  chat_completed: {
    eventTypeId: null,
    status: "no_trigger",
    label: "Chat conversation completed",
    source: "no unified event in HubSpot's published material or in community event tables",
    // The knowledge base's record source "Bot Chatflow" marks contacts a chatbot creates, not chats
    // with existing contacts, and carries nothing about qualification (docs/deploy.md).
    reason:
      "HubSpot has no workflow event for a completed chat (conversations are not CRM events a contact flow can enrol on), " +
      "so chats cannot be classified by a workflow; contacts a chat creates are caught by the contact-created flow as unclassified",
    properties: { chatQualified: "hs_chat_qualified", owner, occurredAt },
  },
  sequence_reply: {
    eventTypeId: "4-665538",
    status: "UNVERIFIED",
    label: "Replied to email",
    source: `${COMMUNITY} (whether sequence emails raise it is not known)`,
    properties: { owner, occurredAt },
  },
  call_logged: {
    eventTypeId: "4-1741072",
    status: "UNVERIFIED",
    label: "Call ended",
    source: COMMUNITY,
    properties: { callOutcome: "hs_call_disposition", owner, occurredAt },
  },
  list_import: {
    eventTypeId: null,
    status: "no_trigger",
    label: "Added by list import",
    source: "no unified event in HubSpot's published material or in community event tables",
    // HubSpot's knowledge base ("View and use record source properties") documents a Record source
    // "Import" on contacts an import creates, with detail properties whose content for imports it
    // does not publish: not enough to read the import's source tag or the importing rep (unverified).
    reason:
      "HubSpot raises no workflow event when an import adds or updates a contact; its record source property says only that an import " +
      "created the contact (not updated ones), and HubSpot does not publish whether its detail properties name the import's source tag or the importing rep, " +
      "so event badge imports cannot be classified by a workflow; contacts an import creates are caught by the contact-created flow as unclassified",
    properties: { importSource: "hs_import_source", owner, occurredAt },
  },
  contact_created: {
    eventTypeId: "4-1463224",
    status: "UNVERIFIED",
    label: "CRM object created",
    source: COMMUNITY,
    properties: { occurredAt },
  },
};

/** Event type per outbound touch kind (re-engagement history). */
export const TOUCH_EVENT_TYPES: Record<TouchKind, EventTypeEntry> = {
  sequence_enrollment: {
    eventTypeId: "4-675777",
    status: "UNVERIFIED",
    label: "Enrolled in sequence",
    source: COMMUNITY,
    properties: { owner, occurredAt },
  },
  call: EVENT_TYPES.call_logged,
  event: EVENT_TYPES.list_import,
};

/** Whether a flow can enrol on this event (HubSpot raises it under a known id). */
export function isDeployable(entry: EventTypeEntry): entry is DeployableEventType {
  return entry.eventTypeId !== null;
}

/** Every event type id RouteOps may send, with its status (the emulator accepts exactly these). */
export function knownEventTypeIds(): Map<string, DeployableEventType> {
  const out = new Map<string, DeployableEventType>();
  for (const entry of [...Object.values(EVENT_TYPES), ...Object.values(TOUCH_EVENT_TYPES)]) {
    if (isDeployable(entry)) out.set(entry.eventTypeId, entry);
  }
  return out;
}

/**
 * The `ENROLLMENT_EVENT_PROPERTY` token that reads a property of the event that enrolled the
 * contact (SDK `AutomationAPIEnrollmentEventPropertyValue.enrollmentEventPropertyToken`; the token
 * syntax `{{ enrollment_events.enrollment_event_<id>.<property> }}` is community evidence).
 */
export function enrollmentEventToken(entry: DeployableEventType, property: string): string {
  return `{{ enrollment_events.enrollment_event_${entry.eventTypeId.replace(/-/g, "_")}.${property} }}`;
}
