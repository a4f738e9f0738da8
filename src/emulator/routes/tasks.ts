/**
 * Tasks through the CRM objects API: batch create (with associations to contacts), batch read,
 * list, and the v4 contact-to-task association batch read. HubSpot contract: the official SDK's
 * `crm.objects.tasks.batchApi` and `crm.associations.v4.batchApi`; `hs_timestamp` is required
 * (HubSpot docs, Tasks API: "hs_timestamp ... required"), association type 204 is task to contact.
 */
import { badRequest } from "../http/errors";
import type { Route, RouteRequest } from "../http/router";
import type { TaskObject } from "../portal/tasks";
import { asObject } from "./property-shapes";

const BATCH_MAX = 100;
const TASK_TO_CONTACT = 204;
const CONTACT_TO_TASK = 203;
const TASK_PROPERTIES = new Set([
  "hs_timestamp",
  "hs_task_subject",
  "hs_task_body",
  "hs_task_status",
  "hs_task_priority",
  "hs_task_type",
  "hubspot_owner_id",
]);

function render(task: TaskObject, names: readonly string[] | null) {
  const properties: Record<string, string | null> = {
    hs_object_id: task.id,
    hs_createdate: task.properties.hs_createdate ?? null,
  };
  for (const name of names ?? Object.keys(task.properties)) properties[name] = task.properties[name] ?? null;
  const at = new Date(task.createdAt).toISOString();
  return { id: task.id, properties, createdAt: at, updatedAt: at, archived: false };
}

function inputs(r: RouteRequest): unknown[] {
  const body = asObject(r.body, "the batch");
  if (!Array.isArray(body.inputs)) throw badRequest("inputs must be an array.");
  if (body.inputs.length > BATCH_MAX) {
    throw badRequest(`Batch of ${body.inputs.length} inputs is too large: at most ${BATCH_MAX} are allowed.`);
  }
  return body.inputs;
}

function checkTask(
  r: RouteRequest,
  raw: unknown,
  index: number,
): { properties: Record<string, string>; contactIds: string[] } {
  const input = asObject(raw, `inputs[${index}]`);
  const given = asObject(input.properties ?? {}, `inputs[${index}].properties`);
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    if (!TASK_PROPERTIES.has(name)) throw badRequest(`Property "${name}" does not exist on tasks.`);
    properties[name] = String(value ?? "");
  }
  if (!properties.hs_timestamp) throw badRequest(`inputs[${index}]: hs_timestamp is required.`);
  if (!Number.isFinite(Date.parse(properties.hs_timestamp)) && !/^\d+$/.test(properties.hs_timestamp)) {
    throw badRequest(`inputs[${index}]: hs_timestamp "${properties.hs_timestamp}" is not a date.`);
  }
  const contactIds: string[] = [];
  for (const association of Array.isArray(input.associations) ? input.associations : []) {
    const a = association as { to?: { id?: unknown }; types?: { associationTypeId?: unknown }[] };
    const id = String(a.to?.id ?? "");
    if (!a.types?.some((t) => t.associationTypeId === TASK_TO_CONTACT)) {
      throw badRequest(`inputs[${index}]: only association type ${TASK_TO_CONTACT} (task to contact) is supported.`);
    }
    if (!r.portal.contacts.get(id)) throw badRequest(`inputs[${index}]: contact ${id} does not exist.`);
    contactIds.push(id);
  }
  return { properties, contactIds };
}

export const taskRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/crm/v3/objects/tasks/batch/create",
    handle(r) {
      const checked = inputs(r).map((raw, index) => checkTask(r, raw, index));
      const created = checked.map((c) => r.portal.tasks.create(c.properties, c.contactIds, r.now));
      const at = new Date(r.now).toISOString();
      return {
        status: 201,
        body: { status: "COMPLETE", results: created.map((t) => render(t, null)), startedAt: at, completedAt: at },
      };
    },
  },
  {
    method: "POST",
    pattern: "/crm/v3/objects/tasks/batch/read",
    handle(r) {
      const body = asObject(r.body, "the batch");
      const names = Array.isArray(body.properties) ? body.properties.map(String) : ["hs_task_subject", "hs_timestamp"];
      const found = inputs(r)
        .map((input) => r.portal.tasks.get(String((input as { id?: unknown } | null)?.id ?? "")))
        .filter((task): task is TaskObject => task !== undefined);
      const at = new Date(r.now).toISOString();
      return {
        status: 200,
        body: { status: "COMPLETE", results: found.map((t) => render(t, names)), startedAt: at, completedAt: at },
      };
    },
  },
  {
    method: "GET",
    pattern: "/crm/v3/objects/tasks",
    handle(r) {
      const names = r.query.getAll("properties").flatMap((p) => p.split(","));
      const results = r.portal.tasks.list().map((t) => render(t, names.length > 0 ? names : null));
      return { status: 200, body: { results } };
    },
  },
  {
    method: "POST",
    pattern: "/crm/v4/associations/contacts/tasks/batch/read",
    handle(r) {
      const body = asObject(r.body, "the batch");
      if (!Array.isArray(body.inputs)) throw badRequest("inputs must be an array.");
      const results = [];
      for (const input of body.inputs) {
        const id = String((input as { id?: unknown } | null)?.id ?? "");
        const tasks = r.portal.tasks.forContact(id);
        if (tasks.length === 0) continue;
        results.push({
          from: { id },
          to: tasks.map((t) => ({
            toObjectId: t.id,
            associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: CONTACT_TO_TASK, label: null }],
          })),
        });
      }
      const at = new Date(r.now).toISOString();
      return { status: 200, body: { status: "COMPLETE", results, startedAt: at, completedAt: at } };
    },
  },
];
