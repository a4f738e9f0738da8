/**
 * The decision log as the audit reads it: every lead the router decided in a window, with who
 * has it now (the decision's owner, or the latest reassignment's), who was skipped and why, the
 * SLA due time and the escalation steps run.
 */
import type { LoggedLead } from "../audit/operations";
import type { Decision } from "../engine/types";
import type { Sql } from "./database";

function num(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

function parse<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** Leads decided with a request instant in [`from`, `to`), oldest first. */
export async function readDecisionLog(db: Sql, from: number, to: number): Promise<LoggedLead[]> {
  const result = await db.query<Record<string, unknown>>(
    `SELECT d.contact_id, d.requested_at, d.system, d.current_owner_email, d.current_pool, d.decision,
            COALESCE((SELECT json_agg(json_build_object('action', e.action, 'dueAt', e.due_at) ORDER BY e.step_index)
                        FROM escalation_steps e
                       WHERE e.contact_id = d.contact_id AND e.requested_at = d.requested_at AND e.round = d.round),
                     '[]') AS steps
       FROM decisions d
      WHERE d.requested_at >= $1 AND d.requested_at < $2
      ORDER BY d.requested_at, d.contact_id, d.round`,
    [from, to],
  );
  return result.rows.map((row) => {
    const decision = parse<Decision>(row.decision);
    const steps = parse<{ action: string; dueAt: unknown }[]>(row.steps);
    return {
      contactId: String(row.contact_id),
      requestedAt: num(row.requested_at),
      system: String(row.system),
      sourceType: decision.sourceType ?? null,
      // Who has the lead now: the decided owner, or the latest reassignment's (migration 004).
      pool: (row.current_pool as string | null) ?? null,
      owner: (row.current_owner_email as string | null) ?? null,
      skipped: (decision.skipped ?? []).map((s) => ({ rep: s.rep, reason: s.reason })),
      slaDueAt: decision.slaDueAt ?? null,
      escalations: steps.map((s) => ({ action: s.action, dueAt: num(s.dueAt) })),
    };
  });
}
