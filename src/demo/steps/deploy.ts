/** Step 4: `routeops deploy`, applying the plan the plan step saved (or planning afresh without one). */
import { markdownText as e } from "../markdown-text";
import { failureReason, runCommand, type CommandSettings } from "../command-runner";
import { planLine, type PlanEnvelope } from "./plan-envelope";
import type { StepOutcome } from "./step";

/** What to deploy, where. */
export interface DeployStepOptions {
  config: string;
  baseUrl: string;
  at: number;
  /** The plan the plan step saved; without it, deploy plans for itself. */
  savedPlan?: string;
}

interface DeployEnvelope {
  status: "applied" | "no-changes" | "refused" | "failed" | "error";
  plan: PlanEnvelope | null;
  refusals: { code?: string; message: string }[];
  applied: { op: string; key: string; id?: string }[];
  notApplied: { op: string; key: string }[];
  flows: Record<string, { id: string; revisionId: string }>;
  error: { code: string; message: string } | null;
  apiCalls: number | null;
}

/** Runs the deploy; ok when it applied every write, or had nothing to do. */
export async function deployStep(options: DeployStepOptions, settings: CommandSettings): Promise<StepOutcome> {
  const target = ["--hubspot-base-url", options.baseUrl, "--format", "json"];
  const argv = options.savedPlan
    ? ["--plan-file", options.savedPlan, ...target]
    : ["--config", options.config, "--at", new Date(options.at).toISOString(), "--mode", "workflows", ...target];
  const run = await runCommand("deploy", argv, settings);
  if (!run.found)
    return { status: "failed", summary: "this build has no `routeops deploy` command (src/cli/commands/deploy.ts)" };
  let envelope: DeployEnvelope;
  try {
    envelope = JSON.parse(run.out) as DeployEnvelope;
  } catch {
    return { status: "failed", summary: failureReason(run, "deploy") };
  }
  const reports = [
    { name: "deploy.json", text: run.out },
    { name: "deploy.md", text: deployMarkdown(envelope, options.savedPlan !== undefined) },
  ];
  const ok = run.code === 0 && (envelope.status === "applied" || envelope.status === "no-changes");
  const calls = envelope.apiCalls === null ? "" : ` (${envelope.apiCalls} HubSpot API calls)`;
  const enabled = envelope.applied.filter((w) => w.op === "enable-flow").length;
  const summary = ok
    ? envelope.status === "no-changes"
      ? `nothing to do: the portal already matches${calls}`
      : `applied ${envelope.applied.length} writes${calls}: ${envelope.plan?.summary ? planLine(envelope.plan.summary).replace(/^Plan: /, "") : ""}; ${enabled} workflows enabled`
    : `${envelope.status}: ${envelope.error?.message ?? failureReason(run, "deploy")}`;
  const details = ok
    ? [
        `${options.savedPlan ? "the saved plan was applied" : "planned and applied"}; workflows were created disabled and enabled last`,
      ]
    : [
        ...envelope.refusals.map((r) => r.message),
        ...(envelope.notApplied.length > 0 ? [`not applied: ${envelope.notApplied.length} writes`] : []),
      ];
  return {
    status: ok ? "ok" : "failed",
    summary,
    details,
    reports,
    figures: {
      status: envelope.status,
      writes: envelope.applied.length,
      notApplied: envelope.notApplied.length,
      workflowsEnabled: enabled,
      apiCalls: envelope.apiCalls,
    },
  };
}

/** The deploy result for people: the outcome, every write in order, the workflows and their ids. */
function deployMarkdown(envelope: DeployEnvelope, fromSavedPlan: boolean): string {
  const out = ["# RouteOps deploy", ""];
  out.push(`Status: **${e(envelope.status)}**${fromSavedPlan ? " (the plan saved by the plan step)" : ""}.`);
  if (envelope.plan?.summary) out.push("", e(planLine(envelope.plan.summary)) + ".");
  if (envelope.error) out.push("", `Error: ${e(envelope.error.message)} (${e(envelope.error.code)})`);
  for (const refusal of envelope.refusals) out.push("", `Refused: ${e(refusal.message)}`);
  if (envelope.applied.length > 0) {
    out.push("", "## Writes, in order", "", "| # | write | object |", "|---|---|---|");
    envelope.applied.forEach((w, i) => out.push(`| ${i + 1} | ${e(w.op)} | ${e(w.key)} |`));
  }
  if (envelope.notApplied.length > 0) {
    out.push("", "## Not applied", "");
    for (const w of envelope.notApplied) out.push(`- ${e(w.op)} ${e(w.key)}`);
  }
  const flows = Object.entries(envelope.flows);
  if (flows.length > 0) {
    out.push("", "## Workflows", "", "| workflow | id | revision |", "|---|---|---|");
    for (const [name, flow] of flows) out.push(`| ${e(name)} | ${e(flow.id)} | ${e(flow.revisionId)} |`);
  }
  if (envelope.apiCalls !== null) out.push("", `HubSpot API calls: ${envelope.apiCalls}.`);
  return out.join("\n") + "\n";
}
