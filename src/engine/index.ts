/**
 * The routing engine: compile a config once, then route leads, explain decisions and do
 * business-time arithmetic. Pure: no I/O, no clock, no environment.
 */
export * from "./types";
export { compileRouting, resolveRep, type CompiledRouting, type CompiledRep, type CompiledPool } from "./compile";
export { assignee, notifyTarget, reassign, reassignmentTarget, route } from "./route";
export { createRotationState, pickNext, type RotationCandidate } from "./rotation";
export { compileCalendar, slaDueAt, describeSlaTarget, type BusinessCalendar } from "./business-time";
export { normaliseCountry, normaliseState, findTerritory, compileTerritories, type TerritoryIndex } from "./geo";
export { formatDecision, type FormatDecisionOptions } from "./explain";
export { parseEmployees } from "./facts";
export { pagePath } from "./classify";
export { dueEscalationSteps, scheduleEscalation, escalationStyle, type ScheduledStep } from "./escalation";
export { accountLookupDomains, companyDomains, domainOf } from "./account";
export { freeMailDomains } from "./free-mail-domains";
export { presenceOf, type Unavailability } from "./availability";
