/**
 * Names of everything RouteOps manages in HubSpot. One table, shared by the deploy compiler, the
 * emulator's seeded portals and the audit, so that they always agree.
 */
import type { EventKind, TouchKind } from "../config/types";

/** The contact property group that holds every managed property. */
export const MANAGED_GROUP = { name: "routeops", label: "RouteOps routing" } as const;

/** Marker put in the description of every managed property and flow (with the config version). */
export const MANAGED_MARKER = "[managed by RouteOps]";

/** Managed properties all start with this; anything else with it "looks like ours". */
export const MANAGED_PROPERTY_PREFIX = "routeops_";

/** Managed flows are named with this prefix; any flow whose name starts with "RouteOps" looks like ours. */
export const MANAGED_FLOW_PREFIX = "RouteOps: ";

/** Managed contact properties (internal names). */
export const MANAGED_PROPERTIES = {
  /** Routing Source Type: enumeration of the config's source types. Empty = unclassified. */
  sourceType: "routeops_source_type",
  /** Routing system that decided: inbound | outbound | reengagement | unclassified. */
  system: "routeops_system",
  /** Id of the deciding rule. */
  rule: "routeops_rule",
  /** Pool the lead was routed to. */
  pool: "routeops_pool",
  /** Queue the lead was routed to. */
  queue: "routeops_queue",
  /** SLA policy id. */
  slaPolicy: "routeops_sla_policy",
  /** SLA due instant (datetime). */
  slaDueAt: "routeops_sla_due_at",
  /** Re-engagement flag (bool). */
  reengagement: "routeops_reengagement",
  /** Collaborating rep (owner-referenced). */
  collaborator: "routeops_collaborator",
  /** Original outbound owner of a re-engagement (owner-referenced). */
  originalOwner: "routeops_original_owner",
  /** When the contact was routed (datetime). */
  routedAt: "routeops_routed_at",
  /** Config version that routed the contact. */
  configVersion: "routeops_config_version",
  /** Notification style used. */
  notification: "routeops_notification",
  /** Nurture sequence the lead was sent to (config id). */
  nurture: "routeops_nurture",
  /** Intent used by the inbound rules: high | standard | low. */
  intent: "routeops_intent",
  /** Territory id derived from the contact's country and state. */
  territory: "routeops_territory",
  /** Segment id derived from the primary company's number of employees. */
  segment: "routeops_segment",
  /** Kind of the event that was last classified (an EventKind). */
  eventKind: "routeops_event_kind",
  /** Form id of that event (form submissions). */
  eventFormId: "routeops_event_form_id",
  /** Page URL of that event (form submissions). */
  eventPageUrl: "routeops_event_page_url",
  /** Whether that chat was qualified (chats only; empty otherwise). */
  eventChatQualified: "routeops_event_chat_qualified",
  /** Call outcome of that event (calls). */
  eventCallOutcome: "routeops_event_call_outcome",
  /** Import source of that event (list imports). */
  eventImportSource: "routeops_event_import_source",
  /** Owner the event names: sequence owner, caller, booked calendar, importer (owner-referenced). */
  eventOwner: "routeops_event_owner",
  /** When the source identification layer last classified the contact (datetime). */
  classifiedAt: "routeops_classified_at",
  /** When the capture workflows asked the router to route the contact (datetime); router mode only. */
  routeRequestedAt: "routeops_route_requested_at",
  /** Set by the source identification layer, cleared by the routing system that routed the contact. */
  routingPending: "routeops_routing_pending",
  /** Owner of the latest outbound touch by a rep (owner-referenced), kept by the touch flows. */
  lastOutboundOwner: "routeops_last_outbound_owner",
  /** When that touch happened (datetime). */
  lastOutboundAt: "routeops_last_outbound_at",
  /** Kind of that touch: sequence_enrollment | call | event. */
  lastOutboundKind: "routeops_last_outbound_kind",
} as const;

export type ManagedPropertyKey = keyof typeof MANAGED_PROPERTIES;

/** Managed workflows (automation v4 flows), by job. Names are their identity in the portal. */
export const MANAGED_FLOWS = {
  /** Source identification layer: one event-based flow per event kind. */
  source: {
    form_submission: "RouteOps: source identification, form submission",
    meeting_booked: "RouteOps: source identification, meeting booked",
    chat_completed: "RouteOps: source identification, chat completed",
    sequence_reply: "RouteOps: source identification, sequence reply",
    call_logged: "RouteOps: source identification, call logged",
    list_import: "RouteOps: source identification, list import",
    contact_created: "RouteOps: source identification, contact created",
  } satisfies Record<EventKind, string>,
  /** Keep the latest outbound touch by a rep, for re-engagement: one flow per touch kind. */
  touch: {
    sequence_enrollment: "RouteOps: outbound touch, sequence enrollment",
    call: "RouteOps: outbound touch, call",
    event: "RouteOps: outbound touch, event",
  } satisfies Record<TouchKind, string>,
  /** Router mode: one flow per event kind that copies the event's facts and stamps a routing request. */
  capture: {
    form_submission: "RouteOps: routing request, form submission",
    meeting_booked: "RouteOps: routing request, meeting booked",
    chat_completed: "RouteOps: routing request, chat completed",
    sequence_reply: "RouteOps: routing request, sequence reply",
    call_logged: "RouteOps: routing request, call logged",
    list_import: "RouteOps: routing request, list import",
    contact_created: "RouteOps: routing request, contact created",
  } satisfies Record<EventKind, string>,
  reengagement: "RouteOps: re-engagement routing",
  inbound: "RouteOps: inbound routing",
  outbound: "RouteOps: outbound routing",
} as const;

/** Whether a property name looks like one of ours (managed or not). */
export function looksLikeManagedPropertyName(name: string): boolean {
  return name.startsWith(MANAGED_PROPERTY_PREFIX);
}

/** Whether a flow name looks like one of ours (managed or not). */
export function looksLikeManagedFlowName(name: string): boolean {
  return name.trim().toLowerCase().startsWith("routeops");
}

/** Whether a description carries the managed marker. */
export function carriesManagedMarker(description: string | undefined | null): boolean {
  return typeof description === "string" && description.includes(MANAGED_MARKER);
}
