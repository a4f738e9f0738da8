/**
 * The audit's JSON output: one stable envelope, whether the audit succeeded, tripped a
 * `--fail-on` check or could not run. Machines read `status` and `exitCode`; the report is the
 * model of `model.ts` unchanged.
 */
import type { FailOnCheck } from "../fail-on";
import type { AuditReport } from "../model";

/** The envelope's schema id; bumped only on a breaking change of the envelope or the report. */
export const AUDIT_JSON_SCHEMA = "routeops.audit/v1";

export interface AuditEnvelope {
  schema: typeof AUDIT_JSON_SCHEMA;
  /** `ok`: no `--fail-on` check found anything. `failed`: one did (exit 3). `error`: no report (exit 1 or 2). */
  status: "ok" | "failed" | "error";
  exitCode: number;
  /** The checks asked for with `--fail-on`, and those that found something. */
  failOn: FailOnCheck[];
  failed: FailOnCheck[];
  /** HubSpot API calls the audit made (`null` when not counted). */
  apiCalls: number | null;
  report: AuditReport | null;
  error: { code: string; message: string } | null;
}

export function renderJson(envelope: AuditEnvelope): string {
  return JSON.stringify(envelope, null, 2) + "\n";
}
