/** Step 3: the `plan` use case against the portal, saved for the deploy step (plan, then apply that plan). */
import path from "node:path";
import { describeDrift, renderPlanJson, renderPlanMarkdown } from "../../deploy";
import { RouteOpsError } from "../../errors";
import { makePlan } from "../../usecases/plan";
import { planLine, portalAdapter, warningLines, type DemoPortal } from "./portal";
import type { StepOutcome } from "./step";

/** What and for when to plan. */
export interface PlanStepOptions {
  config: string;
  /** The instant the routing is compiled for (out-of-office), epoch ms. */
  at: number;
  /** A private folder; the saved plan goes there. */
  scratch: string;
  /** Read-only run against a real portal: the plan is shown, never applied. */
  readOnly?: boolean;
}

/** The outcome, and the saved plan's path for the deploy step. */
export async function planStep(
  options: PlanStepOptions,
  portal: DemoPortal,
): Promise<{ outcome: StepOutcome; savedPlan?: string }> {
  const hubspot = portalAdapter(portal);
  let result;
  try {
    result = await makePlan(
      {
        config: options.config,
        cwd: portal.cwd,
        adopt: false,
        at: options.at,
        mode: portal.mode,
        ...(options.readOnly ? {} : { out: path.join(options.scratch, "saved-plan.json") }),
      },
      { hubspot },
    );
  } catch (error) {
    if (!(error instanceof RouteOpsError)) throw error;
    return { outcome: { status: "failed", summary: error.message, details: [...error.lines] } };
  }
  const { plan } = result.planned;
  const reports = [
    { name: "plan.json", text: renderPlanJson(plan) },
    // The same plan for people: Markdown, as a pull-request comment shows it.
    { name: "plan.md", text: renderPlanMarkdown(plan) },
  ];
  const details = [
    `mode: ${plan.mode === "router" ? "router (capture workflows; routeops router decides)" : "workflows (the routing runs in HubSpot workflows)"}`,
    ...plan.drift.map((d) => `changed outside RouteOps: ${describeDrift(d)}`),
    ...warningLines(plan.warnings),
    ...result.refusals.map((refusal) => `cannot be deployed: ${refusal.message.split("\n")[0]}`),
    ...(options.readOnly ? ["not applied: read-only run against your portal (apply with routeops deploy)"] : []),
    ...(result.savedTo
      ? ["saved for the deploy step (routeops plan --out FILE, then routeops deploy --plan-file FILE)"]
      : []),
  ];
  const outcome: StepOutcome = {
    status: result.refusals.length === 0 ? "ok" : "failed",
    summary: `${planLine(plan.summary)} (${result.apiCalls} HubSpot API calls)`,
    details,
    reports,
    figures: { ...plan.summary, mode: plan.mode, warnings: plan.warnings.length, apiCalls: result.apiCalls },
  };
  return result.savedTo ? { outcome, savedPlan: result.savedTo } : { outcome };
}
