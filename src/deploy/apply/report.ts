/**
 * How a deploy reports what it did: one line per write as it lands, and at the end either the
 * summary or, after a failure, what was applied, what was not, and how to finish.
 */
import type { Plan } from "../plan/types";
import { planEnvelope } from "../render/json";
import type { AppliedWrite, ApplyResult } from "./apply-plan";
import type { DeployRefusal } from "./refusals";
import { describeWrite, type DeployWrite } from "./writes";

export const DEPLOY_SCHEMA = "routeops.deploy/1";

/** `  [3/28] create workflow "RouteOps: inbound routing" (disabled): done, id 1500000003`. */
export function appliedWriteLine(applied: AppliedWrite): string {
  const id = applied.flow && applied.write.op === "create-flow" ? `, id ${applied.flow.id}` : "";
  return `  [${applied.index}/${applied.total}] ${describeWrite(applied.write)}: done${id}`;
}

/** The last lines of a deploy: the summary, or what was and was not applied. `error` is already free of secrets. */
export function applyOutcomeText(plan: Plan, result: ApplyResult, error: string | null): string {
  const { add, change, destroy } = plan.summary;
  if (result.ok) {
    return (
      `Apply complete! Objects: ${add} added, ${change} changed, ${destroy} destroyed ` +
      `(${result.applied.length} ${result.applied.length === 1 ? "write" : "writes"}).\n`
    );
  }
  const lines: string[] = [];
  const position = result.applied.length + 1;
  const failed = result.failed?.write;
  lines.push(
    `Deploy failed at write ${position} of ${result.writes.length}${failed ? ` (${describeWrite(failed)})` : ""}:`,
    `  ${error ?? "unknown error"}`,
    "",
    `Applied (${result.applied.length}):`,
    ...(result.applied.length > 0 ? result.applied.map((write) => `  - ${describeWrite(write)}`) : ["  (nothing)"]),
    "",
    `Not applied (${result.notApplied.length}):`,
    ...result.notApplied.map((write, index) => `  - ${describeWrite(write)}${index === 0 ? "  <- failed" : ""}`),
    "",
    "Workflows this deploy created stay disabled until every other write is done, so the portal is not " +
      "half-routed. Run `routeops deploy` again (without --plan-file: the portal has changed since the saved " +
      "plan): it plans from the portal as it is now and finishes the job.",
  );
  return `${lines.join("\n")}\n`;
}

const writeJson = (write: DeployWrite) => ({
  op: write.op,
  key: write.key,
  ...("id" in write && write.id !== undefined ? { id: write.id } : {}),
});

export type DeployStatus = "applied" | "no-changes" | "refused" | "failed" | "error";

/** The JSON envelope of `routeops deploy --format json`. */
export function deployEnvelope(input: {
  status: DeployStatus;
  plan: Plan | null;
  refusals?: DeployRefusal[];
  result?: ApplyResult;
  /** The failed write's error, or why the deploy could not start (with more lines); free of secrets. */
  error?: { code: string; message: string; details?: string[] } | null;
  apiCalls: number | null;
}): Record<string, unknown> {
  const result = input.result;
  return {
    schema: DEPLOY_SCHEMA,
    status: input.status,
    plan: input.plan ? planEnvelope(input.plan) : null,
    refusals: (input.refusals ?? []).map((refusal) => ({ ...refusal })),
    applied: result ? result.applied.map(writeJson) : [],
    notApplied: result ? result.notApplied.map(writeJson) : [],
    failedWrite: result?.failed ? writeJson(result.failed.write) : null,
    flows: result ? result.flows : {},
    error: input.error ?? null,
    apiCalls: input.apiCalls,
  };
}
