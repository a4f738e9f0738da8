/**
 * Events as HubSpot's unified events: an event type id and event properties, which is what
 * event-based enrolment filters and `{{ enrollment_events... }}` tokens read. The emulator records
 * events in the RouteOps fixture format (`POST /_emulator/events`) and sequence enrolments as
 * HubSpot does (`POST /_emulator/enrollments`); the event type table is RouteOps' own (one table,
 * src/hubspot-contract/event-types.ts), so the flows RouteOps deploys and the events the emulator
 * raises agree. An event kind HubSpot raises no workflow event for (chats, list imports) is
 * recorded but raises nothing, as in HubSpot.
 */
import { EVENT_TYPES, isDeployable, TOUCH_EVENT_TYPES } from "../../hubspot-contract/event-types";
import type { SequenceEnrollment } from "../portal/enrollments";
import type { ContactEvent } from "../portal/events";
import type { OwnerStore } from "../portal/owners";

/** One occurrence of a unified event on a contact. Property values are strings, as HubSpot sends them. */
export interface EventOccurrence {
  /** `event:<id>` or `enrollment:<id>`: unique in the portal. */
  id: string;
  contactId: string;
  eventTypeId: string;
  /** Epoch ms the event happened. */
  at: number;
  properties: Record<string, string>;
}

/** The event's owner id: the owner whose email the event names (none for someone who is no HubSpot user). */
function ownerId(owners: OwnerStore, email: string | undefined): string | undefined {
  return email === undefined ? undefined : owners.byEmail(email)?.id;
}

/** A recorded contact event as the unified event HubSpot raises for it; none when HubSpot raises none. */
export function eventOccurrence(recorded: ContactEvent, owners: OwnerStore): EventOccurrence | undefined {
  const { event } = recorded;
  const entry = EVENT_TYPES[event.kind];
  if (!isDeployable(entry)) return undefined;
  const names = entry.properties;
  const properties: Record<string, string> = { [names.occurredAt]: String(recorded.at) };
  const put = (name: string | undefined, value: string | undefined) => {
    if (name !== undefined && value !== undefined && value !== "") properties[name] = value;
  };
  put(names.formId, event.formId);
  put(names.pageUrl, event.pageUrl);
  put(names.chatQualified, event.qualified === undefined ? undefined : String(event.qualified));
  put(names.callOutcome, event.outcome);
  put(names.importSource, event.importSource);
  put(names.owner, ownerId(owners, event.owner));
  return {
    id: `event:${recorded.id}`,
    contactId: recorded.contactId,
    eventTypeId: entry.eventTypeId,
    at: recorded.at,
    properties,
  };
}

/** A sequence enrolment as HubSpot's "enrolled in sequence" event; the enrolling user is its owner. */
export function enrollmentOccurrence(enrollment: SequenceEnrollment, owners: OwnerStore): EventOccurrence {
  const entry = TOUCH_EVENT_TYPES.sequence_enrollment;
  if (!isDeployable(entry)) throw new Error("the sequence enrolment event has no event type id");
  const properties: Record<string, string> = { [entry.properties.occurredAt]: String(enrollment.enrolledAt) };
  const owner = owners.byUserId(Number(enrollment.enrolledBy))?.id ?? ownerId(owners, enrollment.enrolledByEmail);
  if (entry.properties.owner && owner) properties[entry.properties.owner] = owner;
  properties.hs_sequence_id = enrollment.sequenceId;
  return {
    id: `enrollment:${enrollment.id}`,
    contactId: enrollment.contactId,
    eventTypeId: entry.eventTypeId,
    at: enrollment.enrolledAt,
    properties,
  };
}
