import { hasErrors } from "../../config/diagnostics";
import { hubspotBounds } from "../hubspot-bounds";
import {
  deployRefusals,
  desiredState,
  destructiveChanges,
  hasChanges,
  PLAN_SCHEMA,
  planDeploy,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText,
  savePlan,
  type DeployError,
  type Plan,
  type PlannedDeploy,
} from "../../deploy";
import type { DeployMode } from "../../config/types";
import { loadAndValidate } from "../../files/config-loader";
import { resolveCommit } from "../../files/git-ref";
import { PlanFileError, writeSavedPlan } from "../../files/plan-file";
import { createHubSpotAdapter, HubSpotConfigError, HubSpotError, type HubSpotAdapter } from "../../hubspot";
import { readLiveState, type PortalLiveState } from "../../hubspot/live-state";
import { formatDiagnosticsText } from "../../report/diagnostics";
import { redactingIO, UsageError, type CliIO, type Command } from "../io";
import { parseCommandArgs } from "../args";

const usage = `Usage: routeops plan [--config FILE] [--format text|markdown|json] [--out FILE]
                     [--detailed-exitcode] [--adopt] [--at DATE] [--mode router|workflows]
                     [--hubspot-base-url URL]

Shows what \`routeops deploy\` would change in HubSpot: reads the portal (owners, the routeops
property group and properties, the RouteOps workflows, the workflow action types), compiles the
routing config for it, and prints the differences: objects changed outside RouteOps first, then
the changes, the HubSpot limitations that apply, and the summary line. Nothing is written.

Options:
  --config FILE           routing config module (default: routing/index.ts)
  --format FORMAT         text (default), markdown (for pull-request comments) or json
  --out FILE              also save the plan as JSON, for \`routeops deploy --plan-file FILE\`
  --detailed-exitcode     exit 0 when there are no changes, 2 when there are, 1 on error
  --adopt                 take over objects that have the names RouteOps wants but no managed marker
  --at DATE               compute the routing for this instant (out-of-office): YYYY-MM-DD (12:00 UTC
                          that day) or an ISO date-time with a zone. Default: now
  --mode MODE             router (default, or the config's deploy.mode): workflows only capture
                          events and stamp routing requests, \`routeops router\` decides; workflows:
                          the whole routing runs in HubSpot workflows, with HubSpot's limitations
  --hubspot-base-url URL  API root (default: HUBSPOT_BASE_URL, else https://api.hubapi.com)

The token is read from HUBSPOT_ACCESS_TOKEN and never printed.

Exit codes: 0 planned (with --detailed-exitcode: no changes); 2 changes (with --detailed-exitcode)
or bad usage; 1 the plan could not be made or cannot be applied (config errors, owners, missing
action types, objects RouteOps cannot write or that are in its way).`;

/** The output formats of `plan` and `deploy`. */
export type PlanFormat = "text" | "markdown" | "json";

