/** Step 4: the `deploy` use case, applying the plan the plan step saved (or planning afresh without one). */
import { deployEnvelope } from "../../deploy";
import { deployToPortal, type DeployResult } from "../../usecases/deploy";
import { markdownText as e } from "../markdown-text";
import type { Sleep } from "../leads/emulator-http";
import { planLine, portalAdapter, type DemoPortal } from "./portal";
import type { StepOutcome } from "./step";

/** What to deploy. */
export interface DeployStepOptions {
  config: string;
  at: number;
  /** The plan the plan step saved; without it, deploy plans for itself. */
  savedPlan?: string;
  wallClock: () => number;
  sleep: Sleep;
}

/** Runs the deploy; ok when it applied every write, or had nothing to do. */
export async function deployStep(options: DeployStepOptions, portal: DemoPortal): Promise<StepOutcome> {
  const result = await deployToPortal(
    {
      config: options.config,
      cwd: portal.cwd,
      adopt: false,
      at: options.at,
      mode: portal.mode,
      ...(options.savedPlan ? { planFile: options.savedPlan } : {}),
      allowDestroy: false,
      // The demo's portal is its own: nobody else deploys to it.
      lockWaitMs: 0,
      holder: "routeops demo",
    },
    { hubspot: portalAdapter(portal), wallClock: options.wallClock, sleep: options.sleep },
  );
  const envelope = deployEnvelope({
    status: result.status,
    plan: result.plan,
    refusals: result.refusals,
    ...(result.result ? { result: result.result } : {}),
    ...(result.error ? { error: result.error } : {}),
    apiCalls: result.apiCalls,
  });
  const reports = [
    { name: "deploy.json", text: `${JSON.stringify(envelope, null, 2)}\n` },
    { name: "deploy.md", text: deployMarkdown(result, options.savedPlan !== undefined) },
  ];
  const ok = result.status === "applied" || result.status === "no-changes";
  const applied = result.result?.applied ?? [];
  const notApplied = result.result?.notApplied ?? [];
  const enabled = applied.filter((w) => w.op === "enable-flow").length;
  const calls = ` (${result.apiCalls} HubSpot API calls)`;
  const summary = ok
    ? result.status === "no-changes"
      ? `nothing to do: the portal already matches${calls}`
      : `applied ${applied.length} writes${calls}: ${result.plan ? planLine(result.plan.summary).replace(/^Plan: /, "") : ""}; ${enabled} workflows enabled`
    : `${result.status}: ${result.error?.message ?? result.refusals[0]?.message.split("\n")[0] ?? "nothing was written"}`;
  const details = ok
    ? [
        `${options.savedPlan ? "the saved plan was applied" : "planned and applied"}; workflows were created disabled and enabled last`,
      ]
    : [
        ...result.refusals.map((r) => r.message),
        ...(result.error?.details ?? []),
        ...(notApplied.length > 0 ? [`not applied: ${notApplied.length} writes`] : []),
      ];
  return {
    status: ok ? "ok" : "failed",
    summary,
    details,
    reports,
    figures: {
      status: result.status,
      mode: result.plan?.mode ?? portal.mode,
      writes: applied.length,
      notApplied: notApplied.length,
      workflowsEnabled: enabled,
      apiCalls: result.apiCalls,
    },
  };
}

/** The deploy result for people: the outcome, every write in order, the workflows and their ids. */
function deployMarkdown(result: DeployResult, fromSavedPlan: boolean): string {
  const out = ["# RouteOps deploy", ""];
  out.push(`Status: **${e(result.status)}**${fromSavedPlan ? " (the plan saved by the plan step)" : ""}.`);
  if (result.plan) out.push("", `Mode: ${e(result.plan.mode)}. ${e(planLine(result.plan.summary))}.`);
  if (result.error) out.push("", `Error: ${e(result.error.message)} (${e(result.error.code)})`);
  for (const refusal of result.refusals) out.push("", `Refused: ${e(refusal.message)}`);
  const applied = result.result?.applied ?? [];
  if (applied.length > 0) {
    out.push("", "## Writes, in order", "", "| # | write | object |", "|---|---|---|");
    applied.forEach((w, i) => out.push(`| ${i + 1} | ${e(w.op)} | ${e(w.key)} |`));
  }
  const notApplied = result.result?.notApplied ?? [];
  if (notApplied.length > 0) {
    out.push("", "## Not applied", "");
    for (const w of notApplied) out.push(`- ${e(w.op)} ${e(w.key)}`);
  }
  const flows = Object.entries(result.result?.flows ?? {});
  if (flows.length > 0) {
    out.push("", "## Workflows", "", "| workflow | id | revision |", "|---|---|---|");
    for (const [name, flow] of flows) out.push(`| ${e(name)} | ${e(flow.id)} | ${e(flow.revisionId)} |`);
  }
  out.push("", `HubSpot API calls: ${result.apiCalls}.`);
  return out.join("\n") + "\n";
}
