import {
  appliedWriteLine,
  applyOutcomeText,
  applyPlan,
  deployEnvelope,
  DeployPlanError,
  deployRefusals,
  hasChanges,
  renderPlanText,
  verifySavedPlan,
  type ApplyResult,
  type DeployRefusal,
  type DeployStatus,
  type Plan,
  type PlannedDeploy,
} from "../../deploy";
import { PlanFileError, readSavedPlan } from "../../files/plan-file";
import type { HubSpotAdapter } from "../../hubspot";
import { createDeployPort } from "../../hubspot/deploy-port";
import type { PortalLiveState } from "../../hubspot/live-state";
import { UsageError, type CliIO, type Command } from "../io";
import { parseCommandArgs } from "../args";
import {
  connectHubSpot,
  DeployCommandError,
  parseAt,
  parseFormat,
  planAgainstPortal,
  readPortal,
  secretSafe,
  type PlanFormat,
  type PortalRequest,
} from "./plan";

const usage = `Usage: routeops deploy [--plan-file FILE] [--allow-destroy] [--adopt] [--at DATE]
                       [--config FILE] [--hubspot-base-url URL] [--format text|json]

Applies the routing config to HubSpot: plans against the portal as it is now (or takes a plan
saved by \`routeops plan --out FILE\`), prints the plan, checks it, then writes in an order that
never leaves the portal half-routed: the property group, the properties (one batch), workflows
created disabled (or updated), deletes and archives, and last the workflows enabled.

Options:
  --plan-file FILE        apply this saved plan; refused when the portal changed since it was made
                          (then plan again). Not with --config, --adopt or --at: the plan fixed them
  --allow-destroy         allow archiving properties and deleting workflows the config no longer has
  --adopt                 take over objects that have the names RouteOps wants but no managed marker
  --at DATE               compute the routing for this instant (out-of-office): YYYY-MM-DD (12:00 UTC
                          that day) or an ISO date-time with a zone. Default: now
  --config FILE           routing config module (default: routing/index.ts)
  --hubspot-base-url URL  API root (default: HUBSPOT_BASE_URL, else https://api.hubapi.com)
  --format FORMAT         text (default) or json (one routeops.deploy/1 envelope at the end)

The token is read from HUBSPOT_ACCESS_TOKEN and never printed.

Exit codes: 0 applied, or nothing to do; 1 refused before any write (stale saved plan, missing
action types, destroys without --allow-destroy, objects RouteOps cannot write), or a write failed
(the output says what was applied and what was not; run deploy again to finish); 2 bad usage.`;

interface DeployOptions extends PortalRequest {
  planFile?: string;
  allowDestroy: boolean;
  format: PlanFormat;
}

function parseOptions(argv: string[], io: CliIO, now: () => number): DeployOptions {
  const { values } = parseCommandArgs(argv, {
    "plan-file": { type: "string" },
    "allow-destroy": { type: "boolean" },
    adopt: { type: "boolean" },
    at: { type: "string" },
    config: { type: "string" },
    "hubspot-base-url": { type: "string" },
    format: { type: "string" },
  });
  const planFile = values["plan-file"];
  if (planFile !== undefined) {
    const fixed = (["config", "adopt", "at"] as const).filter((name) => values[name] !== undefined);
    if (fixed.length > 0) {
      throw new UsageError(
        `--plan-file cannot be combined with ${fixed.map((name) => `--${name}`).join(", ")}: the saved plan already fixed them`,
      );
    }
    if (planFile.trim() === "") throw new UsageError("--plan-file needs a file name");
  }
  const baseUrl = values["hubspot-base-url"] ?? io.env.HUBSPOT_BASE_URL;
  return {
    config: values.config ?? "routing/index.ts",
    adopt: values.adopt === true,
    at: values.at !== undefined ? parseAt(values.at) : now(),
    ...(baseUrl ? { baseUrl } : {}),
    ...(planFile !== undefined ? { planFile } : {}),
    allowDestroy: values["allow-destroy"] === true,
    format: parseFormat(values.format, ["text", "json"]),
  };
}

