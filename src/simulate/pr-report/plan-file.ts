/**
 * The saved plan (`routeops plan --out FILE`, the `routeops.plan/1` JSON envelope) read back into
 * a plan, so that the pull-request comment shows it with the deploy's own Markdown renderer.
 */
import { z } from "zod";
import {
  PLAN_COMMENT_MARKER,
  PLAN_SCHEMA,
  renderPlanMarkdown,
  type DeployWarningCode,
  type Plan,
  type PlanItem,
} from "../../deploy";

const change = z.object({ path: z.string(), from: z.unknown(), to: z.unknown() });

const envelopeSchema = z.object({
  schema: z.literal(PLAN_SCHEMA),
  configVersion: z.string(),
  computedFor: z.string(),
  summary: z.object({
    add: z.number(),
    change: z.number(),
    destroy: z.number(),
    unchanged: z.number(),
    unmanaged: z.number(),
    blocked: z.number(),
    drift: z.number(),
  }),
  fingerprint: z.object({ live: z.string(), flowRevisions: z.record(z.string(), z.string()) }),
  items: z.array(
    z.object({
      kind: z.enum(["group", "property", "flow"]),
      key: z.string(),
      action: z.enum(["create", "update", "delete", "archive", "noop", "unmanaged", "blocked"]),
      id: z.string().nullable(),
      revisionId: z.string().nullable(),
      adopt: z.boolean(),
      enable: z.boolean(),
      reason: z.string().nullable(),
      changes: z.array(change),
    }),
  ),
  drift: z.array(
    z.object({
      kind: z.enum(["group", "property", "flow"]),
      key: z.string(),
      drift: z.enum(["changed", "disabled", "archived"]),
      fields: z.array(z.string()),
      deployedVersion: z.string().nullable(),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), subject: z.string().nullable(), message: z.string() })),
});

/** A plan file read back, or why it could not be. */
export type PlanFileRead = { ok: true; plan: Plan } | { ok: false; message: string };

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** Reads the text of a plan file (JSON). The message of a failure names the path inside the envelope. */
export function readPlanFile(text: string): PlanFileRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: "is not JSON: expected the plan envelope that `routeops plan --out FILE` writes" };
  }
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "the file";
    return { ok: false, message: `${where}: ${issue.message} (expected a ${PLAN_SCHEMA} envelope)` };
  }
  const envelope = parsed.data;
  const computedFor = Date.parse(envelope.computedFor);
  if (!Number.isFinite(computedFor)) return { ok: false, message: "computedFor: is not a date-time" };
  const items = envelope.items.map((item): PlanItem => ({
    kind: item.kind,
    key: item.key,
    action: item.action,
    changes: item.changes.map((c) => ({ path: c.path, from: orUndefined(c.from), to: orUndefined(c.to) })),
    ...(item.id !== null ? { id: item.id } : {}),
    ...(item.revisionId !== null ? { revisionId: item.revisionId } : {}),
    ...(item.reason !== null ? { reason: item.reason } : {}),
    ...(item.adopt ? { adopt: true } : {}),
    ...(item.enable ? { enable: true } : {}),
  }));
  return {
    ok: true,
    plan: {
      configVersion: envelope.configVersion,
      computedFor,
      fingerprint: envelope.fingerprint,
      items,
      drift: envelope.drift,
      warnings: envelope.warnings.map((w) => ({
        code: w.code as DeployWarningCode,
        message: w.message,
        ...(w.subject !== null ? { subject: w.subject } : {}),
      })),
      summary: envelope.summary,
    },
  };
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
