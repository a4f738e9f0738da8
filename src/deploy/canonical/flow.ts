/**
 * A flow reduced to what it does, so that a desired body and HubSpot's read-back compare equal when
 * HubSpot only added ids, revision and timestamps, server defaults (actionTypeVersion 0, empty
 * lists, `includeObjectsWithNoValueSet: false`, branch operators), turned numbers into strings or
 * reordered collections whose order means nothing (filters of an AND, branches of an OR, values of
 * "any of"). Actions are followed from the start as a tree, so action ids never matter; a second
 * path into an action (GOTO) becomes a reference to where it was first reached.
 */
import { contentDigest, sortByJson } from "./json";

export type CanonicalStep =
  | { action: string; version?: string; fields: unknown }
  | {
      branches: { name: string; filter: unknown; steps: CanonicalStep[] }[];
      defaultName: string;
      otherwise: CanonicalStep[];
    }
  | { other: unknown }
  | { goto: string }
  | { missing: string };

export interface CanonicalFlow {
  name: string;
  type: unknown;
  objectTypeId: unknown;
  flowType: unknown;
  enrollment: unknown;
  steps: CanonicalStep[];
  settings: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Drops empty members (null, [], {}) and turns numbers and booleans into strings: "empty is absent". */
function canonicalValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const items = value.map(canonicalValue).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (isObject(value)) {
    const out: Json = {};
    for (const [key, member] of Object.entries(value)) {
      const canonical = canonicalValue(member);
      if (canonical !== undefined) out[key] = canonical;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

function canonicalOperation(operation: unknown): unknown {
  if (!isObject(operation)) return canonicalValue(operation);
  const { includeObjectsWithNoValueSet, values, ...rest } = operation;
  const out = canonicalValue(rest) as Json | undefined;
  const result: Json = { ...(out ?? {}) };
  if (includeObjectsWithNoValueSet === true) result.includeObjectsWithNoValueSet = "true";
  if (Array.isArray(values)) result.values = values.map((v) => String(v)).sort();
  return result;
}

function canonicalFilter(filter: unknown): unknown {
  if (!isObject(filter)) return canonicalValue(filter);
  const { operation, ...rest } = filter;
  return { ...((canonicalValue(rest) as Json | undefined) ?? {}), operation: canonicalOperation(operation) };
}

export function canonicalFilterBranch(branch: unknown): unknown {
  if (!isObject(branch)) return canonicalValue(branch);
  const { filterBranchType, filterBranchOperator, filters, filterBranches, ...rest } = branch;
  const type = typeof filterBranchType === "string" ? filterBranchType : "AND";
  const defaultOperator = type === "AND" || type === "OR" ? type : "AND";
  const out: Json = { ...((canonicalValue(rest) as Json | undefined) ?? {}), type };
  if (filterBranchOperator !== undefined && filterBranchOperator !== defaultOperator)
    out.operator = filterBranchOperator;
  const canonicalFilters = sortByJson((Array.isArray(filters) ? filters : []).map(canonicalFilter));
  const canonicalBranches = sortByJson(
    (Array.isArray(filterBranches) ? filterBranches : []).map(canonicalFilterBranch),
  );
  if (canonicalFilters.length > 0) out.filters = canonicalFilters;
  if (canonicalBranches.length > 0) out.branches = canonicalBranches;
  return out;
}

function canonicalEnrollment(criteria: unknown): unknown {
  if (!isObject(criteria)) return canonicalValue(criteria);
  const {
    type,
    shouldReEnroll,
    unEnrollObjectsNotMeetingCriteria,
    eventFilterBranches,
    listFilterBranch,
    reEnrollmentTriggersFilterBranches,
    listMembershipFilterBranches,
    ...rest
  } = criteria;
  const out: Json = { ...((canonicalValue(rest) as Json | undefined) ?? {}), type };
  out.shouldReEnroll = shouldReEnroll === true ? "true" : "false";
  if (unEnrollObjectsNotMeetingCriteria === true) out.unEnrollObjectsNotMeetingCriteria = "true";
  const sortedBranches = (list: unknown) => sortByJson((Array.isArray(list) ? list : []).map(canonicalFilterBranch));
  const events = sortedBranches(eventFilterBranches);
  const triggers = sortedBranches(reEnrollmentTriggersFilterBranches);
  const memberships = sortedBranches(listMembershipFilterBranches);
  if (events.length > 0) out.eventFilterBranches = events;
  if (listFilterBranch !== undefined && listFilterBranch !== null)
    out.listFilterBranch = canonicalFilterBranch(listFilterBranch);
  if (triggers.length > 0) out.reEnrollmentTriggersFilterBranches = triggers;
  if (memberships.length > 0) out.listMembershipFilterBranches = memberships;
  return out;
}

function canonicalSteps(flow: Json): CanonicalStep[] {
  const actions = Array.isArray(flow.actions) ? flow.actions.filter(isObject) : [];
  const byId = new Map(actions.map((action) => [String(action.actionId), action]));
  const reached = new Map<string, string>();
  const nextOf = (connection: unknown) =>
    isObject(connection) && connection.nextActionId !== undefined ? String(connection.nextActionId) : undefined;

  const chain = (start: string | undefined, path: string): CanonicalStep[] => {
    const out: CanonicalStep[] = [];
    let current = start;
    while (current !== undefined) {
      const seen = reached.get(current);
      if (seen !== undefined) {
        out.push({ goto: seen });
        break;
      }
      const action = byId.get(current);
      if (!action) {
        out.push({ missing: current });
        break;
      }
      const here = `${path}[${out.length}]`;
      reached.set(current, here);
      if (action.type === "LIST_BRANCH") {
        const branches = (Array.isArray(action.listBranches) ? action.listBranches : []).filter(isObject);
        out.push({
          branches: branches.map((option) => ({
            name: String(option.branchName ?? ""),
            filter: canonicalFilterBranch(option.filterBranch),
            steps: chain(nextOf(option.connection), `${here}.${String(option.branchName ?? "")}`),
          })),
          defaultName: String(action.defaultBranchName ?? ""),
          otherwise: chain(nextOf(action.defaultBranch), `${here}.default`),
        });
        break;
      }
      if (action.type !== "SINGLE_CONNECTION" && action.type !== undefined) {
        const { actionId: _id, ...rest } = action;
        out.push({ other: canonicalValue(rest) });
        break;
      }
      const version = action.actionTypeVersion;
      out.push({
        action: String(action.actionTypeId),
        ...(version !== undefined && version !== null && String(version) !== "0" ? { version: String(version) } : {}),
        fields: canonicalValue(action.fields) ?? {},
      });
      current = nextOf(action.connection);
    }
    return out;
  };

  const start = flow.startActionId !== undefined ? String(flow.startActionId) : undefined;
  return chain(start, "steps");
}

/** What a flow does, for comparison and digests (name included; description and isEnabled not). */
export function canonicalFlow(flow: object): CanonicalFlow {
  const body = flow as Json;
  const settings: Json = {};
  for (const key of ["timeWindows", "blockedDates", "customProperties", "dataSources"]) {
    const value = canonicalValue(body[key]);
    if (value !== undefined) settings[key] = key === "dataSources" && Array.isArray(value) ? sortByJson(value) : value;
  }
  const suppressions = canonicalValue(body.suppressionListIds);
  if (Array.isArray(suppressions)) settings.suppressionListIds = [...suppressions].sort();
  if (body.canEnrollFromSalesforce === true) settings.canEnrollFromSalesforce = "true";
  return {
    name: String(body.name ?? ""),
    type: body.type,
    objectTypeId: body.objectTypeId,
    flowType: body.flowType,
    enrollment: canonicalEnrollment(body.enrollmentCriteria),
    steps: canonicalSteps(body),
    settings,
  };
}

/** The digest a managed flow's description records: what the flow does. */
export function flowDigest(flow: object): string {
  return contentDigest(canonicalFlow(flow));
}
