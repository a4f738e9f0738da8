/** `routeops demo`'s orchestration: the whole product against a local HubSpot emulator (see docs/demo.md). */
export { runDemo } from "./run";
export { DEMO_TARGET_SECONDS, type DemoDeps, type DemoOptions } from "./options";
export { DEMO_SUMMARY_SCHEMA, type DemoSummary } from "./summary";
export type { StepId, StepOutcome, StepRecord } from "./steps/step";
