/**
 * Deploy, pure core: compile a routing config into the desired HubSpot state, diff it against the
 * live state into a plan, fingerprint the plan, and render it. Phase 2 (the adapter side) reads
 * the live state, checks action types, and applies `planSteps(plan)` in order.
 */
export { desiredState, type DesiredStateContext, type DesiredStateResult } from "./compile";
export { planChanges, type PlanOptions } from "./plan/plan-changes";
export { planSteps } from "./plan/steps";
export { fingerprintLive, verifyFingerprint } from "./plan/fingerprint";
export { describeDrift } from "./plan/drift";
export type {
  Drift,
  DriftKind,
  FieldChange,
  ObjectKind,
  Plan,
  PlanAction,
  PlanFingerprint,
  PlanItem,
  PlanStep,
  PlanSummary,
} from "./plan/types";
export { renderPlanText } from "./render/text";
export { renderPlanMarkdown, PLAN_COMMENT_MARKER } from "./render/markdown";
export { planDocument, planSectionBlock, hubSpotObjectsSection, type PlanDocumentOptions } from "./render/document";
export { renderPlanJson, planEnvelope, PLAN_SCHEMA, type PlanJsonOptions } from "./render/json";
export { planEnvelopeSchema, planFromEnvelope, type PlanEnvelopeDocument } from "./render/json-read";
export {
  ACTION_TYPES,
  actionTypeUsage,
  checkActionTypes,
  type ActionTypeStatus,
  type ActionTypeKey,
  type ActionTypeUsage,
  type MissingActionType,
} from "./action-types";
export { EVENT_TYPES, TOUCH_EVENT_TYPES, enrollmentEventToken, type EventTypeEntry } from "./event-types";
export type { DeployError, DeployErrorCode, DeployWarning, DeployWarningCode } from "./diagnostics";
export * from "./managed-names";
export { parseMarker } from "./canonical/marker";
export { canonicalFlow, flowDigest } from "./canonical/flow";
export { canonicalProperty, propertyDigest } from "./canonical/property";
export type * from "./model/flow";
export type * from "./model/property";
export type * from "./model/owners";
export type * from "./model/state";
export * from "./apply";
export * from "./lock";
