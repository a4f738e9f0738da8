/** `routeops demo`'s parts: its steps, leads, clock and summary (the use case is src/usecases/demo.ts; see docs/demo.md). */
export { DEMO_TARGET_SECONDS, type DemoDeps, type DemoOptions } from "./options";
export { DEMO_SUMMARY_SCHEMA, type DemoSummary } from "./summary";
export { formatSeconds, formatStep, type StepId, type StepOutcome, type StepRecord } from "./steps/step";
export { demoSteps, type DemoState, type DemoStep } from "./steps/list";