/** The saved plan, checked against the portal as it is now. */
async function savedPlanForPortal(
  file: string,
  io: CliIO,
  hubspot: HubSpotAdapter,
): Promise<{ planned: PlannedDeploy; live: PortalLiveState }> {
  let saved;
  try {
    saved = await readSavedPlan(file, io.cwd);
  } catch (error) {
    if (error instanceof PlanFileError) throw new DeployCommandError("plan_file", error.message);
    throw error;
  }
  const live = await readPortal(hubspot);
  const check = verifySavedPlan(saved, live);
  if (!check.ok) {
    throw new DeployCommandError(
      "stale_plan",
      `the saved plan ${file} no longer matches the HubSpot portal, so nothing was written. ` +
        "Run `routeops plan` again and review the new plan. What changed since it was made:",
      check.reasons,
    );
  }
  return { planned: saved.planned, live };
}

function errorMessage(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === "string" ? code : "write_failed", message: error.message };
  }
  return { code: "write_failed", message: String(error) };
}

async function runDeploy(options: DeployOptions, io: CliIO): Promise<number> {
  const json = options.format === "json";
  const text = (chunk: string) => {
    if (!json) io.stdout.write(chunk);
  };
  let hubspot: HubSpotAdapter | undefined;
  let plan: Plan | null = null;
  const finish = (
    status: DeployStatus,
    exitCode: number,
    extra: {
      refusals?: DeployRefusal[];
      result?: ApplyResult;
      error?: { code: string; message: string; details?: string[] };
    } = {},
  ) => {
    const apiCalls = hubspot ? hubspot.requests.count() : null;
    if (json) io.stdout.write(`${JSON.stringify(deployEnvelope({ status, plan, apiCalls, ...extra }), null, 2)}\n`);
    if (apiCalls !== null) io.stderr.write(`HubSpot API calls: ${apiCalls}\n`);
    return exitCode;
  };

  try {
    hubspot = connectHubSpot(io, options.baseUrl);
    const { planned, live } = options.planFile
      ? await savedPlanForPortal(options.planFile, io, hubspot)
      : await planAgainstPortal(options, io, hubspot);
    plan = planned.plan;
    text(renderPlanText(plan));

    const refusals = deployRefusals(planned, {
      allowDestroy: options.allowDestroy,
      portalActionTypes: live.actionTypes,
    });
    if (refusals.length > 0) {
      io.stderr.write("routeops deploy: nothing was written:\n");
      for (const refusal of refusals) io.stderr.write(`  ${refusal.message.split("\n").join("\n  ")}\n`);
      return finish("refused", 1, { refusals });
    }
    if (!hasChanges(plan)) return finish("no-changes", 0);

    const port = createDeployPort(hubspot);
    text("\nApplying the plan:\n");
    const result = await applyPlan(plan, port, { onWrite: (applied) => text(`${appliedWriteLine(applied)}\n`) });
    const error = result.failed ? errorMessage(result.failed.error) : null;
    text(`\n${applyOutcomeText(plan, result, error?.message ?? null)}`);
    if (!result.ok && json) io.stderr.write(applyOutcomeText(plan, result, error?.message ?? null));
    return finish(result.ok ? "applied" : "failed", result.ok ? 0 : 1, { result, ...(error ? { error } : {}) });
  } catch (error) {
    const failure =
      error instanceof DeployCommandError
        ? error
        : error instanceof DeployPlanError
          ? new DeployCommandError("plan_file", `the saved plan cannot be applied: ${error.message}`)
          : undefined;
    if (!failure) throw error;
    io.stderr.write(`routeops deploy: ${failure.message}\n${failure.details.map((line) => `  ${line}\n`).join("")}`);
    return finish("error", 1, { error: { code: failure.code, message: failure.message, details: failure.details } });
  }
}

/** `routeops deploy`, with an injectable clock for `--at`'s default. */
export function createDeployCommand(deps: { now?: () => number } = {}): Command {
  const now = deps.now ?? Date.now;
  return {
    name: "deploy",
    summary: "Apply the routing config (or a saved plan) to HubSpot, safely ordered",
    usage,
    run: async (argv, io) => {
      const safe = secretSafe(io);
      return runDeploy(parseOptions(argv, safe, now), safe);
    },
  };
}

export const deployCommand: Command = createDeployCommand();
