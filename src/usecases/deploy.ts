/**
 * `deploy`: plan against the portal (or take a saved plan and check it still applies), refuse
 * what may not be written, take the portal lock, check nobody wrote meanwhile (planning again
 * when the portal changed), and apply in an order that never leaves the portal half-routed.
 * Progress is reported as typed events as it happens; the result says how it ended.
 */
import {
  applyPlan,
  DeployPlanError,
  deployRefusals,
  hasChanges,
  verifyFingerprint,
  verifySavedPlan,
  type AppliedWrite,
  type ApplyResult,
  type DeployRefusal,
  type DeployStatus,
  type Plan,
  type PlannedDeploy,
} from "../deploy";
import { acquirePortalLock, describeHolder, PortalLockError, type HeldLock } from "../deploy/lock";
import { errorMessage, RouteOpsError } from "../errors";
import { PlanFileError, readSavedPlan } from "../files/plan-file";
import { HubSpotError, type HubSpotAdapter } from "../hubspot";
import { createDeployPort } from "../hubspot/deploy-port";
import type { PortalLiveState } from "../hubspot/live-state";
import { createLockPort } from "../hubspot/lock-port";
import { planAgainstPortal, type PlanRequest } from "./plan";
import { readPortal } from "./portal";

/** Longer than any deploy may run (its deadline), so a live holder is never overridden. */
export const LOCK_TTL_MS = 30 * 60_000;
const LOCK_POLL_MS = 1_000;

/** What to deploy: the config (planned now) or a saved plan, and what is allowed. */
export interface DeployInput extends PlanRequest {
  /** Apply this saved plan (relative to `cwd`) instead of planning. */
  planFile?: string;
  allowDestroy: boolean;
  /** How long to wait for another deploy's portal lock. */
  lockWaitMs: number;
  /** Who holds the lock, for whoever finds it held (host, process, CI run). */
  holder: string;
}

