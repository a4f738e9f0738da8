/**
 * `plan`: load and validate the routing config, read the portal, compile the desired state for it
 * and diff. Returns the plan and what stands in its way; the CLI and the demo render it.
 */
import { hasErrors } from "../config/diagnostics";
import type { DeployMode } from "../config/types";
import {
  deployRefusals,
  desiredState,
  destructiveChanges,
  planDeploy,
  savePlan,
  type DeployError,
  type DeployRefusal,
  type PlannedDeploy,
} from "../deploy";
import { RouteOpsError } from "../errors";
import { loadAndValidate } from "../files/config-loader";
import { PlanFileError, writeSavedPlan } from "../files/plan-file";
import type { HubSpotAdapter } from "../hubspot";
import type { PortalLiveState } from "../hubspot/live-state";
import { formatDiagnosticsText } from "../report/diagnostics";
import { readPortal } from "./portal";

/** What `plan` and `deploy` share: which config, from where, and for which instant. */
export interface PlanRequest {
  /** Routing config module, relative to `cwd`. */
  config: string;
  cwd: string;
  /** Take over objects that have RouteOps' names but no managed marker. */
  adopt: boolean;
  /** The instant the routing is compiled for (out-of-office), epoch ms. */
  at: number;
  /** Overrides the config's `deploy.mode` (default router). */
  mode?: DeployMode;
}

/** A plan made against the portal, with the live state it was made from. */
export interface PortalPlan {
  planned: PlannedDeploy;
  live: PortalLiveState;
}

function deployErrorLine(error: DeployError): string {
  return `${error.path ? `${error.path}: ` : ""}${error.message} [${error.code}]`;
}

/**
 * Loads and validates the config, reads the portal and plans. Throws a {@link RouteOpsError} on
 * config errors (`invalid_config`), owners or other compile errors, and missing action types.
 */
export async function planAgainstPortal(request: PlanRequest, hubspot: HubSpotAdapter): Promise<PortalPlan> {
  const { config, diagnostics } = loadAndValidate(request.config, {
    cwd: request.cwd,
    today: new Date(request.at).toISOString().slice(0, 10),
  });
  if (!config || hasErrors(diagnostics)) {
    throw new RouteOpsError(
      "invalid_config",
      `the routing config ${request.config} does not validate: fix these errors, then plan again`,
      {
        lines: formatDiagnosticsText(diagnostics.filter((d) => d.severity === "error"))
          .trimEnd()
          .split("\n"),
      },
    );
  }
  const live = await readPortal(hubspot);
  const desired = desiredState(config, {
    owners: live.owners,
    at: request.at,
    ...(request.mode ? { mode: request.mode } : {}),
  });
  if ("errors" in desired) {
    throw new RouteOpsError(
      desired.errors[0]?.code ?? "desired_state",
      `the routing config ${request.config} cannot be compiled for this portal ` +
        `(${desired.errors.length} ${desired.errors.length === 1 ? "error" : "errors"}):`,
      { lines: desired.errors.map(deployErrorLine) },
    );
  }
  const planned = planDeploy(desired.state, live, { adopt: request.adopt });
  const missing = deployRefusals(planned, { allowDestroy: true, portalActionTypes: live.actionTypes }).filter(
    (refusal) => refusal.code === "action_type_missing",
  );
  if (missing.length > 0) {
    throw new RouteOpsError("action_type_missing", "the portal lacks workflow action types the routing needs:", {
      lines: missing.flatMap((refusal) => refusal.message.split("\n")),
    });
  }
  return { planned, live };
}

/** `plan`'s input: the request, and where to save the plan for `deploy --plan-file`. */
export interface MakePlanInput extends PlanRequest {
  /** Save the plan here (relative to `cwd`). */
  out?: string;
  /** The commit the config comes from, recorded in the saved plan. */
  gitCommit?: string | null;
}

/** What `plan` found. */
export interface PlanResult extends PortalPlan {
  /** Why this plan cannot be deployed as it is (empty when it can). */
  refusals: DeployRefusal[];
  /** What deploying it would destroy (needs `--allow-destroy`). */
  destroys: string[];
  /** The saved plan's absolute path, when `out` was given. */
  savedTo?: string;
  /** HubSpot API calls made. */
  apiCalls: number;
}

/** Plans against the portal and saves the plan when asked; throws a {@link RouteOpsError} when it cannot. */
export async function makePlan(input: MakePlanInput, ports: { hubspot: HubSpotAdapter }): Promise<PlanResult> {
  const { planned, live } = await planAgainstPortal(input, ports.hubspot);
  let savedTo: string | undefined;
  if (input.out !== undefined) {
    const saved = savePlan(planned, live, { gitCommit: input.gitCommit ?? null, configFile: input.config });
    try {
      savedTo = await writeSavedPlan(input.out, saved, input.cwd);
    } catch (error) {
      if (error instanceof PlanFileError) throw new RouteOpsError("plan_file", error.message);
      throw error;
    }
  }
  return {
    planned,
    live,
    refusals: deployRefusals(planned, { allowDestroy: true, portalActionTypes: live.actionTypes }),
    destroys: destructiveChanges(planned.plan).map((entry) => entry.what),
    ...(savedTo !== undefined ? { savedTo } : {}),
    apiCalls: ports.hubspot.requests.count(),
  };
}
