import { RouteOpsError } from "../../errors";
import { resolveCommit } from "../../files/git-ref";
import { hasChanges } from "../../deploy";
import { connectHubSpot } from "../../usecases/portal";
import { makePlan, type PlanRequest } from "../../usecases/plan";
import { compareRouting } from "../../usecases/routing-changes";
import { parseAt, parseCommandArgs, parseMode } from "../args";
import { hubspotBounds } from "../hubspot-bounds";
import { redactingIO, UsageError, type CliIO, type Command } from "../io";
import { parseFormat, renderPlan, reportPlanFailure, type PlanFormat } from "../plan-output";

const usage = `Usage: routeops plan [--config FILE] [--format text|markdown|json] [--out FILE]
                     [--detailed-exitcode] [--adopt] [--at DATE] [--mode router|workflows]
                     [--base REF|PATH]
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
  --base REF|PATH         first say what changes in the routing itself, in its own words, compared
                          with this config (a git ref such as main, or a config path): reps joined
                          or left, pool members and weights, territories, rules... with each rep's
                          expected share of leads this week and next (JSON: the "routing" key)
  --hubspot-base-url URL  API root (default: HUBSPOT_BASE_URL, else https://api.hubapi.com)

The token is read from HUBSPOT_ACCESS_TOKEN and never printed.

Exit codes: 0 planned (with --detailed-exitcode: no changes); 2 changes (with --detailed-exitcode)
or bad usage; 1 the plan could not be made or cannot be applied (config errors, owners, missing
action types, objects RouteOps cannot write or that are in its way).`;

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

interface PlanOptions extends PlanRequest {
  baseUrl?: string;
  format: PlanFormat;
  out?: string;
  detailedExitCode: boolean;
  /** `--base`: show the routing changes against this git ref or config path first. */
  base?: string;
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
    base: { type: "string" },
  });
  const mode = parseMode(values.mode);
  const baseUrl = values["hubspot-base-url"] ?? io.env.HUBSPOT_BASE_URL;
  if (values.out !== undefined && values.out.trim() === "") throw new UsageError("--out needs a file name");
  if (values.base !== undefined && values.base.trim() === "") throw new UsageError("--base needs a git ref or a path");
  return {
    config: values.config ?? "routing/index.ts",
    cwd: io.cwd,
    format: parseFormat(values.format, ["text", "markdown", "json"]),
    ...(values.out !== undefined ? { out: values.out } : {}),
    detailedExitCode: values["detailed-exitcode"] === true,
    adopt: values.adopt === true,
    at: values.at !== undefined ? parseAt(values.at) : now(),
    ...(baseUrl ? { baseUrl } : {}),
    ...(mode ? { mode } : {}),
    ...(values.base !== undefined ? { base: values.base } : {}),
  };
}

async function runPlan(options: PlanOptions, io: CliIO): Promise<number> {
  try {
    const hubspot = connectHubSpot({
      bounds: hubspotBounds(io),
      token: io.env.HUBSPOT_ACCESS_TOKEN,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    });
    const result = await makePlan({ ...options, gitCommit: gitCommit(io) }, { hubspot });
    const routing =
      options.base === undefined
        ? undefined
        : compareRouting({ config: options.config, base: options.base, cwd: io.cwd, at: options.at });
    io.stdout.write(renderPlan(result.planned.plan, options.format, routing));
    if (options.out !== undefined) {
      io.stderr.write(`Plan saved to ${options.out}; apply it with: routeops deploy --plan-file ${options.out}\n`);
    }
    io.stderr.write(`HubSpot API calls: ${result.apiCalls}\n`);
    if (result.refusals.length > 0) {
      io.stderr.write("routeops plan: this plan cannot be deployed as it is:\n");
      for (const refusal of result.refusals) io.stderr.write(`  ${refusal.message.split("\n").join("\n  ")}\n`);
      return 1;
    }
    if (result.destroys.length > 0) {
      io.stderr.write(`Deploying this plan needs --allow-destroy: ${result.destroys.join("; ")}.\n`);
    }
    return options.detailedExitCode && hasChanges(result.planned.plan) ? 2 : 0;
  } catch (error) {
    if (error instanceof RouteOpsError) return reportPlanFailure(io, options.format, error);
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
