/**
 * A flow body checked the way HubSpot checks it: first against the published contract (SDK
 * `ContactFlowCreateRequest` for POST, `ContactFlowPutRequest` for PUT: unknown fields, missing
 * required fields, wrong discriminators, the 20-branch limit; src/hubspot-contract), then against
 * this portal: action type ids it lists, their required fields, event type ids HubSpot raises,
 * user ids it has, connections between actions. Every problem is collected, then one 400
 * VALIDATION_ERROR names each path in `errors[].in`.
 */
import type { ActionTypeDefinition } from "../action-types";
import { ACTION_TYPE_IDS } from "../action-types";
import { knownEventTypeIds } from "../../hubspot-contract/event-types";
import { valueSchema } from "../../hubspot-contract/flow-schemas";
import { contractProblems, createRequestProblems, putRequestProblems } from "../../hubspot-contract/validate";
import type { Flow, FlowAction } from "../portal/flows";
import type { OwnerStore } from "../portal/owners";
import { asObject, Problems } from "./property-shapes";

type Body = Record<string, unknown>;

const isObject = (v: unknown): v is Body => typeof v === "object" && v !== null && !Array.isArray(v);

/** What a body is checked against besides the contract. */
export interface FlowPortal {
  actionTypes: readonly ActionTypeDefinition[];
  /** Users of the portal (actions that name people take user ids); absent: user ids are not checked. */
  owners?: OwnerStore;
}

/** The connections an action makes, with where they appear (for messages). */
function connectionsOf(action: Body, at: string): { to: unknown; where: string }[] {
  const found: { to: unknown; where: string }[] = [];
  const add = (c: unknown, where: string) => {
    if (isObject(c)) found.push({ to: c.nextActionId, where });
  };
  add(action.connection, `${at}.connection`);
  add(action.defaultBranch, `${at}.defaultBranch`);
  for (const key of ["listBranches", "staticBranches"]) {
    const branches = action[key];
    if (Array.isArray(branches))
      branches.forEach((b, i) => isObject(b) && add(b.connection, `${at}.${key}[${i}].connection`));
  }
  return found;
}

/** Every UNIFIED_EVENTS branch in a criteria or branch tree, with its path. */
function eventBranches(node: unknown, at: string, out: { branch: Body; at: string }[] = []) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => eventBranches(item, `${at}[${i}]`, out));
  } else if (isObject(node)) {
    if (node.filterBranchType === "UNIFIED_EVENTS") out.push({ branch: node, at });
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "object" && value !== null) eventBranches(value, at === "" ? key : `${at}.${key}`, out);
    }
  }
  return out;
}

function checkSingleAction(action: Body, at: string, objectTypeId: string, portal: FlowPortal, problems: Problems) {
  const type = portal.actionTypes.find((t) => t.actionTypeId === action.actionTypeId);
  if (!type) {
    return problems.add(
      `${at}.actionTypeId`,
      `${at}.actionTypeId ${String(action.actionTypeId)} is not an action type of this portal`,
    );
  }
  if (!type.objectTypeIds.includes(objectTypeId)) {
    problems.add(
      `${at}.actionTypeId`,
      `${at}.actionTypeId ${type.actionTypeId} is not available for object type ${objectTypeId}`,
    );
  }
  const fields = isObject(action.fields) ? action.fields : {};
  for (const input of type.inputFieldDefinitions) {
    if (input.isRequired && (fields[input.name] === undefined || fields[input.name] === null)) {
      problems.add(
        `${at}.fields.${input.name}`,
        `${at}.fields.${input.name} is required by action type ${type.actionTypeId} (${type.actionName})`,
      );
    }
  }
  const known = new Set(type.inputFieldDefinitions.map((input) => input.name));
  for (const name of Object.keys(fields)) {
    if (!known.has(name))
      problems.add(
        `${at}.fields.${name}`,
        `${at}.fields.${name} is not a field of action type ${type.actionTypeId} (${type.actionName})`,
      );
  }
  // Fields that hold a flow value must hold one of the contract's value types.
  for (const name of ["value", "due_time"]) {
    if (fields[name] === undefined) continue;
    for (const p of contractProblems(valueSchema, fields[name])) {
      const path = p.path === "(body)" ? `${at}.fields.${name}` : `${at}.fields.${name}.${p.path}`;
      problems.add(path, p.message.replace(p.path, path), p.code);
    }
  }
  // Rotation and notifications name HubSpot users: user ids, not owner ids.
  const userIds = fields.user_ids;
  if (portal.owners && Array.isArray(userIds)) {
    userIds.forEach((id, i) => {
      if (!portal.owners?.isActiveUser(Number(id)))
        problems.add(
          `${at}.fields.user_ids[${i}]`,
          `${at}.fields.user_ids[${i}] ${String(id)} is not an active user of this portal (user ids, not owner ids)`,
        );
    });
  }
  if (action.actionTypeId === ACTION_TYPE_IDS.rotateToOwner && Array.isArray(userIds) && userIds.length === 0) {
    problems.add(`${at}.fields.user_ids`, `${at}.fields.user_ids must name at least one user to rotate between`);
  }
}

