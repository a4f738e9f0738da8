import type {
  BatchResponseSimplePublicObject,
  BatchResponseSimplePublicObjectWithErrors,
  CollectionResponseSimplePublicObjectWithAssociationsForwardPaging,
  StandardError,
} from "@hubspot/api-client/lib/codegen/crm/contacts";
import { badRequest, notFound } from "../http/errors";
import type { Route, RouteRequest } from "../http/router";
import type { ObjectType } from "../portal/object-types";
import type { CrmRecord } from "../portal/records";
import type { Wire } from "../wire";
import { asObject } from "./property-shapes";
import { checkUniqueEmail, checkValues, findContactByEmail, recordNotFound } from "./property-values";
import { propertiesToRead, readLimit, renderRecord, requestedProperties } from "./record-shapes";

const BASE = "/crm/v3/objects/:objectType";
const BATCH_MAX = 100;

interface WriteInput {
  properties: Record<string, string>;
  primaryCompany?: string | null;
}

/** Checks one create/update input: property values, email uniqueness, the primary company it names. */
function checkInput(r: RouteRequest, raw: unknown, self?: CrmRecord): WriteInput {
  const input = asObject(raw, "the input");
  const properties = checkValues(r.portal, r.objectType, input.properties ?? {});
  checkUniqueEmail(r.portal, r.objectType, properties.email, self?.id);
  const checked: WriteInput = { properties };
  if (r.objectType === "contacts" && "associatedcompanyid" in properties) {
    const companyId = properties.associatedcompanyid!;
    if (companyId !== "" && !r.portal.companies.get(companyId)) {
      throw badRequest(`associatedcompanyid ${companyId} is not an existing company.`);
    }
    checked.primaryCompany = companyId === "" ? null : companyId;
    delete properties.associatedcompanyid;
  }
  for (const association of Array.isArray(input.associations) ? input.associations : []) {
    const a = association as { to?: { id?: unknown }; types?: { associationTypeId?: unknown }[] };
    const companyId = String(a.to?.id ?? "");
    if (r.objectType !== "contacts" || !r.portal.companies.get(companyId)) {
      throw badRequest(`Association target ${companyId} is not an existing company.`);
    }
    if (a.types?.some((t) => t.associationTypeId === 1) || checked.primaryCompany === undefined) {
      checked.primaryCompany = companyId;
    }
  }
  return checked;
}

function apply(r: RouteRequest, input: WriteInput, existing?: CrmRecord): CrmRecord {
  const store = r.portal.records(r.objectType);
  const record = existing ?? store.create(input.properties, r.now, "api");
  if (existing) store.update(existing, input.properties, r.now, "api");
  if (input.primaryCompany !== undefined) r.portal.setPrimaryCompany(record, input.primaryCompany, r.now, "api");
  return record;
}

/** Finds a record by id, or by `idProperty` (email for contacts, domain for companies). */
function lookup(r: RouteRequest, objectType: ObjectType, id: string, idProperty: string | null, archived = false) {
  if (!idProperty || idProperty === "hs_object_id") return r.portal.records(objectType).get(id, archived);
  if (objectType === "contacts" && idProperty === "email") {
    const found = findContactByEmail(r.portal, id);
    return found && found.archived === archived ? found : undefined;
  }
  for (const record of r.portal.records(objectType).all(archived)) {
    if (record.properties[idProperty] === id) return record;
  }
  return undefined;
}

function inputsOf(r: RouteRequest): unknown[] {
  const body = asObject(r.body, "the batch");
  if (!Array.isArray(body.inputs)) throw badRequest("inputs must be an array.");
  if (body.inputs.length > BATCH_MAX) {
    throw badRequest(`Batch of ${body.inputs.length} inputs is too large: at most ${BATCH_MAX} are allowed.`, {
      context: { inputs: [String(body.inputs.length)] },
    });
  }
  return body.inputs;
}

function batchOk(r: RouteRequest, records: CrmRecord[], names: readonly string[]) {
  const at = new Date(r.now).toISOString();
  const body: Wire<BatchResponseSimplePublicObject> = {
    status: "COMPLETE",
    results: records.map((record) => renderRecord(record, names)),
    startedAt: at,
    completedAt: at,
  };
  return body;
}

