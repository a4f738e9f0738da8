/**
 * Validation of a routing config: the shape first (zod), then the semantic rules, each of which
 * collects every finding before the verdict. Pure: the loader (src/files/config-loader.ts) reads
 * the files and locates the findings in them.
 */
import type { Diagnostic } from "../diagnostics";
import type { RoutingConfig } from "../types";
import { checkApplicability } from "./applicability";
import { checkCalendars } from "./calendars";
import { ConditionLogic } from "./condition-logic";
import { RoutingDirectory } from "./directory";
import { checkDuplicates } from "./duplicates";
import { toDiagnostic, type Finding } from "./finding";
import { checkOperations } from "./operations";
import { checkOutcomes } from "./outcomes";
import { checkPolicies } from "./policies";
import { checkPools, type AvailabilityOptions } from "./pools";
import { checkReferences } from "./references";
import { checkReplacements } from "./replacements";
import { checkRuleOrder } from "./rule-order";
import { checkShape } from "./shape";
import { checkSlaCoverage } from "./sla-coverage";
import { checkSources } from "./sources";
import { checkSegments, checkTerritories } from "./territories";

export type { Finding } from "./finding";
export { renderPath, valueAt, type IdSegment, type PathSegment } from "./path";

/** Options of a validation run. */
export type ValidateOptions = AvailabilityOptions;

/** The outcome of validation: the config (only when there is no error) and every finding. */
export interface ValidationResult {
  config?: RoutingConfig;
  diagnostics: Diagnostic[];
}

/** Validates a loaded config value: shape, then every semantic rule. */
export function validateRouting(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const { config, findings } = inspectRouting(input, options);
  return { ...(config ? { config } : {}), diagnostics: findings.map(toDiagnostic) };
}

/**
 * Like `validateRouting`, but keeps each finding's path as segments so that the loader can find
 * the element in the source files.
 */
export function inspectRouting(
  input: unknown,
  options: ValidateOptions = {},
): { config?: RoutingConfig; findings: Finding[] } {
  const shape = checkShape(input);
  if (!shape.config) return { findings: shape.findings };
  const dir = new RoutingDirectory(shape.config);
  const logic = new ConditionLogic(dir);
  const findings = [
    ...checkDuplicates(dir),
    ...checkReferences(dir),
    ...checkReplacements(dir),
    ...checkPools(dir, options),
    ...checkCalendars(dir),
    ...checkTerritories(dir),
    ...checkSegments(dir),
    ...checkSources(dir),
    ...checkApplicability(dir, logic),
    ...checkRuleOrder(dir, logic),
    ...checkOutcomes(dir),
    ...checkSlaCoverage(dir, logic),
    ...checkPolicies(dir),
    ...checkOperations(dir),
  ];
  const failed = findings.some((f) => f.severity === "error");
  return { ...(failed ? {} : { config: shape.config }), findings };
}