/** A step of plan or deploy that failed: a stable code, what to say, and more lines when useful. */
export class DeployCommandError extends Error {
  override name = "DeployCommandError";
  constructor(
    readonly code: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** What `plan` and `deploy` share: where the config and the portal are, and for which instant. */
export interface PortalRequest {
  config: string;
  adopt: boolean;
  at: number;
  baseUrl?: string;
  /** `--mode`: overrides the config's `deploy.mode` (default router). */
  mode?: DeployMode;
}

const MODES: readonly DeployMode[] = ["router", "workflows"];

/** `--mode router|workflows`. */
export function parseMode(value: string | undefined): DeployMode | undefined {
  if (value === undefined) return undefined;
  if (!MODES.includes(value as DeployMode)) {
    throw new UsageError(`--mode must be one of ${MODES.join(", ")}, not "${value}"`);
  }
  return value as DeployMode;
}

/** A plan made against the portal, with the live state it was made from. */
export interface PortalPlan {
  planned: PlannedDeploy;
  live: PortalLiveState;
}

/** `--at`: a date (12:00 UTC that day: the same date in every calendar from UTC-11 to UTC+11) or a zoned date-time. */
export function parseAt(value: string): number {
  const text = value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i.test(text);
  const at = Date.parse(dateOnly ? `${text}T12:00:00Z` : text);
  const valid =
    (dateOnly || zoned) && Number.isFinite(at) && (!dateOnly || new Date(at).toISOString().slice(0, 10) === text);
  if (!valid) {
    throw new UsageError(
      `--at must be a date (YYYY-MM-DD) or an ISO date-time with a zone (2026-03-02T09:00:00Z), not "${value}"`,
    );
  }
  return at;
}

/** The adapter for the portal behind HUBSPOT_ACCESS_TOKEN; a clear error without a token. */
export function connectHubSpot(io: CliIO, baseUrl: string | undefined): HubSpotAdapter {
  const token = io.env.HUBSPOT_ACCESS_TOKEN?.trim();
  if (!token) {
    throw new DeployCommandError(
      "missing_token",
      "HUBSPOT_ACCESS_TOKEN is not set: set it to a private app token of the portal (scopes in docs/hubspot.md). " +
        "To try RouteOps without a portal, run `routeops demo`, or start a local HubSpot with `routeops emulator` " +
        "and pass its token and --hubspot-base-url.",
    );
  }
  try {
    return createHubSpotAdapter({ accessToken: token, ...(baseUrl ? { baseUrl } : {}), ...hubspotBounds(io) });
  } catch (error) {
    if (error instanceof HubSpotConfigError) throw new DeployCommandError("hubspot_config", error.message);
    throw error;
  }
}

/** Reads the portal, or says why it could not. */
export async function readPortal(hubspot: HubSpotAdapter): Promise<PortalLiveState> {
  try {
    return await readLiveState(hubspot);
  } catch (error) {
    if (error instanceof HubSpotError) {
      throw new DeployCommandError(error.code, `cannot read the HubSpot portal: ${error.message}`);
    }
    throw error;
  }
}

function deployErrorLine(error: DeployError): string {
  return `${error.path ? `${error.path}: ` : ""}${error.message} [${error.code}]`;
}

/** Loads and validates the config, reads the portal and plans; stops on config, owner and action type errors. */
export async function planAgainstPortal(
  request: PortalRequest,
  io: CliIO,
  hubspot: HubSpotAdapter,
): Promise<PortalPlan> {
  const { config, diagnostics } = loadAndValidate(request.config, {
    cwd: io.cwd,
    today: new Date(request.at).toISOString().slice(0, 10),
  });
  if (!config || hasErrors(diagnostics)) {
    throw new DeployCommandError(
      "invalid_config",
      `the routing config ${request.config} does not validate: fix these errors, then plan again`,
      formatDiagnosticsText(diagnostics.filter((d) => d.severity === "error"))
        .trimEnd()
        .split("\n"),
    );
  }
  const live = await readPortal(hubspot);
  const desired = desiredState(config, {
    owners: live.owners,
    at: request.at,
    ...(request.mode ? { mode: request.mode } : {}),
  });
  if ("errors" in desired) {
    throw new DeployCommandError(
      desired.errors[0]?.code ?? "desired_state",
      `the routing config ${request.config} cannot be compiled for this portal ` +
        `(${desired.errors.length} ${desired.errors.length === 1 ? "error" : "errors"}):`,
      desired.errors.map(deployErrorLine),
    );
  }
  const planned = planDeploy(desired.state, live, { adopt: request.adopt });
  const missing = deployRefusals(planned, { allowDestroy: true, portalActionTypes: live.actionTypes }).filter(
    (refusal) => refusal.code === "action_type_missing",
  );
  if (missing.length > 0) {
    throw new DeployCommandError(
      "action_type_missing",
      "the portal lacks workflow action types the routing needs:",
      missing.flatMap((refusal) => refusal.message.split("\n")),
    );
  }
  return { planned, live };
}

/** The plan in the chosen format. */
export function renderPlan(plan: Plan, format: PlanFormat): string {
  return format === "json"
    ? renderPlanJson(plan)
    : format === "markdown"
      ? renderPlanMarkdown(plan)
      : renderPlanText(plan);
}

/** Reports a failed plan or deploy: a JSON envelope on stdout for `--format json`, lines on stderr. */
export function reportFailure(io: CliIO, command: string, format: PlanFormat, error: DeployCommandError): number {
  if (format === "json" && command === "plan") {
    const envelope = {
      schema: PLAN_SCHEMA,
      status: "error",
      error: { code: error.code, message: error.message, details: error.details },
    };
    io.stdout.write(`${JSON.stringify(envelope, null, 2)}\n`);
  }
  io.stderr.write(`routeops ${command}: ${error.message}\n${error.details.map((line) => `  ${line}\n`).join("")}`);
  return 1;
}

/** The commit the config comes from: GITHUB_SHA in CI, else the repository's HEAD, else unknown. */
function gitCommit(io: CliIO): string | null {
  const sha = io.env.GITHUB_SHA?.trim();
  if (sha && /^[0-9a-f]{40}$/i.test(sha)) return sha.toLowerCase();
  try {
    return resolveCommit("HEAD", io.cwd);
  } catch {
    return null;
  }
}

interface PlanOptions extends PortalRequest {
  format: PlanFormat;
  out?: string;
  detailedExitCode: boolean;
}

/** Parses the options shared by plan and deploy. */
export function parseFormat(value: string | undefined, allowed: readonly PlanFormat[]): PlanFormat {
  const format = (value ?? "text") as PlanFormat;
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(", ")}, not "${value}"`);
  return format;
}

function parseOptions(argv: string[], io: CliIO, now: () => number): PlanOptions {
  const { values } = parseCommandArgs(argv, {
    config: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    "detailed-exitcode": { type: "boolean" },
    adopt: { type: "boolean" },
    at: { type: "string" },
    "hubspot-base-url": { type: "string" },
    mode: { type: "string" },
  });
  const mode = parseMode(values.mode);
  const baseUrl = values["hubspot-base-url"] ?? io.env.HUBSPOT_BASE_URL;
  if (values.out !== undefined && values.out.trim() === "") throw new UsageError("--out needs a file name");
  return {
    config: values.config ?? "routing/index.ts",
    format: parseFormat(values.format, ["text", "markdown", "json"]),
    ...(values.out !== undefined ? { out: values.out } : {}),
    detailedExitCode: values["detailed-exitcode"] === true,
    adopt: values.adopt === true,
    at: values.at !== undefined ? parseAt(values.at) : now(),
    ...(baseUrl ? { baseUrl } : {}),
    ...(mode ? { mode } : {}),
  };
}

async function runPlan(options: PlanOptions, io: CliIO): Promise<number> {
  let hubspot: HubSpotAdapter | undefined;
  try {
    hubspot = connectHubSpot(io, options.baseUrl);
    const { planned, live } = await planAgainstPortal(options, io, hubspot);
    io.stdout.write(renderPlan(planned.plan, options.format));
    if (options.out !== undefined) {
      const saved = savePlan(planned, live, { gitCommit: gitCommit(io), configFile: options.config });
      try {
        await writeSavedPlan(options.out, saved, io.cwd);
      } catch (error) {
        if (error instanceof PlanFileError) throw new DeployCommandError("plan_file", error.message);
        throw error;
      }
      io.stderr.write(`Plan saved to ${options.out}; apply it with: routeops deploy --plan-file ${options.out}\n`);
    }
    io.stderr.write(`HubSpot API calls: ${hubspot.requests.count()}\n`);
    const refusals = deployRefusals(planned, { allowDestroy: true, portalActionTypes: live.actionTypes });
    if (refusals.length > 0) {
      io.stderr.write("routeops plan: this plan cannot be deployed as it is:\n");
      for (const refusal of refusals) io.stderr.write(`  ${refusal.message.split("\n").join("\n  ")}\n`);
      return 1;
    }
    const destroys = destructiveChanges(planned.plan);
    if (destroys.length > 0) {
      io.stderr.write(
        `Deploying this plan needs --allow-destroy: ${destroys.map((entry) => entry.what).join("; ")}.\n`,
      );
    }
    return options.detailedExitCode && hasChanges(planned.plan) ? 2 : 0;
  } catch (error) {
    if (error instanceof DeployCommandError) return reportFailure(io, "plan", options.format, error);
    throw error;
  }
}

/** `routeops plan`, with an injectable clock for `--at`'s default. */
export function createPlanCommand(deps: { now?: () => number } = {}): Command {
  const now = deps.now ?? Date.now;
  return {
    name: "plan",
    summary: "Show what a deploy would change in HubSpot (drift first), optionally saved for deploy",
    usage,
    run: async (argv, io) => {
      const safe = redactingIO(io);
      return runPlan(parseOptions(argv, safe, now), safe);
    },
  };
}

export const planCommand: Command = createPlanCommand();
