/**
 * Example contacts in a report: the record id and a link into HubSpot. The link is built only
 * from digits (portal id and record id), so nothing a contact typed can end up in a URL.
 */
import type { ContactExample } from "./model";

const digits = /^\d+$/;

export function contactExample(id: string, name: string | null, portalId: string | null): ContactExample {
  const url =
    portalId !== null && digits.test(portalId) && digits.test(id)
      ? `https://app.hubspot.com/contacts/${portalId}/record/0-1/${id}`
      : null;
  return { id, name, url };
}

/** How many example contacts a group keeps. */
export const EXAMPLES_PER_GROUP = 3;
