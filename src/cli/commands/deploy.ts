import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { appliedWriteLine, applyOutcomeText, deployEnvelope, renderPlanText } from "../../deploy";
import { RouteOpsError } from "../../errors";
import { deployToPortal, type DeployInput, type DeployResult } from "../../usecases/deploy";
import { connectHubSpot } from "../../usecases/portal";
import { parseAt, parseCommandArgs, parseMode } from "../args";
import { hubspotBounds } from "../hubspot-bounds";
import { redactingIO, UsageError, type CliIO, type Command } from "../io";
import { failureText, parseFormat, type PlanFormat } from "../plan-output";

const usage = `Usage: routeops deploy [--plan-file FILE] [--allow-destroy] [--adopt] [--at DATE]
                       [--lock-wait SECONDS] [--mode router|workflows] [--config FILE]
                       [--hubspot-base-url URL] [--format text|json]

Applies the routing config to HubSpot: plans against the portal as it is now (or takes a plan
saved by \`routeops plan --out FILE\`), prints the plan, checks it, then writes in an order that
never leaves the portal half-routed: the property group, the properties (one batch), workflows
created disabled (or updated), deletes and archives, and last the workflows enabled.

Options:
  --plan-file FILE        apply this saved plan; refused when the portal changed since it was made
                          (then plan again). Not with --config, --adopt, --at or --mode: the plan fixed them
  --allow-destroy         allow archiving properties and deleting workflows the config no longer has
  --adopt                 take over objects that have the names RouteOps wants but no managed marker
  --at DATE               compute the routing for this instant (out-of-office): YYYY-MM-DD (12:00 UTC
                          that day) or an ISO date-time with a zone. Default: now
  --lock-wait SECONDS     how long to wait for another deploy's portal lock before refusing
                          (default 300; 0 refuses at once)
  --mode MODE             router (default, or the config's deploy.mode): capture workflows only,
                          \`routeops router\` decides; workflows: the routing runs in HubSpot workflows
  --config FILE           routing config module (default: routing/index.ts)
  --hubspot-base-url URL  API root (default: HUBSPOT_BASE_URL, else https://api.hubapi.com)
  --format FORMAT         text (default) or json (one routeops.deploy/1 envelope at the end)

The token is read from HUBSPOT_ACCESS_TOKEN and never printed.

Deploy holds a lock stored in the portal itself (a hidden contact property, docs/deploy.md) from
before it reads the portal until it has written: a second deploy, from any machine, waits for it
and then plans against what the first one wrote. A lock left by a deploy that died expires after
30 minutes and is then taken over, with a line saying so.

Exit codes: 0 applied, or nothing to do; 1 refused before any write (stale saved plan, missing
action types, destroys without --allow-destroy, objects RouteOps cannot write), or a write failed
(the output says what was applied and what was not; run deploy again to finish); 2 bad usage.`;

interface DeployOptions extends Omit<DeployInput, "holder"> {
  baseUrl?: string;
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
    "lock-wait": { type: "string" },
    mode: { type: "string" },
  });
  const mode = parseMode(values.mode);
  const planFile = values["plan-file"];
  if (planFile !== undefined) {
    const fixed = (["config", "adopt", "at", "mode"] as const).filter((name) => values[name] !== undefined);
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
    cwd: io.cwd,
    adopt: values.adopt === true,
    at: values.at !== undefined ? parseAt(values.at) : now(),
    ...(baseUrl ? { baseUrl } : {}),
    ...(mode ? { mode } : {}),
    ...(planFile !== undefined ? { planFile } : {}),
    allowDestroy: values["allow-destroy"] === true,
    lockWaitMs: parseSeconds("--lock-wait", values["lock-wait"], DEFAULT_LOCK_WAIT_S) * 1000,
    format: parseFormat(values.format, ["text", "json"]),
  };
}

const DEFAULT_LOCK_WAIT_S = 300;

function parseSeconds(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds < 0) {
    throw new UsageError(`${flag} must be a number of seconds (0 or more), not "${value}"`);
  }
  return seconds;
}

