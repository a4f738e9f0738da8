/**
 * Reading a `routeops.plan/1` envelope (see `json.ts`) back into a plan. One schema and one
 * conversion, shared by `routeops deploy --plan-file` (which extends the schema with the bodies to
 * write and the `saved` section) and the pull-request comment (which only shows the plan).
 */
import { z } from "zod";
import type { DeployWarningCode } from "../diagnostics";
import type { Plan, PlanItem } from "../plan/types";
import { PLAN_SCHEMA } from "./json";

const kind = z.enum(["group", "property", "flow"]);

/** One item of the envelope, without the body it writes. */
export const planItemSchema = z.object({
  kind,
  key: z.string().min(1),
  action: z.enum(["create", "update", "delete", "archive", "noop", "unmanaged", "blocked"]),
  id: z.string().nullable(),
  revisionId: z.string().nullable(),
  adopt: z.boolean(),
  enable: z.boolean(),
  reason: z.string().nullable(),
  changes: z.array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown() })),
});

/** The envelope `planEnvelope` writes. */
export const planEnvelopeSchema = z.object({
  schema: z.literal(PLAN_SCHEMA),
  configVersion: z.string(),
  // Plans saved before deploy modes existed were workflows-mode plans.
  mode: z.enum(["router", "workflows"]).default("workflows"),
  computedFor: z.iso.datetime(),
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
  items: z.array(planItemSchema),
  drift: z.array(
    z.object({
      kind,
      key: z.string(),
      drift: z.enum(["changed", "disabled", "archived"]),
      fields: z.array(z.string()),
      deployedVersion: z.string().nullable(),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), subject: z.string().nullable(), message: z.string() })),
});

export type PlanEnvelopeDocument = z.infer<typeof planEnvelopeSchema>;
type PlanItemDocument = z.infer<typeof planItemSchema>;

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** The plan an envelope describes; `extra` adds what a richer document carries per item (bodies). */
export function planFromEnvelope<I extends PlanItemDocument>(
  document: Omit<PlanEnvelopeDocument, "items"> & { items: I[] },
  extra: (item: I) => Partial<PlanItem> = () => ({}),
): Plan {
  const items = document.items.map((item): PlanItem => ({
    kind: item.kind,
    key: item.key,
    action: item.action,
    changes: item.changes.map((c) => ({ path: c.path, from: orUndefined(c.from), to: orUndefined(c.to) })),
    ...(item.id !== null ? { id: item.id } : {}),
    ...(item.revisionId !== null ? { revisionId: item.revisionId } : {}),
    ...(item.reason !== null ? { reason: item.reason } : {}),
    ...(item.adopt ? { adopt: true } : {}),
    ...(item.enable ? { enable: true } : {}),
    ...extra(item),
  }));
  return {
    configVersion: document.configVersion,
    mode: document.mode,
    computedFor: Date.parse(document.computedFor),
    fingerprint: document.fingerprint,
    items,
    drift: document.drift,
    warnings: document.warnings.map((w) => ({
      code: w.code as DeployWarningCode,
      message: w.message,
      ...(w.subject !== null ? { subject: w.subject } : {}),
    })),
    summary: document.summary,
  };
}
