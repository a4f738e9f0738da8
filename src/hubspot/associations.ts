/** Contact -> company associations (v4 batch read): which companies a contact belongs to. */
import type { Client } from "@hubspot/api-client";
import type { HubSpotCalls } from "./client-calls";
import type { ContactCompanies } from "./model";
import { chunks } from "./records";

/** The v4 batch read takes up to 1,000 ids per request. */
const ASSOCIATIONS_BATCH = 1_000;
/** HubSpot-defined association type 1 (contact -> company) marks the primary company. */
const PRIMARY_CONTACT_TO_COMPANY = 1;

interface ClientAssociationResult {
  _from: { id: string };
  paging?: { next?: { after?: string } };
  to: { toObjectId: string | number; associationTypes: { typeId: number; category: string }[] }[];
}

/**
 * The companies of each contact, primary first, one entry per requested contact (in request
 * order; a contact without companies gets an empty list). Long association lists are followed
 * page by page.
 */
export async function readContactCompanyAssociations(
  client: Client,
  calls: HubSpotCalls,
  contactIds: string[],
): Promise<ContactCompanies[]> {
  const ids = [...new Set(contactIds)];
  const found = new Map<string, { primary: string[]; others: string[] }>();
  let pending: { id: string; after?: string }[] = ids.map((id) => ({ id }));
  const spec = {
    endpoint: "POST /crm/v4/associations/contacts/companies/batch/read",
    method: "POST",
    path: "/crm/v4/associations/contacts/companies/batch/read",
  };
  while (pending.length > 0) {
    const next: { id: string; after: string }[] = [];
    for (const inputs of chunks(pending, ASSOCIATIONS_BATCH)) {
      const response = await calls.generated(spec, (options) =>
        client.crm.associations.v4.batchApi.getPage("contacts", "companies", { inputs }, options),
      );
      for (const result of response.results as unknown as ClientAssociationResult[]) {
        const contactId = String(result._from.id);
        const entry = found.get(contactId) ?? { primary: [], others: [] };
        for (const target of result.to) {
          const isPrimary = target.associationTypes.some(
            (type) => type.typeId === PRIMARY_CONTACT_TO_COMPANY && type.category === "HUBSPOT_DEFINED",
          );
          (isPrimary ? entry.primary : entry.others).push(String(target.toObjectId));
        }
        found.set(contactId, entry);
        const after = result.paging?.next?.after;
        if (after) next.push({ id: contactId, after });
      }
    }
    pending = next;
  }
  return ids.map((contactId) => {
    const entry = found.get(contactId);
    const companyIds = entry ? [...new Set([...entry.primary, ...entry.others])] : [];
    return { contactId, companyIds, primaryCompanyId: entry?.primary[0] ?? null };
  });
}
