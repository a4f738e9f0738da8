/**
 * Walks a flow's actions for one enrolled contact: from an action id, following connections
 * (STANDARD and GOTO alike), taking the first list branch whose filter holds at that moment (so a
 * branch sees what earlier actions of the same run wrote), until a path ends, a delay parks the run,
 * or the loop guard stops it.
 */
import type { Flow, FlowAction } from "../portal/flows";
import type { Portal } from "../portal/portal";
import type { CrmRecord } from "../portal/records";
import { performAction } from "./actions";
import { branchHolds, FlowFormatError, type FilterScope } from "./filters";
import type { EventOccurrence } from "./occurrence";
import type { RotationPositions } from "./rotation";
import type { FlowRun, RunLog, RunStep } from "./run-log";
import { resolveValue, type ValueContext } from "./values";

/** Everything one stretch of a run needs. */
export interface WalkContext {
  portal: Portal;
  flow: Flow;
  run: FlowRun;
  contact: CrmRecord;
  occurrence: EventOccurrence | undefined;
  rotation: RotationPositions;
  log: RunLog;
  /** The instant the actions run at, epoch ms. */
  now: number;
  /** Loop guard: most actions one run may go through. */
  maxActions: number;
}

/** How a stretch of a run ended. */
export type WalkEnd =
  | { status: "completed" }
  | { status: "waiting"; wakeAt: number; next: string | undefined }
  | { status: "stopped"; reason: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function nextOf(connection: unknown): string | undefined {
  return isObject(connection) && connection.nextActionId !== undefined ? String(connection.nextActionId) : undefined;
}

/** The contact's companies, primary first, as property maps. */
function companiesOf(portal: Portal, contactId: string): Record<string, string>[] {
  return portal.associations
    .companiesOf(contactId)
    .map((a) => portal.companies.get(a.companyId)?.properties)
    .filter((p): p is Record<string, string> => p !== undefined);
}

/** The record a flow's data source names, as of now (`{{ fetched_objects.NAME.prop }}`). */
function fetched(context: WalkContext, name: string): Record<string, string> | undefined {
  const source = (context.flow.dataSources ?? []).find((s) => isObject(s) && s.name === name);
  if (!isObject(source) || source.type !== "ASSOCIATION" || source.objectTypeId !== "0-2") return undefined;
  if (Number(source.associationTypeId) === 1) {
    const id = context.portal.associations.primaryCompanyOf(context.contact.id);
    return id === undefined ? undefined : context.portal.companies.get(id)?.properties;
  }
  return companiesOf(context.portal, context.contact.id)[0];
}

export function filterScope(portal: Portal, contact: CrmRecord, values: Record<string, string>, now: number) {
  const scope: FilterScope = {
    values,
    primaryCompany: () => {
      const id = portal.associations.primaryCompanyOf(contact.id);
      return id === undefined ? undefined : portal.companies.get(id)?.properties;
    },
    companies: () => companiesOf(portal, contact.id),
    now,
  };
  return scope;
}

function listBranch(action: FlowAction, context: WalkContext): { next: string | undefined; outcome: string } {
  const scope = filterScope(context.portal, context.contact, context.contact.properties, context.now);
  const branches = Array.isArray(action.listBranches) ? (action.listBranches as unknown[]) : [];
  for (const [index, candidate] of branches.entries()) {
    if (!isObject(candidate))
      throw new FlowFormatError(`action ${action.actionId}: listBranches[${index}] is not an object`);
    const where = `action ${action.actionId}: listBranches[${index}].filterBranch`;
    if (branchHolds(candidate.filterBranch, scope, where)) {
      return {
        next: nextOf(candidate.connection),
        outcome: `took branch ${JSON.stringify(candidate.branchName ?? index)}`,
      };
    }
  }
  const name = typeof action.defaultBranchName === "string" ? action.defaultBranchName : "default";
  return { next: nextOf(action.defaultBranch), outcome: `took the default branch ${JSON.stringify(name)}` };
}

function staticBranch(action: FlowAction, context: WalkContext): { next: string | undefined; outcome: string } {
  const value = resolveValue(action.inputValue, valueContext(context), `action ${action.actionId}: inputValue`);
  const branches = Array.isArray(action.staticBranches) ? (action.staticBranches as unknown[]) : [];
  const match = branches.find((b) => isObject(b) && String(b.branchValue) === value);
  if (isObject(match)) return { next: nextOf(match.connection), outcome: `took branch ${JSON.stringify(value)}` };
  return { next: nextOf(action.defaultBranch), outcome: `no branch for ${JSON.stringify(value)}: took the default` };
}

function valueContext(context: WalkContext): ValueContext {
  return {
    contact: context.contact.properties,
    occurrence: context.occurrence,
    fetched: (name) => fetched(context, name),
    now: context.now,
  };
}

/** Runs actions from `start` until the path ends, a delay parks the run, or something stops it. */
export function walk(start: string | undefined, context: WalkContext): WalkEnd {
  const actions = new Map(context.flow.actions.map((a) => [String(a.actionId), a]));
  const steps = context.run.steps;
  let current = start;
  while (current !== undefined) {
    // Counted over the whole run, so that a delay of zero in a cycle is caught as well.
    if (steps.length >= context.maxActions) {
      return { status: "stopped", reason: `loop guard: more than ${context.maxActions} actions in one run` };
    }
    const action = actions.get(current);
    if (!action) return { status: "stopped", reason: `action ${current} does not exist in the flow` };
    const step: RunStep = { actionId: action.actionId, action: String(action.type), at: context.now, outcome: "" };
    steps.push(step);
    try {
      if (action.type === "SINGLE_CONNECTION") {
        step.action = `SINGLE_CONNECTION ${String(action.actionTypeId)}`;
        const result = performAction(action, {
          portal: context.portal,
          flow: context.flow,
          run: context.run,
          contact: context.contact,
          values: valueContext(context),
          rotation: context.rotation,
          log: context.log,
        });
        step.outcome = result.outcome;
        if (result.error !== undefined) step.error = result.error;
        if (result.wakeAt !== undefined) {
          return { status: "waiting", wakeAt: result.wakeAt, next: nextOf(action.connection) };
        }
        current = nextOf(action.connection);
      } else if (action.type === "LIST_BRANCH" || action.type === "STATIC_BRANCH") {
        const taken = action.type === "LIST_BRANCH" ? listBranch(action, context) : staticBranch(action, context);
        step.outcome = taken.outcome;
        current = taken.next;
      } else {
        step.outcome = "not executed";
        return {
          status: "stopped",
          reason: `action ${action.actionId}: action type ${String(action.type)} is not emulated`,
        };
      }
    } catch (error) {
      if (!(error instanceof FlowFormatError)) throw error;
      step.outcome = "failed";
      step.error = error.message;
      return { status: "stopped", reason: error.message };
    }
  }
  return { status: "completed" };
}