/** What deploy needs of the outside world. */
export interface DeployPorts {
  hubspot: HubSpotAdapter;
  /** Epoch ms, for the lock's expiry. */
  wallClock: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** What happens during a deploy, as it happens. */
export interface DeployEvents {
  /** A plan was made (twice when the portal changed while waiting for the lock). */
  planned?(plan: Plan, again: boolean): void;
  /** Another deploy holds the portal lock. */
  waitingForLock?(holder: string, waitMs: number): void;
  /** An expired lock (a deploy that died) was taken over. */
  tookExpiredLock?(holder: string): void;
  /** The portal changed while waiting for the lock: planning again. */
  replanning?(): void;
  /** The writes start. */
  applying?(): void;
  wrote?(applied: AppliedWrite): void;
  /** The lock could not be released; it expires on its own. */
  lockNotReleased?(propertyName: string, expiresInMinutes: number): void;
}

/** How a deploy ended. */
export interface DeployResult {
  status: DeployStatus;
  /** The plan applied (or refused); null when none was made. */
  plan: Plan | null;
  refusals: DeployRefusal[];
  /** The writes, when they started. */
  result?: ApplyResult;
  /** The failed write's error, or why the deploy could not start; free of secrets. */
  error?: { code: string; message: string; details: string[] };
  apiCalls: number;
}

/** The saved plan, checked against the portal as it is now. */
async function savedPlanForPortal(file: string, cwd: string, hubspot: HubSpotAdapter): Promise<PortalPlanned> {
  let saved;
  try {
    saved = await readSavedPlan(file, cwd);
  } catch (error) {
    if (error instanceof PlanFileError) throw new RouteOpsError("plan_file", error.message);
    throw error;
  }
  const live = await readPortal(hubspot);
  const check = verifySavedPlan(saved, live);
  if (!check.ok) {
    throw new RouteOpsError(
      "stale_plan",
      `the saved plan ${file} no longer matches the HubSpot portal, so nothing was written. ` +
        "Run `routeops plan` again and review the new plan. What changed since it was made:",
      { lines: check.reasons },
    );
  }
  return { planned: saved.planned, live };
}

interface PortalPlanned {
  planned: PlannedDeploy;
  live: PortalLiveState;
}

async function takePortalLock(input: DeployInput, ports: DeployPorts, events: DeployEvents): Promise<HeldLock> {
  try {
    return await acquirePortalLock(createLockPort(ports.hubspot), {
      holder: input.holder,
      ttlMs: LOCK_TTL_MS,
      waitMs: input.lockWaitMs,
      pollMs: LOCK_POLL_MS,
      now: ports.wallClock,
      sleep: ports.sleep,
      onWait: (record, ms) => events.waitingForLock?.(describeHolder(record), ms),
      onBroken: (record) => events.tookExpiredLock?.(describeHolder(record)),
    });
  } catch (error) {
    if (error instanceof PortalLockError) throw error;
    if (error instanceof HubSpotError) {
      throw new RouteOpsError(error.code, `cannot take the portal lock: ${error.message}`);
    }
    throw error;
  }
}

function writeError(error: unknown): { code: string; message: string; details: string[] } {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return { code: typeof code === "string" ? code : "write_failed", message: errorMessage(error), details: [] };
}

/** Deploys; every expected failure ends in a result with status `error` (never a throw). */
export async function deployToPortal(
  input: DeployInput,
  ports: DeployPorts,
  events: DeployEvents = {},
): Promise<DeployResult> {
  const { hubspot } = ports;
  let plan: Plan | null = null;
  let refusals: DeployRefusal[] = [];
  let lock: HeldLock | undefined;
  const release = async () => {
    const held = lock;
    lock = undefined;
    if (held && !(await held.release())) events.lockNotReleased?.(held.propertyName, LOCK_TTL_MS / 60_000);
  };
  const end = async (status: DeployStatus, extra: Partial<DeployResult> = {}): Promise<DeployResult> => {
    await release(); // first, so that the API call count includes the release
    return { status, plan, refusals, apiCalls: hubspot.requests.count(), ...extra };
  };
  const planOnce = () =>
    input.planFile ? savedPlanForPortal(input.planFile, input.cwd, hubspot) : planAgainstPortal(input, hubspot);
  /** Whether the plan may be applied; else how the deploy ends. */
  const blocked = (planned: PlannedDeploy, live: PortalLiveState, again: boolean): DeployStatus | null => {
    plan = planned.plan;
    events.planned?.(planned.plan, again);
    refusals = deployRefusals(planned, { allowDestroy: input.allowDestroy, portalActionTypes: live.actionTypes });
    if (refusals.length > 0) return "refused";
    return hasChanges(planned.plan) ? null : "no-changes";
  };

  try {
    let { planned, live } = await planOnce();
    const early = blocked(planned, live, false);
    if (early !== null) return await end(early);

    // Writes ahead: take the portal lock, then make sure nobody wrote since the plan was made
    // (another deploy may have held the lock meanwhile). Planning again then finds what is left.
    lock = await takePortalLock(input, ports, events);
    const unchanged = verifyFingerprint(planned.plan.fingerprint, await readPortal(hubspot));
    if (!unchanged.ok) {
      if (input.planFile) {
        throw new RouteOpsError(
          "stale_plan",
          `the portal changed while this deploy waited for the lock, so the saved plan ${input.planFile} no ` +
            "longer applies and nothing was written. Run `routeops plan` again and review the new plan. What changed:",
          { lines: unchanged.reasons },
        );
      }
      events.replanning?.();
      ({ planned, live } = await planOnce());
      const again = blocked(planned, live, true);
      if (again !== null) return await end(again);
    }
    const current: Plan = planned.plan;
    await lock.setPlan(current.fingerprint.live);
    events.applying?.();
    const result = await applyPlan(current, createDeployPort(hubspot), { onWrite: (w) => events.wrote?.(w) });
    const error = result.failed ? writeError(result.failed.error) : undefined;
    return await end(result.ok ? "applied" : "failed", { result, ...(error ? { error } : {}) });
  } catch (error) {
    const failure =
      error instanceof DeployPlanError
        ? new RouteOpsError("plan_file", `the saved plan cannot be applied: ${error.message}`)
        : error instanceof RouteOpsError
          ? error
          : undefined;
    if (!failure) throw error;
    return await end("error", { error: { code: failure.code, message: failure.message, details: [...failure.lines] } });
  } finally {
    await release();
  }
}
