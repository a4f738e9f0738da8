/**
 * `--fail-on`: which kinds of finding make the audit exit non-zero.
 */
import type { AuditReport } from "./model";

export type FailOnCheck = "drift" | "unclassified" | "sla";

export const FAIL_ON_CHECKS: readonly FailOnCheck[] = ["drift", "unclassified", "sla"];

/** Parses `drift,unclassified,sla` (any subset, any order); throws with the allowed values. */
export function parseFailOn(value: string): FailOnCheck[] {
  const checks: FailOnCheck[] = [];
  for (const part of value.split(",").map((word) => word.trim().toLowerCase())) {
    if (part === "") continue;
    if (!(FAIL_ON_CHECKS as readonly string[]).includes(part)) {
      throw new Error(
        `--fail-on: unknown check "${part}"; expected a comma-separated list of ${FAIL_ON_CHECKS.join(", ")}`,
      );
    }
    if (!checks.includes(part as FailOnCheck)) checks.push(part as FailOnCheck);
  }
  if (checks.length === 0) throw new Error(`--fail-on: expected at least one of ${FAIL_ON_CHECKS.join(", ")}`);
  return checks;
}

/**
 * The checks that found something: `drift` any drift item, `unclassified` any contact created
 * in the window without a source type, `sla` any SLA breach in any system.
 */
export function failedChecks(report: AuditReport, checks: readonly FailOnCheck[]): FailOnCheck[] {
  const counts: Record<FailOnCheck, number> = {
    drift: report.findings.drift,
    unclassified: report.findings.unclassified,
    sla: report.findings.slaBreaches,
  };
  return checks.filter((check) => counts[check] > 0);
}
