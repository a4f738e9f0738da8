import type {
  CollectionResponsePublicOwnerForwardPaging,
  PublicOwner,
} from "@hubspot/api-client/lib/codegen/crm/owners";
import { badRequest, notFound } from "../http/errors";
import type { Route } from "../http/router";
import type { Owner } from "../portal/owners";
import type { Wire } from "../wire";
import { readLimit } from "./record-shapes";

export function renderOwner(owner: Owner): Wire<PublicOwner> {
  const wire: Wire<PublicOwner> = {
    id: owner.id,
    email: owner.email,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userIdIncludingInactive: owner.userIdIncludingInactive,
    type: owner.type,
    archived: owner.archived,
    teams: owner.teams.map((t) => ({ ...t })),
    createdAt: new Date(owner.createdAt).toISOString(),
    updatedAt: new Date(owner.updatedAt).toISOString(),
  };
  if (owner.userId !== undefined) wire.userId = owner.userId;
  return wire;
}

/** `/crm/v3/owners`: read-only, like HubSpot's. Archived owners are listed only with `archived=true`. */
export const ownerRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/crm/v3/owners",
    handle(r) {
      const limit = readLimit(r.query.get("limit"), 100, 500);
      const archived = r.query.get("archived") === "true";
      const email = r.query.get("email")?.toLowerCase();
      const after = r.query.get("after");
      if (after !== null && !/^\d+$/.test(after)) throw badRequest(`after "${after}" is not a valid paging cursor.`);
      const owners = r.portal.owners
        .list()
        .filter((o) => o.archived === archived)
        .filter((o) => email === undefined || o.email.toLowerCase() === email)
        .filter((o) => after === null || Number(o.id) >= Number(after));
      const page = owners.slice(0, limit);
      const body: Wire<CollectionResponsePublicOwnerForwardPaging> = { results: page.map(renderOwner) };
      const next = owners[limit];
      if (next) body.paging = { next: { after: next.id } };
      return { status: 200, body };
    },
  },
  {
    method: "GET",
    pattern: "/crm/v3/owners/:ownerId",
    handle(r) {
      const idProperty = r.query.get("idProperty") ?? "id";
      if (idProperty !== "id" && idProperty !== "userId") throw badRequest(`idProperty must be id or userId.`);
      const archived = r.query.get("archived") === "true";
      const wanted = r.params.ownerId!;
      const owner =
        idProperty === "id"
          ? r.portal.owners.get(wanted)
          : r.portal.owners.list().find((o) => String(o.userId) === wanted);
      if (!owner || owner.archived !== archived) throw notFound(`Owner ${wanted} (by ${idProperty}) was not found.`);
      return { status: 200, body: renderOwner(owner) };
    },
  },
];
