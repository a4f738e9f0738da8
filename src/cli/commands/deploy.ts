import {
  appliedWriteLine,
  applyOutcomeText,
  applyPlan,
  deployEnvelope,
  DeployPlanError,
  deployRefusals,
  hasChanges,
  renderPlanText,
  verifyFingerprint,
  verifySavedPlan,
  type ApplyResult,
  type DeployRefusal,
  type DeployStatus,
  type Plan,
  type PlannedDeploy,
} from "../../deploy";
import { acquirePortalLock, PortalLockError, describeHolder, type HeldLock } from "../../deploy/lock";
import { PlanFileError, readSavedPlan } from "../../files/plan-file";
import { HubSpotError, type HubSpotAdapter } from "../../hubspot";
import { createDeployPort } from "../../hubspot/deploy-port";
import { createLockPort } from "../../hubspot/lock-port";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { PortalLiveState } from "../../hubspot/live-state";
import { redactingIO, UsageError, type CliIO, type Command } from "../io";
import { parseCommandArgs } from "../args";
import {
  connectHubSpot,
  DeployCommandError,
  parseAt,
  parseFormat,
  parseMode,
  planAgainstPortal,
  readPortal,
  type PlanFormat,
  type PortalRequest,
} from "./plan";

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

interface DeployOptions extends PortalRequest {
  planFile?: string;
  lockWaitMs: number;
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
/** Longer than any deploy may run (its deadline), so a live holder is never overridden. */
export const LOCK_TTL_MS = 30 * 60_000;
const LOCK_POLL_MS = 1_000;

function parseSeconds(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds < 0) {
    throw new UsageError(`${flag} must be a number of seconds (0 or more), not "${value}"`);
  }
  return seconds;
}

/** Takes the portal lock, saying on stderr what it waits for and when it overrides an expired one. */
async function takePortalLock(hubspot: HubSpotAdapter, io: CliIO, deps: DeployDeps, waitMs: number): Promise<HeldLock> {
  const run = io.env.GITHUB_RUN_ID ? ` (GitHub run ${io.env.GITHUB_RUN_ID})` : "";
  try {
    return await acquirePortalLock(createLockPort(hubspot), {
      holder: `routeops deploy on ${hostname()} pid ${process.pid}${run} #${randomBytes(4).toString("hex")}`,
      ttlMs: LOCK_TTL_MS,
      waitMs,
      pollMs: LOCK_POLL_MS,
      now: deps.wallClock,
      sleep: deps.sleep,
      onWait: (record, ms) =>
        io.stderr.write(
          `routeops deploy: waiting up to ${Math.ceil(ms / 1000)} s for the portal lock held by ${describeHolder(record)}\n`,
        ),
      onBroken: (record) =>
        io.stderr.write(
          `routeops deploy: took over an expired portal lock (${describeHolder(record)}): that deploy did not finish; ` +
            "this one plans against whatever it wrote\n",
        ),
    });
  } catch (error) {
    if (error instanceof PortalLockError) throw new DeployCommandError(error.code, error.message);
    if (error instanceof HubSpotError) {
      throw new DeployCommandError(error.code, `cannot take the portal lock: ${error.message}`);
    }
    throw error;
  }
}

interface DeployDeps {
  wallClock: () => number;
  sleep: (ms: number) => Promise<void>;
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

async function runDeploy(options: DeployOptions, io: CliIO, deps: DeployDeps): Promise<number> {
  const json = options.format === "json";
  const text = (chunk: string) => {
    if (!json) io.stdout.write(chunk);
  };
  let hubspot: HubSpotAdapter | undefined;
  let plan: Plan | null = null;
  let lock: HeldLock | undefined;
  /** Releases the lock first, so the envelope's API call count includes its release. */
  const releaseLock = async () => {
    const held = lock;
    lock = undefined;
    if (held && !(await held.release())) {
      io.stderr.write(
        `routeops deploy: could not release the portal lock (${held.propertyName}); it expires on its own in ${LOCK_TTL_MS / 60_000} minutes\n`,
      );
    }
  };
  const finish = async (
    status: DeployStatus,
    exitCode: number,
    extra: {
      refusals?: DeployRefusal[];
      result?: ApplyResult;
      error?: { code: string; message: string; details?: string[] };
    } = {},
  ) => {
    await releaseLock();
    const apiCalls = hubspot ? hubspot.requests.count() : null;
    if (json) io.stdout.write(`${JSON.stringify(deployEnvelope({ status, plan, apiCalls, ...extra }), null, 2)}\n`);
    if (apiCalls !== null) io.stderr.write(`HubSpot API calls: ${apiCalls}\n`);
    return exitCode;
  };

  try {
    hubspot = connectHubSpot(io, options.baseUrl);
    const portal = hubspot;
    const planOnce = () =>
      options.planFile ? savedPlanForPortal(options.planFile, io, portal) : planAgainstPortal(options, io, portal);
    /** Prints the plan and says whether it may be applied (else the exit code). */
    const check = (planned: PlannedDeploy, live: PortalLiveState): Promise<number> | null => {
      plan = planned.plan;
      text(renderPlanText(planned.plan));
      const refusals = deployRefusals(planned, {
        allowDestroy: options.allowDestroy,
        portalActionTypes: live.actionTypes,
      });
      if (refusals.length > 0) {
        io.stderr.write("routeops deploy: nothing was written:\n");
        for (const refusal of refusals) io.stderr.write(`  ${refusal.message.split("\n").join("\n  ")}\n`);
        return finish("refused", 1, { refusals });
      }
      if (!hasChanges(planned.plan)) return finish("no-changes", 0);
      return null;
    };
    let { planned, live } = await planOnce();
    const early = check(planned, live);
    if (early !== null) return early;

    // Writes ahead: take the portal lock, then make sure nobody wrote since the plan was made
    // (another deploy may have held the lock meanwhile). Planning again then finds what is left.
    lock = await takePortalLock(hubspot, io, deps, options.lockWaitMs);
    const unchanged = verifyFingerprint(planned.plan.fingerprint, await readPortal(hubspot));
    if (!unchanged.ok) {
      if (options.planFile) {
        throw new DeployCommandError(
          "stale_plan",
          `the portal changed while this deploy waited for the lock, so the saved plan ${options.planFile} no ` +
            "longer applies and nothing was written. Run `routeops plan` again and review the new plan. What changed:",
          unchanged.reasons,
        );
      }
      io.stderr.write(
        "routeops deploy: the portal changed while this deploy waited for the lock (another deploy wrote): planning again\n",
      );
      text("\nThe portal changed while waiting for the lock; the plan now:\n\n");
      ({ planned, live } = await planOnce());
      const again = check(planned, live);
      if (again !== null) return again;
    }
    const current: Plan = planned.plan;
    await lock.setPlan(current.fingerprint.live);
    const port = createDeployPort(hubspot);
    text("\nApplying the plan:\n");
    const result = await applyPlan(current, port, { onWrite: (applied) => text(`${appliedWriteLine(applied)}\n`) });
    const error = result.failed ? errorMessage(result.failed.error) : null;
    text(`\n${applyOutcomeText(current, result, error?.message ?? null)}`);
    if (!result.ok && json) io.stderr.write(applyOutcomeText(current, result, error?.message ?? null));
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
  } finally {
    await releaseLock();
  }
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
