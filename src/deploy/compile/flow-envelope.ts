/** A compiled step tree wrapped as a complete CONTACT_FLOW body, with its managed description. */
import { flowDigest } from "../canonical/flow";
import { managedDescription } from "../canonical/marker";
import type { EnrollmentCriteria, FlowBody, FlowDataSource } from "../model/flow";
import type { DesiredFlow } from "../model/state";
import { toActions, type Step } from "./steps";

const EDIT_HINT =
  "Edit the routing config and deploy: changes made here are reported as drift and replaced by the next deploy.";

export function flowBody(spec: {
  key: string;
  name: string;
  purpose: string;
  version: string;
  steps: Step[];
  enrollment: EnrollmentCriteria;
  dataSources: FlowDataSource[];
}): DesiredFlow {
  const { actions, startActionId } = toActions(spec.steps);
  const draft: FlowBody = {
    type: "CONTACT_FLOW",
    objectTypeId: "0-1",
    flowType: "WORKFLOW",
    name: spec.name,
    description: "",
    isEnabled: true,
    startActionId,
    actions,
    enrollmentCriteria: spec.enrollment,
    timeWindows: [],
    blockedDates: [],
    customProperties: {},
    dataSources: spec.dataSources,
    suppressionListIds: [],
    canEnrollFromSalesforce: false,
  };
  const digest = flowDigest(draft);
  return {
    key: spec.key,
    body: { ...draft, description: managedDescription(`${spec.purpose} ${EDIT_HINT}`, spec.version, digest) },
  };
}
