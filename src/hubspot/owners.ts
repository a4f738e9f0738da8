/** Owners: who records can be assigned to, active and deactivated alike. */
import type { Client } from "@hubspot/api-client";
import type { HubSpotCalls } from "./client-calls";
import type { HubSpotOwner } from "./model";

const OWNERS_PAGE = 100;

interface ClientOwner {
  id: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  userId?: number;
  type: string;
  archived: boolean;
  teams?: { id: string; name: string; primary: boolean }[];
}

/**
 * Every owner, every page: active ones, then archived ones (deactivated users, which HubSpot only
 * lists with `archived=true`), each marked by `archived`. An owner id appears once.
 */
export async function listOwners(client: Client, calls: HubSpotCalls): Promise<HubSpotOwner[]> {
  const owners = new Map<string, HubSpotOwner>();
  for (const archived of [false, true]) {
    let after: string | undefined;
    do {
      const page = await calls.generated(
        { endpoint: "GET /crm/v3/owners", method: "GET", path: "/crm/v3/owners" },
        (options) => client.crm.owners.ownersApi.getPage(undefined, after, OWNERS_PAGE, archived, options),
      );
      for (const owner of page.results as ClientOwner[]) {
        if (!owners.has(owner.id)) owners.set(owner.id, toOwner(owner, archived));
      }
      after = page.paging?.next?.after;
    } while (after);
  }
  return [...owners.values()];
}

function toOwner(owner: ClientOwner, listedArchived: boolean): HubSpotOwner {
  return {
    id: String(owner.id),
    email: owner.email ?? null,
    firstName: owner.firstName ?? null,
    lastName: owner.lastName ?? null,
    userId: owner.userId ?? null,
    type: owner.type === "QUEUE" ? "QUEUE" : "PERSON",
    archived: owner.archived === true || listedArchived,
    teams: (owner.teams ?? []).map((team) => ({
      id: String(team.id),
      name: team.name,
      primary: team.primary === true,
    })),
  };
}