/** `/crm/v3/objects/{contacts|companies}`: list, read, create, update, archive and batches. */
export const objectRoutes: Route[] = [
  {
    method: "GET",
    pattern: BASE,
    handle(r) {
      const limit = readLimit(r.query.get("limit"), 10, 100);
      const after = Number(r.query.get("after") ?? "0");
      if (!Number.isFinite(after)) throw badRequest(`after must be a paging cursor, got ${r.query.get("after")}.`);
      const names = propertiesToRead(r.portal, r.objectType, requestedProperties(r.query.getAll("properties")));
      const page: CrmRecord[] = [];
      let next: string | undefined;
      for (const record of r.portal.records(r.objectType).all(r.query.get("archived") === "true")) {
        if (Number(record.id) < after) continue;
        if (page.length === limit) {
          next = record.id;
          break;
        }
        page.push(record);
      }
      const body: Wire<CollectionResponseSimplePublicObjectWithAssociationsForwardPaging> = {
        results: page.map((record) => renderRecord(record, names)),
      };
      if (next !== undefined) body.paging = { next: { after: next, link: `?after=${next}` } };
      return { status: 200, body };
    },
  },
  {
    method: "POST",
    pattern: BASE,
    handle(r) {
      const record = apply(r, checkInput(r, r.body));
      return {
        status: 201,
        body: renderRecord(record, propertiesToRead(r.portal, r.objectType, Object.keys(record.properties))),
      };
    },
  },
  {
    method: "POST",
    pattern: `${BASE}/batch/read`,
    handle(r) {
      const body = asObject(r.body, "the batch");
      const names = propertiesToRead(r.portal, r.objectType, requestedProperties(body.properties));
      const idProperty = typeof body.idProperty === "string" ? body.idProperty : null;
      const found: CrmRecord[] = [];
      const missing: string[] = [];
      for (const input of inputsOf(r)) {
        const id = String((input as { id?: unknown } | null)?.id ?? "");
        const record = lookup(r, r.objectType, id, idProperty, body.archived === true);
        if (record) found.push(record);
        else missing.push(id);
      }
      if (missing.length === 0) return { status: 200, body: batchOk(r, found, names) };
      const error: Wire<StandardError> = {
        status: "error",
        category: "OBJECT_NOT_FOUND",
        message: `Could not get some ${r.objectType.slice(0, -1)} objects, they may be deleted or not exist. Check that ids are valid.`,
        context: { ids: missing },
        errors: [],
        links: {},
      };
      const withErrors: Wire<BatchResponseSimplePublicObjectWithErrors> = {
        ...batchOk(r, found, names),
        errors: [error],
        numErrors: 1,
      };
      return { status: 207, body: withErrors };
    },
  },
  {
    method: "POST",
    pattern: `${BASE}/batch/create`,
    handle(r) {
      const inputs = inputsOf(r).map((input) => checkInput(r, input));
      const emails = inputs.map((i) => i.properties.email?.toLowerCase()).filter((e) => e !== undefined);
      const duplicate = emails.find((email, index) => emails.indexOf(email) !== index);
      if (duplicate) throw badRequest(`Duplicate email ${duplicate} in the batch.`);
      const records = inputs.map((input) => apply(r, input));
      const names = propertiesToRead(r.portal, r.objectType, [
        ...new Set(records.flatMap((x) => Object.keys(x.properties))),
      ]);
      return { status: 201, body: batchOk(r, records, names) };
    },
  },
  {
    method: "POST",
    pattern: `${BASE}/batch/update`,
    handle(r) {
      const checked = inputsOf(r).map((raw) => {
        const id = String((raw as { id?: unknown } | null)?.id ?? "");
        const record = r.portal.records(r.objectType).get(id);
        if (!record) throw notFound(recordNotFound(r.objectType, id));
        return { record, input: checkInput(r, raw, record) };
      });
      const records = checked.map(({ record, input }) => apply(r, input, record));
      const names = propertiesToRead(r.portal, r.objectType, [
        ...new Set(checked.flatMap((c) => Object.keys(c.input.properties))),
      ]);
      return { status: 200, body: batchOk(r, records, names) };
    },
  },
  {
    method: "GET",
    pattern: `${BASE}/:id`,
    handle(r) {
      const archived = r.query.get("archived") === "true";
      const record = lookup(r, r.objectType, r.params.id!, r.query.get("idProperty"), archived);
      if (!record) throw notFound(recordNotFound(r.objectType, r.params.id!));
      const names = propertiesToRead(r.portal, r.objectType, requestedProperties(r.query.getAll("properties")));
      return { status: 200, body: renderRecord(record, names) };
    },
  },
  {
    method: "PATCH",
    pattern: `${BASE}/:id`,
    handle(r) {
      const record = lookup(r, r.objectType, r.params.id!, r.query.get("idProperty"));
      if (!record) throw notFound(recordNotFound(r.objectType, r.params.id!));
      const input = checkInput(r, r.body, record);
      apply(r, input, record);
      const names = propertiesToRead(r.portal, r.objectType, Object.keys(input.properties));
      return { status: 200, body: renderRecord(record, names) };
    },
  },
  {
    method: "DELETE",
    pattern: `${BASE}/:id`,
    handle(r) {
      const record = r.portal.records(r.objectType).get(r.params.id!);
      if (record) r.portal.records(r.objectType).archive(record, r.now);
      return { status: 204 };
    },
  },
];
