/**
 * The calls the router makes besides reads: batch contact updates, SLA task creation, finding the
 * tasks a contact already has (to never create one twice), and the reconciliation search.
 *
 * HubSpot contract (CRM v3 objects API, https://developers.hubspot.com/docs/api/crm/tasks and the
 * official SDK's `crm.objects.tasks` and `crm.associations.v4` clients): tasks are created with
 * `POST /crm/v3/objects/tasks/batch/create` (100 inputs), properties `hs_timestamp` (the due
 * date), `hs_task_subject`, `hs_task_body`, `hs_task_status`, `hs_task_priority`,
 * `hs_task_type`, `hubspot_owner_id`, associated to the contact with HUBSPOT_DEFINED type 204
 * (task to contact).
 */
import type { HubSpotCalls } from "./client-calls";
import type { HubSpotRecord } from "./model";
import { chunks, toRecord, type ClientRecord } from "./records";

const BATCH_MAX = 100;
const ASSOCIATIONS_BATCH = 1_000;
/** HUBSPOT_DEFINED association type "task to contact" (HubSpot docs, Associations v4 type ids). */
export const TASK_TO_CONTACT = 204;

/** One contact update of a batch. */
export interface ContactUpdate {
  id: string;
  properties: Record<string, string>;
}

/** A task to create, associated with one contact. */
export interface TaskCreate {
  contactId: string;
  properties: Record<string, string>;
}

/** A task as read back: its id and the properties asked for. */
export interface TaskRecord {
  id: string;
  properties: Record<string, string | null>;
}

interface BatchRecords {
  results?: ClientRecord[];
}

/** Updates contacts, 100 per request (an update is idempotent: retried as any call). */
export async function updateContacts(calls: HubSpotCalls, updates: ContactUpdate[]): Promise<void> {
  for (const batch of chunks(updates, BATCH_MAX)) {
    await calls.raw({
      endpoint: "POST /crm/v3/objects/contacts/batch/update",
      method: "POST",
      path: "/crm/v3/objects/contacts/batch/update",
      body: { inputs: batch.map((u) => ({ id: u.id, properties: u.properties })) },
    });
  }
}

/**
 * Creates tasks, 100 per request, and returns their ids in input order. Never retried: a create
 * whose answer was lost may have been carried out, so the caller looks before creating again.
 */
export async function createTasks(calls: HubSpotCalls, tasks: TaskCreate[]): Promise<string[]> {
  const ids: string[] = [];
  for (const batch of chunks(tasks, BATCH_MAX)) {
    const response = await calls.raw<BatchRecords>({
      endpoint: "POST /crm/v3/objects/tasks/batch/create",
      method: "POST",
      path: "/crm/v3/objects/tasks/batch/create",
      idempotent: false,
      body: {
        inputs: batch.map((task) => ({
          properties: task.properties,
          associations: [
            {
              to: { id: task.contactId },
              types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: TASK_TO_CONTACT }],
            },
          ],
        })),
      },
    });
    // HubSpot answers a batch create in input order.
    for (const result of response.body?.results ?? []) ids.push(String(result.id));
  }
  return ids;
}

/** Each contact's tasks (v4 association batch read, then a task batch read of `properties`). */
export async function contactTasks(
  calls: HubSpotCalls,
  contactIds: string[],
  properties: string[],
): Promise<Map<string, TaskRecord[]>> {
  const taskIdsOf = new Map<string, string[]>();
  for (const batch of chunks([...new Set(contactIds)], ASSOCIATIONS_BATCH)) {
    const response = await calls.raw<{
      results?: { from: { id: string | number }; to: { toObjectId: string | number }[] }[];
    }>({
      endpoint: "POST /crm/v4/associations/contacts/tasks/batch/read",
      method: "POST",
      path: "/crm/v4/associations/contacts/tasks/batch/read",
      body: { inputs: batch.map((id) => ({ id })) },
    });
    for (const result of response.body?.results ?? []) {
      taskIdsOf.set(
        String(result.from.id),
        result.to.map((t) => String(t.toObjectId)),
      );
    }
  }
  const allTaskIds = [...new Set([...taskIdsOf.values()].flat())];
  const tasks = new Map<string, TaskRecord>();
  for (const batch of chunks(allTaskIds, BATCH_MAX)) {
    const response = await calls.raw<BatchRecords>({
      endpoint: "POST /crm/v3/objects/tasks/batch/read",
      method: "POST",
      path: "/crm/v3/objects/tasks/batch/read",
      body: { inputs: batch.map((id) => ({ id })), properties },
    });
    for (const result of response.body?.results ?? [])
      tasks.set(String(result.id), { id: String(result.id), properties: { ...result.properties } });
  }
  const found = new Map<string, TaskRecord[]>();
  for (const contactId of contactIds) {
    const ids = taskIdsOf.get(contactId) ?? [];
    found.set(
      contactId,
      ids.map((id) => tasks.get(id)).filter((task): task is TaskRecord => task !== undefined),
    );
  }
  return found;
}

/**
 * One page of contacts matching every filter, sorted ascending by `sortBy` (one search request;
 * the reconciliation poll takes the oldest pending requests first and comes back for the rest).
 */
export async function searchContactsOnce(
  calls: HubSpotCalls,
  request: {
    filters: { propertyName: string; operator: string; value?: string }[];
    sortBy: string;
    properties: string[];
    limit: number;
  },
): Promise<HubSpotRecord[]> {
  const response = await calls.raw<BatchRecords>({
    endpoint: "POST /crm/v3/objects/contacts/search",
    method: "POST",
    path: "/crm/v3/objects/contacts/search",
    limit: "search",
    body: {
      filterGroups: [{ filters: request.filters }],
      sorts: [{ propertyName: request.sortBy, direction: "ASCENDING" }],
      properties: request.properties,
      limit: request.limit,
    },
  });
  return (response.body?.results ?? []).map(toRecord);
}
