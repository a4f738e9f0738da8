import type { ActionTypeDefinition } from "../action-types";
import type { Flow, FlowAction } from "../portal/flows";
import { asObject, Problems } from "./property-shapes";

type Body = Record<string, unknown>;

const FLOW_TYPES = ["CONTACT_FLOW", "PLATFORM_FLOW"];
const ACTION_KINDS = ["SINGLE_CONNECTION", "LIST_BRANCH", "STATIC_BRANCH", "AB_TEST_BRANCH"];
const ENROLLMENT_TYPES = ["LIST_BASED", "EVENT_BASED", "MANUAL"];

const isObject = (v: unknown): v is Body => typeof v === "object" && v !== null && !Array.isArray(v);

/** The connections an action makes, with where they appear (for messages). */
function connectionsOf(action: Body, at: string): { to: unknown; where: string }[] {
  const found: { to: unknown; where: string }[] = [];
  const add = (c: unknown, where: string) => {
    if (isObject(c)) found.push({ to: c.nextActionId, where });
  };
  add(action.connection, `${at}.connection`);
  add(action.defaultBranch, `${at}.defaultBranch`);
  for (const key of ["listBranches", "staticBranches", "abTestBranches"]) {
    const branches = action[key];
    if (Array.isArray(branches))
      branches.forEach((b, i) => isObject(b) && add(b.connection, `${at}.${key}[${i}].connection`));
  }
  return found;
}

function checkAction(
  action: unknown,
  index: number,
  objectTypeId: unknown,
  actionTypes: readonly ActionTypeDefinition[],
  problems: Problems,
): void {
  const at = `actions[${index}]`;
  if (!isObject(action)) return problems.add(at, `${at} must be an object`);
  if (typeof action.actionId !== "string" || action.actionId === "")
    problems.add(`${at}.actionId`, `${at}.actionId is required`);
  if (!ACTION_KINDS.includes(action.type as string)) {
    problems.add(`${at}.type`, `${at}.type must be one of ${ACTION_KINDS.join(", ")}`);
  }
  if (action.type === "SINGLE_CONNECTION") {
    const type = actionTypes.find((t) => t.actionTypeId === action.actionTypeId);
    if (typeof action.actionTypeId !== "string")
      return problems.add(`${at}.actionTypeId`, `${at}.actionTypeId is required`);
    if (!type) {
      return problems.add(
        `${at}.actionTypeId`,
        `${at}.actionTypeId ${action.actionTypeId} is not an action type of this portal`,
      );
    }
    if (typeof objectTypeId === "string" && !type.objectTypeIds.includes(objectTypeId)) {
      problems.add(
        `${at}.actionTypeId`,
        `${at}.actionTypeId ${type.actionTypeId} is not available for object type ${objectTypeId}`,
      );
    }
    if (action.actionTypeVersion !== undefined && typeof action.actionTypeVersion !== "number") {
      problems.add(`${at}.actionTypeVersion`, `${at}.actionTypeVersion must be a number`);
    }
    if (action.fields !== undefined && !isObject(action.fields))
      problems.add(`${at}.fields`, `${at}.fields must be an object`);
    const fields = isObject(action.fields) ? action.fields : {};
    for (const input of type.inputFields) {
      if (input.required && (fields[input.name] === undefined || fields[input.name] === null)) {
        problems.add(
          `${at}.fields.${input.name}`,
          `${at}.fields.${input.name} is required by action type ${type.actionTypeId} (${type.name})`,
        );
      }
    }
  }
  if (action.type === "LIST_BRANCH" && !Array.isArray(action.listBranches)) {
    problems.add(`${at}.listBranches`, `${at}.listBranches must be an array`);
  }
  if (action.type === "STATIC_BRANCH" && !Array.isArray(action.staticBranches)) {
    problems.add(`${at}.staticBranches`, `${at}.staticBranches must be an array`);
  }
}

/** Checks a create or full-replace body; every problem is collected before the 400. */
export function checkFlowBody(raw: unknown, actionTypes: readonly ActionTypeDefinition[]): Body {
  const body = asObject(raw, "the flow");
  const problems = new Problems();
  if (!FLOW_TYPES.includes(body.type as string))
    problems.add("type", `type is required: one of ${FLOW_TYPES.join(", ")}`);
  if (typeof body.objectTypeId !== "string") problems.add("objectTypeId", "objectTypeId is required");
  else if (body.type === "CONTACT_FLOW" && body.objectTypeId !== "0-1") {
    problems.add("objectTypeId", "a CONTACT_FLOW has objectTypeId 0-1");
  }
  if (body.flowType !== undefined && body.flowType !== "WORKFLOW" && body.flowType !== "ACTION_SET") {
    problems.add("flowType", "flowType must be WORKFLOW or ACTION_SET");
  }
  if (typeof body.isEnabled !== "boolean") problems.add("isEnabled", "isEnabled is required (boolean)");
  if (typeof body.name !== "string" || body.name.trim() === "") problems.add("name", "name is required");
  if (!Array.isArray(body.actions)) {
    problems.add("actions", "actions is required (array)");
    problems.throwIfAny();
  }
  const actions = body.actions as unknown[];
  actions.forEach((action, i) => checkAction(action, i, body.objectTypeId, actionTypes, problems));
  const ids = actions.map((a) => (isObject(a) ? a.actionId : undefined));
  ids.forEach((id, i) => {
    if (typeof id === "string" && ids.indexOf(id) !== i)
      problems.add(`actions[${i}].actionId`, `actionId ${id} is used twice`);
  });
  actions.forEach((action, i) => {
    if (!isObject(action)) return;
    for (const { to, where } of connectionsOf(action, `actions[${i}]`)) {
      if (!ids.includes(to as string))
        problems.add(where, `${where}.nextActionId ${String(to)} is not an action of this flow`);
    }
  });
  if (body.startActionId !== undefined && !ids.includes(body.startActionId as string)) {
    problems.add("startActionId", `startActionId ${String(body.startActionId)} is not an action of this flow`);
  }
  if (body.startActionId === undefined && actions.length > 0)
    problems.add("startActionId", "startActionId is required");
  if (body.enrollmentCriteria !== undefined) {
    const criteria = body.enrollmentCriteria;
    if (!isObject(criteria) || !ENROLLMENT_TYPES.includes(criteria.type as string)) {
      problems.add("enrollmentCriteria.type", `enrollmentCriteria.type must be one of ${ENROLLMENT_TYPES.join(", ")}`);
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
    ...meta,
    type: body.type as string,
    objectTypeId: body.objectTypeId as string,
    name: body.name as string,
    isEnabled: body.isEnabled as boolean,
    actions,
    nextAvailableActionId: String(highest + 1),
    crmObjectCreationStatus: "COMPLETE",
  };
  if (isObject(body.enrollmentCriteria)) flow.enrollmentCriteria = withEnrollmentDefaults(body.enrollmentCriteria);
  return flow;
}