/** Checks a create (`mode: "create"`) or full-replace (`"put"`) body; every problem is collected before the 400. */
export function checkFlowBody(raw: unknown, portal: FlowPortal, mode: "create" | "put" = "create"): Body {
  const body = asObject(raw, "the flow");
  const problems = new Problems();
  const contract = mode === "create" ? createRequestProblems(body) : putRequestProblems(body);
  for (const p of contract) problems.add(p.path, p.message, p.code);
  const actions = Array.isArray(body.actions) ? body.actions : [];
  const objectTypeId = typeof body.objectTypeId === "string" ? body.objectTypeId : "0-1";
  if (mode === "create" && body.type === "CONTACT_FLOW" && body.objectTypeId !== "0-1") {
    problems.add("objectTypeId", "a CONTACT_FLOW has objectTypeId 0-1");
  }
  actions.forEach((action, i) => {
    if (isObject(action) && action.type === "SINGLE_CONNECTION")
      checkSingleAction(action, `actions[${i}]`, objectTypeId, portal, problems);
  });
  const ids = actions.map((a) => (isObject(a) ? a.actionId : undefined));
  ids.forEach((id, i) => {
    if (typeof id === "string" && ids.indexOf(id) !== i)
      problems.add(`actions[${i}].actionId`, `actionId ${id} is used twice`);
  });
  actions.forEach((action, i) => {
    if (!isObject(action)) return;
    for (const { to, where } of connectionsOf(action, `actions[${i}]`)) {
      if (!ids.includes(to as string))
        problems.add(`${where}.nextActionId`, `${where}.nextActionId ${String(to)} is not an action of this flow`);
    }
  });
  if (body.startActionId !== undefined && !ids.includes(body.startActionId as string)) {
    problems.add("startActionId", `startActionId ${String(body.startActionId)} is not an action of this flow`);
  }
  if (body.startActionId === undefined && actions.length > 0)
    problems.add("startActionId", "startActionId is required when the flow has actions");
  const events = knownEventTypeIds();
  for (const { branch, at } of [
    ...eventBranches(body.enrollmentCriteria, "enrollmentCriteria"),
    ...eventBranches(body.actions, "actions"),
  ]) {
    if (typeof branch.eventTypeId === "string" && !events.has(branch.eventTypeId)) {
      problems.add(`${at}.eventTypeId`, `${at}.eventTypeId ${branch.eventTypeId} is not an event type HubSpot raises`);
    }
  }
  problems.throwIfAny();
  return body;
}

/** A filter branch with HubSpot's defaults: empty child lists, `includeObjectsWithNoValueSet: false`. */
function withBranchDefaults(branch: unknown): unknown {
  if (!isObject(branch)) return branch;
  const filters = Array.isArray(branch.filters) ? branch.filters : [];
  return {
    ...branch,
    filterBranches: (Array.isArray(branch.filterBranches) ? branch.filterBranches : []).map(withBranchDefaults),
    filters: filters.map((f) =>
      isObject(f) && isObject(f.operation)
        ? { ...f, operation: { includeObjectsWithNoValueSet: false, ...f.operation } }
        : f,
    ),
  };
}

function withEnrollmentDefaults(criteria: Body): Body {
  if (criteria.type === "LIST_BASED") {
    return {
      shouldReEnroll: false,
      unEnrollObjectsNotMeetingCriteria: false,
      reEnrollmentTriggersFilterBranches: [],
      ...criteria,
      ...(criteria.listFilterBranch ? { listFilterBranch: withBranchDefaults(criteria.listFilterBranch) } : {}),
    };
  }
  if (criteria.type === "EVENT_BASED") {
    return {
      shouldReEnroll: false,
      listMembershipFilterBranches: [],
      ...criteria,
      eventFilterBranches: (Array.isArray(criteria.eventFilterBranches) ? criteria.eventFilterBranches : []).map(
        withBranchDefaults,
      ),
    };
  }
  return { ...criteria };
}

function withActionDefaults(action: Body): FlowAction {
  const out: Body = { ...action };
  if (out.type === "SINGLE_CONNECTION") {
    out.actionTypeVersion = out.actionTypeVersion ?? 0;
    out.fields = out.fields ?? {};
  }
  if (isObject(out.connection)) out.connection = { edgeType: "STANDARD", ...out.connection };
  if (Array.isArray(out.listBranches)) {
    out.listBranches = out.listBranches.map((b) =>
      isObject(b) ? { ...b, filterBranch: withBranchDefaults(b.filterBranch) } : b,
    );
  }
  return out as FlowAction;
}

/** The flow as HubSpot stores and answers it: the body plus server-side defaults. */
export function withServerDefaults(
  body: Body,
  meta: { id: string; revisionId: string; uuid: string; createdAt: string; updatedAt: string },
  /** On a PUT: the flow replaced, whose create-only fields (a PUT cannot send them) are kept. */
  current?: Flow,
): Flow {
  const actions = (body.actions as Body[]).map(withActionDefaults);
  const highest = actions.reduce((max, a) => Math.max(max, Number(a.actionId) || 0), 0);
  const { revisionId: _revision, id: _id, createdAt: _created, updatedAt: _updated, ...rest } = body;
  const flow: Flow = {
    flowType: "WORKFLOW",
    timeWindows: [],
    blockedDates: [],
    customProperties: {},
    dataSources: [],
    suppressionListIds: [],
    canEnrollFromSalesforce: false,
    ...(rest as Partial<Flow>),
    ...(current ? { flowType: current.flowType, dataSources: current.dataSources } : {}),
    ...meta,
    type: body.type as string,
    objectTypeId: (current?.objectTypeId ?? body.objectTypeId) as string,
    name: body.name as string,
    isEnabled: body.isEnabled as boolean,
    actions,
    nextAvailableActionId: String(highest + 1),
    crmObjectCreationStatus: "COMPLETE",
  };
  if (isObject(body.enrollmentCriteria)) flow.enrollmentCriteria = withEnrollmentDefaults(body.enrollmentCriteria);
  return flow;
}
