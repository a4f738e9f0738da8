/**
 * The audit's pure core: stream contacts into `startAudit`, get a report model, render it.
 */
export { AUDIT_CONTACT_PROPERTIES, type AuditContact, type AuditOwner } from "./contact";
export { startAudit, type AuditInput, type AuditRun } from "./audit";
export { describePlanDrift } from "./plan-drift";
export { managedDrift } from "./managed-drift";
export { failedChecks, parseFailOn, FAIL_ON_CHECKS, type FailOnCheck } from "./fail-on";
export type * from "./model";
export { renderMarkdown, reportTitle, type MarkdownOptions } from "./render/markdown";
export { renderText } from "./render/text";
export { renderJson, AUDIT_JSON_SCHEMA, type AuditEnvelope } from "./render/json";
export { auditMarker } from "./marker";
export { windowSince, windowBetween, parseNow, previousWindow, WindowError, type AuditWindow } from "./window";
