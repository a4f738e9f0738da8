/** Step 3: `routeops plan` against the emulator, saved for the deploy step (plan, then apply that plan). */
import { access } from "node:fs/promises";
import path from "node:path";
import { failureReason, runCommand, type CommandSettings } from "../command-runner";
import { apiCalls, type PlanEnvelope, planLine, warningLines } from "./plan-envelope";
import type { StepOutcome } from "./step";

/** Where and for when to plan. */
export interface PlanStepOptions {
  config: string;
  baseUrl: string;
  /** The instant the routing is compiled for (out-of-office), epoch ms. */
  at: number;
  /** A private folder; the saved plan goes there. */
  scratch: string;
  /** Read-only run against a real portal: the plan is shown, never applied. */
  readOnly?: boolean;
}

/** The outcome, and the saved plan's path when there is one for `deploy --plan-file`. */
export async function planStep(
  options: PlanStepOptions,
  settings: CommandSettings,
): Promise<{ outcome: StepOutcome; savedPlan?: string }> {
  const savedPlan = path.join(options.scratch, "saved-plan.json");
  const common = [
    "--config",
    options.config,
    "--hubspot-base-url",
    options.baseUrl,
    "--at",
    new Date(options.at).toISOString(),
    // The demo's leads are routed by the deployed workflows themselves (no router runs in it yet).
    "--mode",
    "workflows",
  ];
  const run = await runCommand("plan", [...common, "--format", "json", "--out", savedPlan], settings);
  if (!run.found) {
    return {
      outcome: { status: "failed", summary: "this build has no `routeops plan` command (src/cli/commands/plan.ts)" },
    };
  }
  let envelope: PlanEnvelope;
  try {
    envelope = JSON.parse(run.out) as PlanEnvelope;
  } catch {
    return { outcome: { status: "failed", summary: failureReason(run, "plan") } };
  }
  const reports = [{ name: "plan.json", text: run.out }];
  if (envelope.status === "error" || !envelope.summary) {
    const details = envelope.error?.details ?? [];
    return {
      outcome: { status: "failed", summary: envelope.error?.message ?? failureReason(run, "plan"), details, reports },
    };
  }
  // The same plan for people: Markdown, as a pull-request comment shows it.
  const markdown = await runCommand("plan", [...common, "--format", "markdown"], settings);
  if (markdown.found && markdown.code === 0) reports.push({ name: "plan.md", text: markdown.out });
  const saved = await access(savedPlan).then(
    () => true,
    () => false,
  );
  const details = [
    ...(envelope.drift ?? []).map((d) => `changed outside RouteOps: ${d.message}`),
    ...warningLines(envelope.warnings ?? []),
    ...(options.readOnly ? ["not applied: read-only run against your portal (apply with routeops deploy)"] : []),
    ...(saved && !options.readOnly
      ? ["saved for the deploy step (routeops plan --out FILE, then routeops deploy --plan-file FILE)"]
      : []),
  ];
  const calls = apiCalls(run.err);
  const outcome: StepOutcome = {
    status: run.code === 0 && saved ? "ok" : "failed",
    summary:
      run.code === 0
        ? `${planLine(envelope.summary)}${calls === null ? "" : ` (${calls} HubSpot API calls)`}`
        : failureReason(run, "plan"),
    details,
    reports,
    figures: { ...envelope.summary, warnings: (envelope.warnings ?? []).length, apiCalls: calls },
  };
  return saved ? { outcome, savedPlan } : { outcome };
}
