import type { CollectionResponsePropertyGroupNoPaging } from "@hubspot/api-client/lib/codegen/crm/properties";
import { badRequest, conflict, notFound } from "../http/errors";
import type { Route, RouteRequest } from "../http/router";
import type { PropertyGroupDefinition } from "../portal/property-definition";
import type { Wire } from "../wire";
import { asObject, Problems, renderGroup } from "./property-shapes";

const BASE = "/crm/v3/properties/:objectType/groups";
const GROUP_NAME = /^[a-z0-9_]+$/;

function findGroup(r: RouteRequest): PropertyGroupDefinition {
  const group = r.portal.groups[r.objectType].get(r.params.groupName!);
  if (!group) throw notFound(`Property group ${r.params.groupName} does not exist.`);
  return group;
}

/** `/crm/v3/properties/{objectType}/groups`: property groups. */
export const propertyGroupRoutes: Route[] = [
  {
    method: "GET",
    pattern: BASE,
    handle(r) {
      const archived = r.query.get("archived") === "true";
      const body: Wire<CollectionResponsePropertyGroupNoPaging> = {
        results: r.portal.groups[r.objectType].list(archived).map(renderGroup),
      };
      return { status: 200, body };
    },
  },
  {
    method: "POST",
    pattern: BASE,
    handle(r) {
      const body = asObject(r.body, "the property group");
      const problems = new Problems();
      if (typeof body.name !== "string" || !GROUP_NAME.test(body.name)) {
        problems.add("name", "name is required and may hold only a-z, 0-9 and _");
      }
      if (typeof body.label !== "string" || body.label === "") problems.add("label", "label is required");
      if (body.displayOrder !== undefined && typeof body.displayOrder !== "number") {
        problems.add("displayOrder", "displayOrder must be a number");
      }
      problems.throwIfAny();
      const name = body.name as string;
      if (r.portal.groups[r.objectType].getAny(name)) throw conflict(`Property group '${name}' already exists.`);
      const group: PropertyGroupDefinition = {
        name,
        label: body.label as string,
        displayOrder: typeof body.displayOrder === "number" ? body.displayOrder : -1,
        archived: false,
      };
      r.portal.groups[r.objectType].put(group);
      return { status: 201, body: renderGroup(group) };
    },
  },
  {
    method: "GET",
    pattern: `${BASE}/:groupName`,
    handle: (r) => ({ status: 200, body: renderGroup(findGroup(r)) }),
  },
  {
    method: "PATCH",
    pattern: `${BASE}/:groupName`,
    handle(r) {
      const group = findGroup(r);
      const body = asObject(r.body, "the property group update");
      const problems = new Problems();
      if (body.label !== undefined && (typeof body.label !== "string" || body.label === "")) {
        problems.add("label", "label must be a non-empty string");
      }
      if (body.displayOrder !== undefined && typeof body.displayOrder !== "number") {
        problems.add("displayOrder", "displayOrder must be a number");
      }
      problems.throwIfAny();
      const next = { ...group };
      if (typeof body.label === "string") next.label = body.label;
      if (typeof body.displayOrder === "number") next.displayOrder = body.displayOrder;
      r.portal.groups[r.objectType].put(next);
      return { status: 200, body: renderGroup(next) };
    },
  },
  {
    method: "DELETE",
    pattern: `${BASE}/:groupName`,
    handle(r) {
      const group = findGroup(r);
      const members = r.portal.properties[r.objectType].list().filter((p) => p.groupName === group.name);
      if (members.length > 0) {
        throw badRequest(
          `Property group ${group.name} still holds ${members.length} properties (${members
            .slice(0, 5)
            .map((p) => p.name)
            .join(", ")}); move or archive them first.`,
        );
      }
      r.portal.groups[r.objectType].put({ ...group, archived: true });
      return { status: 204 };
    },
  },
];
