/**
 * The emulator's workflow executor: runs the portal's enabled contact flows on its events and
 * property changes (docs/emulator.md, "Workflow execution").
 */
export { FlowExecutor, DEFAULT_MAX_ACTIONS_PER_RUN, DEFAULT_MAX_DEPTH, type FlowExecutorOptions } from "./executor";
export { withWorkflows, workflowRoutes } from "./routes";
export { eventOccurrence, enrollmentOccurrence, type EventOccurrence } from "./occurrence";
export { FlowFormatError } from "./filters";
export type {
  FlowRun,
  RecordedAction,
  RecordedNotification,
  RecordedSequenceEnrollment,
  RecordedTask,
  RunStatus,
  RunStep,
  RunTrigger,
} from "./run-log";
