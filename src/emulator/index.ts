/**
 * The local HubSpot emulator: `startEmulator()` serves HubSpot's endpoints that RouteOps uses, on
 * 127.0.0.1, backed by an in-memory portal (see docs/emulator.md).
 */
export { startEmulator, EmulatorOptionError } from "./start";
export type {
  EmulatorOptions,
  RunningEmulator,
  FaultOptions,
  FaultKind,
  SeedOptions,
  SeedRep,
  SeedRoutingNames,
  RateLimitOptions,
} from "./options";
export { ACTION_TYPE_IDS, DEFAULT_ACTION_TYPES } from "./action-types";
export type { ActionTypeDefinition, ActionTypeInputField } from "./action-types";
export { Portal } from "./portal/portal";
export type { CrmRecord, PropertyChange, ChangeSource } from "./portal/records";
export type { ContactEvent } from "./portal/events";
export type { Owner, OwnerTeam } from "./portal/owners";
export type { SequenceEnrollment } from "./portal/enrollments";
export type { Flow, FlowAction, FlowSummary } from "./portal/flows";
export type { PropertyDefinition, PropertyGroupDefinition } from "./portal/property-definition";
export type { PortalDump } from "./portal/dump";
export { RequestLog, type RequestLogEntry } from "./http/request-log";
export type { RatePolicy } from "./http/rate-limiter";
export { StateFileError } from "./state-file";
export { seedPortal, DEFAULT_SEED_NOW } from "./seed/portal-seed";
export { seedFromRouting } from "./seed/from-routing";
export { seedDeployed, type DeployedSeed } from "./seed/deployed";
export {
  FlowExecutor,
  DEFAULT_MAX_ACTIONS_PER_RUN,
  DEFAULT_MAX_DEPTH,
  FlowFormatError,
  type FlowExecutorOptions,
  type FlowRun,
  type RecordedAction,
  type RecordedNotification,
  type RecordedSequenceEnrollment,
  type RecordedTask,
  type RunStatus,
  type RunStep,
  type RunTrigger,
} from "./flows-exec";
