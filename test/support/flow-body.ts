/**
 * A small contact flow body that satisfies HubSpot's contract (SDK ContactFlowCreateRequest), for
 * tests that need a flow in a portal without compiling a routing config: one delay action, enrolled
 * on a list branch. The strict emulator refuses anything less.
 */
import type { ContactFlowCreateRequest, FlowAction } from "../../src/hubspot-contract";

/** A delay of `minutes` (action type 0-1). */
export function delayAction(actionId: string, minutes = 5): FlowAction {
  return {
    actionId,
    type: "SINGLE_CONNECTION",
    actionTypeId: "0-1",
    actionTypeVersion: 0,
    fields: { delta: String(minutes), time_unit: "MINUTES" },
  };
}

export function contactFlowBody(
  name: string,
  overrides: Partial<ContactFlowCreateRequest> = {},
): ContactFlowCreateRequest {
  return {
    type: "CONTACT_FLOW",
    objectTypeId: "0-1",
    flowType: "WORKFLOW",
    name,
    description: "",
    isEnabled: false,
    startActionId: "1",
    actions: [delayAction("1")],
    enrollmentCriteria: {
      type: "LIST_BASED",
      shouldReEnroll: false,
      unEnrollObjectsNotMeetingCriteria: false,
      listFilterBranch: { filterBranchType: "OR", filterBranchOperator: "OR", filters: [], filterBranches: [] },
      reEnrollmentTriggersFilterBranches: [],
    },
    timeWindows: [],
    blockedDates: [],
    customProperties: {},
    dataSources: [],
    suppressionListIds: [],
    canEnrollFromSalesforce: false,
    ...overrides,
  };
}
