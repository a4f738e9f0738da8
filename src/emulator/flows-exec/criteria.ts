/**
 * Enrolment criteria: which flows are live, whether an event occurrence triggers an event-based
 * flow, and what a list-based flow does with a contact whose properties moved.
 */
import type { Flow } from "../portal/flows";
import type { Portal } from "../portal/portal";
import { branchHolds, type FilterScope } from "./filters";
import type { EventOccurrence } from "./occurrence";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Enabled contact flows, in id order (the order enrolments are made in). */
export function liveContactFlows(portal: Portal): Flow[] {
  return portal.flows
    .list()
    .filter((flow) => flow.isEnabled && flow.type === "CONTACT_FLOW" && flow.objectTypeId === "0-1")
    .sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
}

/** The flow's criteria when they are of this type. */
export function criteriaOf(flow: Flow, type: "EVENT_BASED" | "LIST_BASED"): Json | undefined {
  const criteria = flow.enrollmentCriteria;
  return isObject(criteria) && criteria.type === type ? criteria : undefined;
}

/** Whether an event-based flow's criteria name the occurrence's type with filters its properties pass. */
export function eventTriggers(flow: Flow, criteria: Json, occurrence: EventOccurrence): boolean {
  const branches = Array.isArray(criteria.eventFilterBranches) ? criteria.eventFilterBranches : [];
  const scope: FilterScope = {
    values: occurrence.properties,
    primaryCompany: () => undefined,
    companies: () => [],
    now: occurrence.at,
  };
  return branches.some((branch: unknown, index: number) => {
    if (!isObject(branch) || branch.eventTypeId !== occurrence.eventTypeId) return false;
    const where = `flow ${flow.id}: enrollmentCriteria.eventFilterBranches[${index}]`;
    // An event branch is an AND of its filters (on the event's properties) and nested branches.
    return branchHolds({ ...branch, filterBranchType: "AND" }, scope, where);
  });
}

/** What a list-based flow does with a contact: enrol it, un-enrol its waiting run, or nothing. */
export type ListVerdict = "enroll" | "unenroll" | "none";

/**
 * A contact enrols when it is not waiting in the flow, the list filter holds, and it never
 * enrolled, or `shouldReEnroll` is set and a re-enrolment trigger holds now and did not before.
 */
export function listVerdict(
  flow: Flow,
  criteria: Json,
  contact: { now: FilterScope; before: FilterScope; timesEnrolled: number; waiting: boolean },
): ListVerdict {
  const where = `flow ${flow.id}: enrollmentCriteria`;
  const holds = branchHolds(criteria.listFilterBranch, contact.now, `${where}.listFilterBranch`);
  if (contact.waiting) return !holds && criteria.unEnrollObjectsNotMeetingCriteria === true ? "unenroll" : "none";
  if (!holds) return "none";
  if (contact.timesEnrolled === 0) return "enroll";
  if (criteria.shouldReEnroll !== true) return "none";
  const triggers = Array.isArray(criteria.reEnrollmentTriggersFilterBranches)
    ? criteria.reEnrollmentTriggersFilterBranches
    : [];
  const turnedTrue = triggers.some((trigger: unknown, index: number) => {
    const at = `${where}.reEnrollmentTriggersFilterBranches[${index}]`;
    return branchHolds(trigger, contact.now, at) && !branchHolds(trigger, contact.before, at);
  });
  return turnedTrue ? "enroll" : "none";
}
