import { badRequest, notFound } from "../http/errors";
import type { Route, RouteRequest } from "../http/router";
import { dumpPortal } from "../portal/dump";
import type { CrmRecord } from "../portal/records";
import { parseInstant } from "../portal/records";
import { checkContactEvent } from "./contact-event";
import { asObject } from "./property-shapes";
import { checkUniqueEmail, findContactByEmail } from "./property-values";
import { renderEnrollment } from "./sequences";

function instant(raw: unknown, fallback: number, field: string): number {
  if (raw === undefined) return fallback;
  const at = typeof raw === "number" ? raw : parseInstant(String(raw));
  if (!Number.isFinite(at)) throw badRequest(`${field} must be an ISO 8601 date-time or epoch milliseconds.`);
  return at;
}

/** The contact a test-only request names by `contactId` or `email`; with `create`, an unknown email becomes a new contact. */
function contactOf(
  r: RouteRequest,
  body: Record<string, unknown>,
  create: boolean,
  at: number,
): { contact: CrmRecord; created: boolean } {
  if (body.contactId !== undefined) {
    const contact = r.portal.contacts.get(String(body.contactId));
    if (!contact) throw notFound(`Contact ${String(body.contactId)} does not exist.`);
    return { contact, created: false };
  }
  if (typeof body.email === "string" && body.email !== "") {
    const found = findContactByEmail(r.portal, body.email);
    if (found) return { contact: found, created: false };
    if (!create) throw notFound(`No contact has email ${body.email}.`);
    checkUniqueEmail(r.portal, "contacts", body.email);
    return { contact: r.portal.contacts.create({ email: body.email }, at, "event"), created: true };
  }
  throw badRequest("Name the contact with contactId or email.");
}

/** Test-only endpoints under `/_emulator/` (token-checked, never rate limited or faulted). */
export const adminRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/_emulator/reset",
    admin: true,
    handle(r) {
      r.control.reset();
      return { status: 204 };
    },
  },
  {
    method: "GET",
    pattern: "/_emulator/state",
    admin: true,
    handle: (r) => ({ status: 200, body: dumpPortal(r.portal) }),
  },
  {
    method: "GET",
    pattern: "/_emulator/events",
    admin: true,
    handle(r) {
      const contactId = r.query.get("contactId");
      const events = contactId === null ? r.portal.events.list() : r.portal.events.forContact(contactId);
      return { status: 200, body: { results: events.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) } };
    },
  },
  {
    method: "POST",
    pattern: "/_emulator/events",
    admin: true,
    handle(r) {
      const body = asObject(r.body, "the event request");
      const event = checkContactEvent(body.event);
      const at = instant(body.at, r.now, "at");
      const { contact, created } = contactOf(r, body, true, at);
      const recorded = r.portal.recordEvent(contact, event, at);
      return {
        status: 201,
        body: { ...recorded, at: new Date(recorded.at).toISOString(), contactCreated: created },
      };
    },
  },
  {
    method: "POST",
    pattern: "/_emulator/enrollments",
    admin: true,
    handle(r) {
      const body = asObject(r.body, "the enrollment");
      for (const field of ["sequenceId", "sequenceName", "enrolledByEmail"]) {
        if (typeof body[field] !== "string" || body[field] === "") throw badRequest(`${field} is required (string).`);
      }
      const owner = r.portal.owners.byEmail(body.enrolledByEmail as string);
      if (!owner) throw badRequest(`enrolledByEmail ${String(body.enrolledByEmail)} is not an owner of this portal.`);
      const enrolledAt = instant(body.enrolledAt, r.now, "enrolledAt");
      const { contact } = contactOf(r, body, false, enrolledAt);
      const enrollment = r.portal.enroll(contact, {
        sequenceId: body.sequenceId as string,
        sequenceName: body.sequenceName as string,
        enrolledBy: String(owner.userIdIncludingInactive),
        enrolledByEmail: owner.email,
        enrolledAt,
        updatedAt: enrolledAt,
      });
      return { status: 201, body: renderEnrollment(enrollment, contact.properties.email ?? "") };
    },
  },
];
