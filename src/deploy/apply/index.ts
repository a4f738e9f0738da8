/**
 * Deploy, apply side (pure): what a plan writes and in which order, the checks that stop a deploy
 * before its first write, saved plans, and the apply itself through an injected `DeployPort`.
 */
export { applyPlan, type AppliedWrite, type ApplyOptions, type ApplyResult } from "./apply-plan";
export { hasChanges, planDeploy, type PlannedDeploy } from "./planned";
export type { DeployPort, WrittenFlow } from "./port";
export {
  deployRefusals,
  destructiveChanges,
  objectLabel,
  type DestructiveChange,
  type DeployRefusal,
  type DeployRefusalCode,
  type RefusalContext,
} from "./refusals";
export { appliedWriteLine, applyOutcomeText, deployEnvelope, DEPLOY_SCHEMA, type DeployStatus } from "./report";
export {
  parseSavedPlan,
  savedPlanJson,
  savePlan,
  SAVED_PLAN_FORMAT,
  verifySavedPlan,
  type SavedPlan,
  type SavedPlanOrigin,
  type SavedPlanRead,
} from "./saved-plan";
export type { LiveDigests, ReadFlow } from "./live-digest";
export { DeployPlanError, deployWrites, describeWrite, type DeployWrite, type DeployWriteOp } from "./writes";