interface DeployDeps {
  wallClock: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Who holds the portal lock while this deploy runs. */
function lockHolder(io: CliIO): string {
  const run = io.env.GITHUB_RUN_ID ? ` (GitHub run ${io.env.GITHUB_RUN_ID})` : "";
  return `routeops deploy on ${hostname()} pid ${process.pid}${run} #${randomBytes(4).toString("hex")}`;
}

async function runDeploy(options: DeployOptions, io: CliIO, deps: DeployDeps): Promise<number> {
  const json = options.format === "json";
  const text = (chunk: string) => {
    if (!json) io.stdout.write(chunk);
  };
  const say = (line: string) => io.stderr.write(`routeops deploy: ${line}\n`);
  let result: DeployResult;
  try {
    const hubspot = connectHubSpot({
      bounds: hubspotBounds(io),
      token: io.env.HUBSPOT_ACCESS_TOKEN,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    });
    result = await deployToPortal(
      { ...options, holder: lockHolder(io) },
      { hubspot, ...deps },
      {
        planned: (plan, again) => {
          if (again) text("\nThe portal changed while waiting for the lock; the plan now:\n\n");
          text(renderPlanText(plan));
        },
        waitingForLock: (holder, ms) =>
          say(`waiting up to ${Math.ceil(ms / 1000)} s for the portal lock held by ${holder}`),
        tookExpiredLock: (holder) =>
          say(
            `took over an expired portal lock (${holder}): that deploy did not finish; ` +
              "this one plans against whatever it wrote",
          ),
        replanning: () =>
          say("the portal changed while this deploy waited for the lock (another deploy wrote): planning again"),
        applying: () => text("\nApplying the plan:\n"),
        wrote: (applied) => text(`${appliedWriteLine(applied)}\n`),
        lockNotReleased: (name, minutes) =>
          say(`could not release the portal lock (${name}); it expires on its own in ${minutes} minutes`),
      },
    );
  } catch (error) {
    if (!(error instanceof RouteOpsError)) throw error;
    io.stderr.write(failureText("deploy", error));
    const envelope = deployEnvelope({
      status: "error",
      plan: null,
      error: { code: error.code, message: error.message, details: [...error.lines] },
      apiCalls: null,
    });
    if (json) io.stdout.write(`${JSON.stringify(envelope, null, 2)}\n`);
    return 1;
  }
  const { status, plan, refusals, error } = result;
  if (status === "refused") {
    say("nothing was written:");
    for (const refusal of refusals) io.stderr.write(`  ${refusal.message.split("\n").join("\n  ")}\n`);
  } else if (status === "error" && error) {
    io.stderr.write(`routeops deploy: ${error.message}\n${error.details.map((line) => `  ${line}\n`).join("")}`);
  } else if (plan && result.result) {
    const outcome = applyOutcomeText(plan, result.result, error?.message ?? null);
    text(`\n${outcome}`);
    if (status === "failed" && json) io.stderr.write(outcome);
  }
  if (json) {
    const envelope = deployEnvelope({
      status,
      plan,
      refusals,
      ...(result.result ? { result: result.result } : {}),
      ...(error ? { error } : {}),
      apiCalls: result.apiCalls,
    });
    io.stdout.write(`${JSON.stringify(envelope, null, 2)}\n`);
  }
  io.stderr.write(`HubSpot API calls: ${result.apiCalls}\n`);
  return status === "applied" || status === "no-changes" ? 0 : 1;
}

/** `routeops deploy`, with an injectable clock for `--at`'s default. */
export function createDeployCommand(
  deps: { now?: () => number; wallClock?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): Command {
  const now = deps.now ?? Date.now;
  const runDeps: DeployDeps = {
    wallClock: deps.wallClock ?? Date.now,
    sleep: deps.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
  return {
    name: "deploy",
    summary: "Apply the routing config (or a saved plan) to HubSpot, safely ordered",
    usage,
    run: async (argv, io) => {
      const safe = redactingIO(io);
      return runDeploy(parseOptions(argv, safe, now), safe, runDeps);
    },
  };
}

export const deployCommand: Command = createDeployCommand();
