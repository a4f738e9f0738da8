/**
 * Helpers for the workflow executor's tests: an emulator on a movable pinned clock with a few
 * owners and test properties, flows posted over HTTP, and small builders for actions, filters
 * and enrolment criteria in HubSpot's automation v4 shape.
 */
import { onTestFinished } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator";

export const START = Date.parse("2026-06-17T12:00:00Z");
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export const OWNERS = [
  { email: "ava.reed@acme.test", firstName: "Ava", lastName: "Reed", active: true },
  { email: "ben.ortiz@acme.test", firstName: "Ben", lastName: "Ortiz", active: true },
  { email: "chloe.nguyen@acme.test", firstName: "Chloe", lastName: "Nguyen", active: true },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A movable pinned clock: tests never read the machine's time. */
export class TestClock {
  private current = START;
  readonly now = () => this.current;
  advance(ms: number) {
    this.current += ms;
  }
}

/** An emulator with three owners and the test properties (`test_*`), closed after the test. */
export async function flowEmulator(): Promise<{
  emu: RunningEmulator;
  clock: TestClock;
  ownerId: (email: string) => string;
}> {
  const clock = new TestClock();
  const emu = await startEmulator({
    seed: { reps: OWNERS, contacts: 0, now: START },
    rateLimits: false,
    clock: clock.now,
  });
  // Closed when the test ends: registered on the test, not by a module-scope hook, which would
  // belong to the first file of a worker only (test files share their worker's modules).
  onTestFinished(() => emu.close());
  for (const [name, type, fieldType] of [
    ["test_flag", "bool", "booleancheckbox"],
    ["test_text", "string", "text"],
    ["test_copy", "string", "text"],
    ["test_count", "number", "number"],
    ["test_at", "datetime", "date"],
    ["test_owner", "enumeration", "select"],
  ] as const) {
    const owner = name === "test_owner" ? { externalOptions: true, referencedObjectType: "OWNER" } : {};
    const options =
      type === "bool"
        ? [
            { label: "Yes", value: "true" },
            { label: "No", value: "false" },
          ]
        : [];
    await call(emu, "POST", "/crm/v3/properties/contacts", {
      name,
      label: name,
      type,
      fieldType,
      groupName: "contactinformation",
      options,
      ...owner,
    }).then(ok);
  }
  const ownerId = (email: string) => {
    const owner = emu.portal.owners.byEmail(email);
    if (!owner) throw new Error(`no owner ${email}`);
    return owner.id;
  };
  return { emu, clock, ownerId };
}

/** A raw call to the emulator; returns status and parsed body. */
export async function call(emu: RunningEmulator, method: string, path: string, body?: unknown) {
  const response = await fetch(emu.baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${emu.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
}

/** The body of a 2xx answer; throws with the answer otherwise. */
export function ok(answer: { status: number; body: Json }): Json {
  if (answer.status >= 300) throw new Error(`answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function createContact(emu: RunningEmulator, properties: Record<string, string> = {}): Promise<string> {
  return ok(await call(emu, "POST", "/crm/v3/objects/contacts", { properties })).id as string;
}

export async function updateContact(emu: RunningEmulator, id: string, properties: Record<string, string>) {
  return ok(await call(emu, "PATCH", `/crm/v3/objects/contacts/${id}`, { properties }));
}

/** The contact's properties as the API reads them back. */
export async function readContact(
  emu: RunningEmulator,
  id: string,
  properties: string[],
): Promise<Record<string, string>> {
  const query = properties.map((p) => `properties=${p}`).join("&");
  return ok(await call(emu, "GET", `/crm/v3/objects/contacts/${id}?${query}`)).properties;
}

export async function raiseEvent(emu: RunningEmulator, contactId: string, event: Record<string, unknown>, at?: number) {
  return ok(await call(emu, "POST", "/_emulator/events", { contactId, event, ...(at === undefined ? {} : { at }) }));
}

// --- Flow builders -------------------------------------------------------------------------------

type Action = Record<string, unknown>;

const next = (to?: string) => (to === undefined ? {} : { connection: { edgeType: "STANDARD", nextActionId: to } });

export function setValue(id: string, property: string, value: Record<string, unknown> | string, to?: string): Action {
  const v = typeof value === "string" ? { type: "STATIC_VALUE", staticValue: value } : value;
  return {
    actionId: id,
    type: "SINGLE_CONNECTION",
    actionTypeId: "0-5",
    actionTypeVersion: 0,
    fields: { property_name: property, value: v },
    ...next(to),
  };
}

export function single(
  id: string,
  actionTypeId: string,
  fields: Record<string, unknown>,
  to?: string,
  actionTypeVersion = 0,
): Action {
  return { actionId: id, type: "SINGLE_CONNECTION", actionTypeId, actionTypeVersion, fields, ...next(to) };
}

export function listBranch(
  id: string,
  branches: { name: string; filterBranch: unknown; to?: string }[],
  otherwise?: string,
): Action {
  return {
    actionId: id,
    type: "LIST_BRANCH",
    listBranches: branches.map((b) => ({ branchName: b.name, filterBranch: b.filterBranch, ...next(b.to) })),
    defaultBranchName: "otherwise",
    ...(otherwise === undefined ? {} : { defaultBranch: { edgeType: "STANDARD", nextActionId: otherwise } }),
  };
}

/** A property filter; `includeObjectsWithNoValueSet` (required by the contract) defaults to false. */
export function filter(property: string, operation: Record<string, unknown>) {
  return { filterType: "PROPERTY", property, operation: { includeObjectsWithNoValueSet: false, ...operation } };
}

export const and = (...filters: unknown[]) => ({
  filterBranchType: "AND",
  filterBranchOperator: "AND",
  filters,
  filterBranches: [],
});
export const or = (...branches: unknown[]) => ({
  filterBranchType: "OR",
  filterBranchOperator: "OR",
  filters: [],
  filterBranches: branches,
});
export const primaryCompany = (...filters: unknown[]) => ({
  filterBranchType: "AND",
  filterBranchOperator: "AND",
  filters: [],
  filterBranches: [
    {
      filterBranchType: "ASSOCIATION",
      filterBranchOperator: "AND",
      objectTypeId: "0-2",
      operator: "IN_LIST",
      associationTypeId: 1,
      associationCategory: "HUBSPOT_DEFINED",
      filters,
      filterBranches: [],
    },
  ],
});

export const isTrue = (property: string) =>
  filter(property, { operationType: "BOOL", operator: "IS_EQUAL_TO", value: true });

export function eventBased(eventTypeId: string, filters: unknown[] = [], shouldReEnroll = true) {
  return {
    type: "EVENT_BASED",
    shouldReEnroll,
    eventFilterBranches: [
      {
        filterBranchType: "UNIFIED_EVENTS",
        filterBranchOperator: "AND",
        eventTypeId,
        operator: "HAS_COMPLETED",
        filters,
        filterBranches: [],
      },
    ],
    listMembershipFilterBranches: [],
  };
}

export function listBased(listFilterBranch: unknown, options: { reEnroll?: unknown[]; unEnroll?: boolean } = {}) {
  return {
    type: "LIST_BASED",
    shouldReEnroll: options.reEnroll !== undefined,
    unEnrollObjectsNotMeetingCriteria: options.unEnroll === true,
    listFilterBranch: or(listFilterBranch),
    reEnrollmentTriggersFilterBranches: options.reEnroll ?? [],
  };
}

/** Posts a contact flow (enabled unless told otherwise); returns its id. */
export async function createFlow(
  emu: RunningEmulator,
  spec: { name?: string; actions: Action[]; enrollmentCriteria: unknown; isEnabled?: boolean; dataSources?: unknown[] },
): Promise<string> {
  const body = {
    type: "CONTACT_FLOW",
    objectTypeId: "0-1",
    flowType: "WORKFLOW",
    name: spec.name ?? "test flow",
    isEnabled: spec.isEnabled ?? true,
    startActionId: spec.actions[0]?.actionId,
    actions: spec.actions,
    enrollmentCriteria: spec.enrollmentCriteria,
    dataSources: spec.dataSources ?? [],
    timeWindows: [],
    blockedDates: [],
    customProperties: {},
    suppressionListIds: [],
    canEnrollFromSalesforce: false,
  };
  return ok(await call(emu, "POST", "/automation/v4/flows", body)).id as string;
}

/** The form submission event type RouteOps' flows enrol on. */
export const FORM = "4-1639801";
export const FORM_TOKEN = (property: string) => `{{ enrollment_events.enrollment_event_4_1639801.${property} }}`;
