/**
 * A routing request as the router reads it from HubSpot: the capture workflows stamp
 * `routeops_route_requested_at` and copy the event's facts into the `routeops_event_*`
 * properties; the router turns the contact (its primary company, its recorded outbound touch)
 * into the engine's input at the request's instant. Pure: no I/O, no clock.
 */
import { MANAGED_PROPERTIES as M } from "../deploy/managed-names";
import type { RouteInput } from "../engine/types";
import {
  PORTAL_COMPANY_PROPERTIES,
  PORTAL_CONTACT_PROPERTIES,
  portalInstant,
  portalRouteInput,
  type PortalRecord,
} from "../simulate/portal-sample";

/** Contact properties the router reads to route a contact. */
export const REQUEST_CONTACT_PROPERTIES: readonly string[] = [
  ...new Set([...PORTAL_CONTACT_PROPERTIES, M.routeRequestedAt, M.routedAt, M.routingPending, "hubspot_owner_id"]),
];

/** Company properties the router reads (the primary company's). */
export const REQUEST_COMPANY_PROPERTIES: readonly string[] = PORTAL_COMPANY_PROPERTIES;

/** A routing request: the contact and the instant the capture workflows stamped. */
export interface RoutingRequestKey {
  contactId: string;
  /** `routeops_route_requested_at`, epoch ms. */
  requestedAt: number;
  /**
   * 0 for the first request of the contact at that instant; one higher for each recheck of an
   * instant already routed (a delivery or poll that may be the contact asking again at the very
   * same instant, see `reRequested`; one that is not is closed as skipped). Absent is 0.
   */
  round?: number;
}

/** The round of a request (0 when the key has none). */
export const roundOf = (key: RoutingRequestKey): number => key.round ?? 0;

function text(record: PortalRecord, name: string): string | undefined {
  const raw = record.properties[name];
  if (raw === null || raw === undefined) return undefined;
  const trimmed = raw.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** The instant of the contact's latest routing request, or `null` when it never asked. */
export function requestedAt(contact: PortalRecord): number | null {
  return portalInstant(text(contact, M.routeRequestedAt));
}

/** When RouteOps last routed the contact, or `null`. */
export function routedAt(contact: PortalRecord): number | null {
  return portalInstant(text(contact, M.routedAt));
}

/**
 * Whether the contact asked again at the instant it was last routed: the capture workflows clear
 * `routeops_route_requested_at`, copy the facts, set `routeops_routing_pending` and stamp the
 * request last, while the router's write sets routed-at and clears pending together. So pending
 * with requested-at equal to routed-at is only seen once a capture ran to its end after the
 * router's write: a second event at the same millisecond (a call logged as a form is submitted).
 */
export function reRequested(contact: PortalRecord): boolean {
  const requested = requestedAt(contact);
  return requested !== null && requested === routedAt(contact) && text(contact, M.routingPending) === "true";
}

/**
 * Whether the contact waits for the router: a request is stamped and it is later than the last
 * routing (a contact routed at or after its request is done), or it asked again at that instant.
 */
export function needsRouting(contact: PortalRecord): boolean {
  const requested = requestedAt(contact);
  if (requested === null) return false;
  const routed = routedAt(contact);
  return routed === null || requested > routed || reRequested(contact);
}

/** How a stored request stands against the contact as read now. */
export type RequestStanding =
  /** The contact still carries this request and has not been routed since: route it. */
  | { kind: "route"; input: RouteInput }
  /** The contact carries a newer request: this one is superseded (the newer one will be routed). */
  | { kind: "superseded"; latest: number }
  /** The contact was routed at or after this request (by another router, or in workflows mode). */
  | { kind: "already_routed"; routedAt: number }
  /** What was read is older than the request (a read that has not caught up yet): try again later. */
  | { kind: "not_visible_yet"; seen: number | null };

/**
 * The engine input of a request, at the request's instant, from the contact and its primary
 * company as read; or why the request is not to be routed now.
 */
export function requestStanding(
  request: RoutingRequestKey,
  contact: PortalRecord,
  company: PortalRecord | undefined,
  ownerEmails: ReadonlyMap<string, string>,
): RequestStanding {
  const latest = requestedAt(contact);
  if (latest === null || latest < request.requestedAt) return { kind: "not_visible_yet", seen: latest };
  if (latest > request.requestedAt) return { kind: "superseded", latest };
  const routed = routedAt(contact);
  if (routed !== null && routed >= request.requestedAt && !reRequested(contact))
    return { kind: "already_routed", routedAt: routed };
  return { kind: "route", input: routeInputOf(contact, company, ownerEmails, request.requestedAt) };
}

/**
 * The engine input for a contact at `at` (the request's instant): the recorded event (an unknown
 * or missing kind is `contact_created`), country and state, the primary company (domain,
 * employees, owner as email), and the latest recorded outbound touch.
 */
export function routeInputOf(
  contact: PortalRecord,
  company: PortalRecord | undefined,
  ownerEmails: ReadonlyMap<string, string>,
  at: number,
): RouteInput {
  // Never null: `at` is given.
  return portalRouteInput(contact, company, ownerEmails, at)!.input;
}
