/**
 * Saved plans (`routeops plan --out FILE`, applied later by `routeops deploy --plan-file FILE`):
 * the plan envelope with the bodies to write, the git commit and config it was computed from,
 * and what the portal looked like then (the fingerprint, each flow's revision, per-object
 * digests), so that deploy refuses a plan the portal has moved away from and says why.
 */
import type { ActionTypeKey, ActionTypeUsage } from "../action-types";
import type { FlowBody } from "../model/flow";
import type { PropertyDefinition, PropertyGroupDefinition } from "../model/property";
import type { LiveState } from "../model/state";
import { verifyFingerprint } from "../plan/fingerprint";
import { planEnvelope } from "../render/json";
import { planFromEnvelope } from "../render/json-read";
import { describeLiveChanges, liveDigests, readFlows, type LiveDigests, type ReadFlow } from "./live-digest";
import type { PlannedDeploy } from "./planned";
import { SAVED_PLAN_FORMAT, savedPlanSchema } from "./saved-plan-schema";

export { SAVED_PLAN_FORMAT };

/** Where a saved plan came from. */
export interface SavedPlanOrigin {
  /** The commit of the routing config (`GITHUB_SHA`, or the repository's HEAD), when known. */
  gitCommit: string | null;
  /** The config module, as given to `routeops plan`. */
  configFile: string;
}

/** A plan as saved: the planned deploy, its origin, and the portal it was computed from. */
export interface SavedPlan {
  planned: PlannedDeploy;
  origin: SavedPlanOrigin;
  /** Every flow named like ours that the plan read, with its revision. */
  flows: ReadFlow[];
  live: LiveDigests;
}

export function savePlan(planned: PlannedDeploy, live: LiveState, origin: SavedPlanOrigin): SavedPlan {
  return { planned, origin, flows: readFlows(live), live: liveDigests(live) };
}

/** The file's content: the `routeops.plan/1` envelope with bodies, then the `saved` section. */
export function savedPlanJson(saved: SavedPlan): string {
  const document = {
    ...planEnvelope(saved.planned.plan, { includeBodies: true }),
    saved: {
      format: SAVED_PLAN_FORMAT,
      gitCommit: saved.origin.gitCommit,
      configFile: saved.origin.configFile,
      adopt: saved.planned.adopt,
      wanted: saved.planned.wanted,
      actionTypes: saved.planned.actionTypes,
      flows: saved.flows,
      live: saved.live,
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A saved plan read back, or the path inside the file of the first problem and what was expected. */
export type SavedPlanRead = { ok: true; saved: SavedPlan } | { ok: false; path: string; message: string };

/** Checks parsed JSON against the saved plan's shape and rebuilds the plan. */
export function parseSavedPlan(json: unknown): SavedPlanRead {
  const parsed = savedPlanSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length === 0 ? "(top level)" : issue.path.map(String).join(".");
    const hint =
      issue.path[0] === "saved" && issue.path.length === 1
        ? " (a plan saved by `routeops plan --out FILE` has it; plan again)"
        : "";
    return { ok: false, path, message: `${issue.message}${hint}` };
  }
  const document = parsed.data;
  const plan = planFromEnvelope(document, (item) =>
    item.desired !== null
      ? { desired: item.desired as unknown as PropertyGroupDefinition | PropertyDefinition | FlowBody }
      : {},
  );
  const { saved } = document;
  return {
    ok: true,
    saved: {
      planned: {
        plan,
        wanted: saved.wanted,
        actionTypes: saved.actionTypes.map(
          (usage) => ({ ...usage, key: usage.key as ActionTypeKey }) as ActionTypeUsage,
        ),
        adopt: saved.adopt,
      },
      origin: { gitCommit: saved.gitCommit, configFile: saved.configFile },
      flows: saved.flows,
      live: saved.live,
    },
  };
}

/**
 * Whether the portal is still what the saved plan was computed from. When not, the reasons name
 * what changed: workflows by name and revision, properties, the group, owners.
 */
export function verifySavedPlan(saved: SavedPlan, live: LiveState): { ok: true } | { ok: false; reasons: string[] } {
  const check = verifyFingerprint(saved.planned.plan.fingerprint, live);
  const reasons = describeLiveChanges(saved, live);
  if (check.ok && reasons.length === 0) return { ok: true };
  return { ok: false, reasons: reasons.length > 0 ? reasons : check.ok ? [] : check.reasons };
}
