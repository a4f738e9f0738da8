import type {
  BatchResponseProperty,
  BatchResponsePropertyWithErrors,
  CollectionResponsePropertyNoPaging,
  StandardError,
} from "@hubspot/api-client/lib/codegen/crm/properties";
import { ApiError, badRequest, conflict, notFound } from "../http/errors";
import type { Route, RouteRequest } from "../http/router";
import { OBJECT_LABEL, type PropertyDefinition } from "../portal/property-definition";
import type { Wire } from "../wire";
import { applyPropertyUpdate, asObject, readPropertyCreate, renderProperty } from "./property-shapes";

const BASE = "/crm/v3/properties/:objectType";

const isArchivedQuery = (r: RouteRequest) => r.query.get("archived") === "true";

function createProperty(r: RouteRequest, raw: unknown): PropertyDefinition {
  const store = r.portal.properties[r.objectType];
  const groups = r.portal.groups[r.objectType];
  const definition = readPropertyCreate(raw, (name) => groups.get(name) !== undefined, r.now);
  if (store.get(definition.name)) {
    throw conflict(`Property named '${definition.name}' already exists.`, "PropertyApiError.PROPERTY_EXISTS");
  }
  if (store.inRecycleBin(definition.name, r.now)) {
    throw conflict(
      `Property named '${definition.name}' was archived recently and is still in the recycle bin; its name cannot be reused yet.`,
      "PropertyApiError.PROPERTY_ARCHIVED",
    );
  }
  return definition;
}

function findLive(r: RouteRequest, name: string): PropertyDefinition {
  const found = r.portal.properties[r.objectType].get(name);
  if (!found) throw notFound(`Property ${name} does not exist on ${OBJECT_LABEL[r.objectType]}s.`);
  return found;
}

function checkArchivable(definition: PropertyDefinition): void {
  if (definition.readOnlyDefinition) {
    throw badRequest(`${definition.name} is a HubSpot defined property and cannot be archived.`, {
      subCategory: "PropertyApiError.CANNOT_ARCHIVE_HUBSPOT_DEFINED",
    });
  }
}

function batchError(error: ApiError, name: string): Wire<StandardError> {
  return {
    status: "error",
    category: error.category,
    message: error.message,
    context: { name: [name] },
    errors: [],
    links: {},
    ...(error.extra.subCategory ? { subCategory: error.extra.subCategory } : {}),
  };
}

function inputsOf(raw: unknown): unknown[] {
  const body = asObject(raw, "the batch");
  if (!Array.isArray(body.inputs)) throw badRequest("inputs must be an array.");
  return body.inputs;
}

function batchAnswer(r: RouteRequest, results: PropertyDefinition[], errors: Wire<StandardError>[], okStatus: number) {
  const at = new Date(r.now).toISOString();
  if (errors.length === 0) {
    const body: Wire<BatchResponseProperty> = {
      status: "COMPLETE",
      results: results.map(renderProperty),
      startedAt: at,
      completedAt: at,
    };
    return { status: okStatus, body };
  }
  const body: Wire<BatchResponsePropertyWithErrors> = {
    status: "COMPLETE",
    results: results.map(renderProperty),
    errors,
    numErrors: errors.length,
    startedAt: at,
    completedAt: at,
  };
  return { status: 207, body };
}

/** `/crm/v3/properties/{objectType}`: property definitions and their batch endpoints. */
export const propertyRoutes: Route[] = [
  {
    method: "GET",
    pattern: BASE,
    handle(r) {
      const body: Wire<CollectionResponsePropertyNoPaging> = {
        results: r.portal.properties[r.objectType].list(isArchivedQuery(r)).map(renderProperty),
      };
      return { status: 200, body };
    },
  },
  {
    method: "POST",
    pattern: BASE,
    handle(r) {
      const definition = createProperty(r, r.body);
      r.portal.properties[r.objectType].put(definition);
      return { status: 201, body: renderProperty(definition) };
    },
  },
  {
    method: "POST",
    pattern: `${BASE}/batch/create`,
    handle(r) {
      const created: PropertyDefinition[] = [];
      const errors: Wire<StandardError>[] = [];
      const names = new Set<string>();
      for (const input of inputsOf(r.body)) {
        try {
          const definition = createProperty(r, input);
          if (names.has(definition.name)) throw conflict(`Property named '${definition.name}' already exists.`);
          names.add(definition.name);
          created.push(definition);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          const name = (input as { name?: unknown } | null)?.name;
          errors.push(batchError(error, typeof name === "string" ? name : ""));
        }
      }
      for (const definition of created) r.portal.properties[r.objectType].put(definition);
      return batchAnswer(r, created, errors, 201);
    },
  },
  {
    method: "POST",
    pattern: `${BASE}/batch/read`,
    handle(r) {
      const archived = asObject(r.body, "the batch").archived === true;
      const store = r.portal.properties[r.objectType];
      const found: PropertyDefinition[] = [];
      const errors: Wire<StandardError>[] = [];
      for (const input of inputsOf(r.body)) {
        const name = String((input as { name?: unknown } | null)?.name ?? "");
        const definition = archived ? store.getArchived(name) : store.get(name);
        if (definition) found.push(definition);
        else errors.push(batchError(notFound(`Property ${name} does not exist.`), name));
      }
      return batchAnswer(r, found, errors, 200);
    },
  },
  {
    method: "POST",
    pattern: `${BASE}/batch/archive`,
    handle(r) {
      const store = r.portal.properties[r.objectType];
      const names = inputsOf(r.body).map((input) => String((input as { name?: unknown } | null)?.name ?? ""));
      const definitions = names.map((name) => store.get(name)).filter((d) => d !== undefined);
      definitions.forEach(checkArchivable);
      for (const definition of definitions) store.archive(definition.name, r.now);
      return { status: 204 };
    },
  },
  {
    method: "GET",
    pattern: `${BASE}/:propertyName`,
    handle(r) {
      const name = r.params.propertyName!;
      if (!isArchivedQuery(r)) return { status: 200, body: renderProperty(findLive(r, name)) };
      const archived = r.portal.properties[r.objectType].getArchived(name);
      if (!archived) throw notFound(`Archived property ${name} does not exist.`);
      return { status: 200, body: renderProperty(archived) };
    },
  },
  {
    method: "PATCH",
    pattern: `${BASE}/:propertyName`,
    handle(r) {
      const current = findLive(r, r.params.propertyName!);
      const groups = r.portal.groups[r.objectType];
      const next = applyPropertyUpdate(current, r.body, (name) => groups.get(name) !== undefined, r.now);
      r.portal.properties[r.objectType].put(next);
      return { status: 200, body: renderProperty(next) };
    },
  },
  {
    method: "DELETE",
    pattern: `${BASE}/:propertyName`,
    handle(r) {
      const definition = findLive(r, r.params.propertyName!);
      checkArchivable(definition);
      r.portal.properties[r.objectType].archive(definition.name, r.now);
      return { status: 204 };
    },
  },
];
