/**
 * The saved plan (`routeops plan --out FILE`, the `routeops.plan/1` JSON envelope) read back into
 * a plan, so that the pull-request comment shows it with the deploy's own Markdown renderer.
 */
import {
  PLAN_COMMENT_MARKER,
  PLAN_SCHEMA,
  planEnvelopeSchema,
  planFromEnvelope,
  renderPlanMarkdown,
  type Plan,
} from "../../deploy";

/** A plan file read back, or why it could not be. */
export type PlanFileRead = { ok: true; plan: Plan } | { ok: false; message: string };

/** Reads the text of a plan file (JSON). The message of a failure names the path inside the envelope. */
export function readPlanFile(text: string): PlanFileRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: "is not JSON: expected the plan envelope that `routeops plan --out FILE` writes" };
  }
  const parsed = planEnvelopeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "the file";
    return { ok: false, message: `${where}: ${issue.message} (expected a ${PLAN_SCHEMA} envelope)` };
  }
  return { ok: true, plan: planFromEnvelope(parsed.data) };
}

/** The plan as a section of the PR comment: the deploy's rendering, without its own comment marker. */
export function planSection(plan: Plan): string {
  return renderPlanMarkdown(plan)
    .split("\n")
    .filter((line) => line !== PLAN_COMMENT_MARKER)
    .join("\n");
}

/** `3 to add, 1 to change, 0 to destroy` or `no changes`, for the summary table. */
export function planSummaryText(plan: Plan): string {
  const { add, change, destroy, blocked, drift } = plan.summary;
  const main =
    add + change + destroy === 0 ? "no changes" : `${add} to add, ${change} to change, ${destroy} to destroy`;
  const extra = [blocked > 0 ? `${blocked} blocked` : "", drift > 0 ? `${drift} changed outside RouteOps` : ""];
  return [main, ...extra.filter(Boolean)].join("; ");
}
