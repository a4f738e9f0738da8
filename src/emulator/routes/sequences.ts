import { notFound } from "../http/errors";
import type { Route } from "../http/router";
import type { SequenceEnrollment } from "../portal/enrollments";

/** HubSpot's enrollment answer (no generated model exists for it). */
export interface SequenceEnrollmentWire {
  id: string;
  toEmail: string;
  sequenceId: string;
  sequenceName: string;
  enrolledBy: string;
  enrolledByEmail: string;
  enrolledAt: string;
  updatedAt: string;
}

export function renderEnrollment(enrollment: SequenceEnrollment, toEmail: string): SequenceEnrollmentWire {
  return {
    id: enrollment.id,
    toEmail,
    sequenceId: enrollment.sequenceId,
    sequenceName: enrollment.sequenceName,
    enrolledBy: enrollment.enrolledBy,
    enrolledByEmail: enrollment.enrolledByEmail,
    enrolledAt: new Date(enrollment.enrolledAt).toISOString(),
    updatedAt: new Date(enrollment.updatedAt).toISOString(),
  };
}

/**
 * `GET /automation/v4/sequences/enrollments/contact/{contactId}`: like HubSpot, one object, the
 * contact's latest enrollment; 404 when the contact has none.
 */
export const sequenceRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/automation/v4/sequences/enrollments/contact/:contactId",
    handle(r) {
      const contactId = r.params.contactId!;
      const contact = r.portal.contacts.get(contactId);
      const latest = contact ? r.portal.enrollments.latest(contactId) : undefined;
      if (!contact || !latest) throw notFound(`No sequence enrollment found for contact ${contactId}.`);
      return { status: 200, body: renderEnrollment(latest, contact.properties.email ?? "") };
    },
  },
];
