/**
 * The desired HubSpot state for a routing config: the managed property group and properties, and
 * the flows that carry out the routing inside HubSpot, computed for one instant (out-of-office
 * availability depends on it). Pure: owners (and, when the adapter can list them, sequences) come in.
 */
import type { CalendarConfig, DeployMode, EventKind, RoutingConfig } from "../../config/types";
import type { DeployError, DeployWarning } from "../diagnostics";
import { EVENT_TYPES, isDeployable, TOUCH_EVENT_TYPES } from "../event-types";
import { MANAGED_GROUP } from "../managed-names";
import type { OwnerDirectory, PortalSequence } from "../model/owners";
import type { DesiredState, PoolRotation } from "../model/state";
import { compileRouting, presenceOf } from "../../engine";
import { localDate } from "./availability";
import type { CompileFacts } from "./env";
import { captureFlow } from "./capture-flows";
import { limitations, routerLimitations } from "./limitations";
import { resolveReps, type RepDirectory } from "./owners";
import { managedProperties } from "./properties";
import { checkReferences } from "./references";
import { rotationList } from "./rotation";
import { inboundFlow, outboundFlow, reengagementFlow } from "./routing-flows";
import { sourceFlow } from "./source-flows";
import { touchFlow } from "./touch-flows";

export interface DesiredStateContext {
  owners: OwnerDirectory;
  /** Epoch ms: the date the state is computed for (out-of-office availability). */
  at: number;
  /** The portal's sequences, when known: nurture sequences are then resolved by id or name. */
  sequences?: PortalSequence[];
  /** Overrides the config's `deploy.mode` (default `router`). */
  mode?: DeployMode;
}

/** The mode deploy works in when neither the command nor the config names one. */
export const DEFAULT_DEPLOY_MODE: DeployMode = "router";

/** The deploy mode for a config: the override, else the config's `deploy.mode`, else router. */
export function deployModeOf(config: RoutingConfig, override?: DeployMode): DeployMode {
  return override ?? config.deploy?.mode ?? DEFAULT_DEPLOY_MODE;
}

export type DesiredStateResult = { state: DesiredState; warnings: DeployWarning[] } | { errors: DeployError[] };

function poolRotations(
  config: RoutingConfig,
  reps: RepDirectory,
  at: number,
  calendar: (id: string) => CalendarConfig,
): PoolRotation[] {
  const compiled = compileRouting(config);
  return config.pools.map((pool) => {
    const merged = new Map<string, number>();
    for (const member of pool.members) {
      const rep = reps.resolve(member.rep);
      if (!rep) continue;
      const weight = Math.max(1, Math.round(member.weight ?? 1));
      merged.set(rep, (merged.get(rep) ?? 0) + weight);
    }
    const members = [...merged]
      .map(([rep, weight]) => ({ config: reps.rep(rep), weight }))
      // Who the engine would consider present at the deploy instant: employed (startsOn / endsOn)
      // and not out of office (whole days or times). HubSpot cannot read either, so the lists are
      // those of the deploy instant (warning out_of_office_by_deploy_date).
      .filter(
        (entry) =>
          entry.config &&
          presenceOf(compiled.reps.get(entry.config.email.toLowerCase()), compiled.defaultCalendar, at) === null,
      )
      .map((entry) => ({
        rep: entry.config?.email ?? "",
        ownerId: reps.ownerIdOf(entry.config?.email ?? "") ?? "",
        weight: entry.weight,
      }));
    return {
      pool: pool.id,
      date: localDate(at, calendar(pool.calendar).timeZone),
      members,
      rotation: rotationList(members.map((member) => ({ item: member.ownerId, weight: member.weight }))),
    };
  });
}

/**
 * Rotate record to owner takes HubSpot user ids (the owners' `userId`), so every member of a pool
 * that rotates needs one.
 */
function rotatingOwnersWithoutUser(pools: PoolRotation[], reps: RepDirectory): DeployError[] {
  const errors: DeployError[] = [];
  for (const pool of pools) {
    if (new Set(pool.rotation).size < 2) continue;
    for (const member of pool.members) {
      if (reps.userIdOf(member.ownerId) !== undefined) continue;
      errors.push({
        code: "owner_without_user",
        rep: member.rep,
        message: `Rep ${member.rep} (owner ${member.ownerId}) rotates in pool ${pool.pool} but HubSpot lists no user id for that owner; rotate record to owner assigns users, so the rep must be an active HubSpot user.`,
      });
    }
  }
  return errors;
}

/** Compiles the config into the state RouteOps wants the portal to hold, or says why it cannot. */
export function desiredState(config: RoutingConfig, context: DesiredStateContext): DesiredStateResult {
  const referenceErrors = checkReferences(config);
  if (referenceErrors.length > 0) return { errors: referenceErrors };
  const { reps, errors } = resolveReps(config, context.owners);
  if (errors.length > 0) return { errors };

  const calendars = new Map(config.calendars.map((calendar) => [calendar.id, calendar]));
  const calendar = (id: string) => (calendars.get(id) ?? calendars.get(config.defaultCalendar)) as CalendarConfig;
  const pools = poolRotations(config, reps, context.at, calendar);
  const withoutUser = rotatingOwnersWithoutUser(pools, reps);
  if (withoutUser.length > 0) return { errors: withoutUser };
  const unresolvedSequences = new Set<string>();
  const facts: CompileFacts = {
    config,
    reps,
    pools: new Map(pools.map((pool) => [pool.pool, pool])),
    calendar,
    sequenceId: (configId) => {
      const wanted = configId.trim().toLowerCase();
      const found = context.sequences?.find((s) => s.id === configId || s.name.trim().toLowerCase() === wanted);
      if (!found) unresolvedSequences.add(configId);
      return found?.id ?? configId;
    },
  };

  const mode = deployModeOf(config, context.mode);
  // Event kinds HubSpot raises no event for get no flow (warning event_kind_not_deployable):
  // no placeholder event type id is ever sent.
  const deployableKinds = (Object.keys(EVENT_TYPES) as EventKind[]).flatMap((kind) => {
    const entry = EVENT_TYPES[kind];
    return isDeployable(entry) ? [{ kind, entry }] : [];
  });
  const touchFlows = config.reengagement.touchKinds.flatMap((kind) => {
    const entry = TOUCH_EVENT_TYPES[kind];
    return isDeployable(entry) ? [touchFlow(kind, entry, facts)] : [];
  });
  const flows =
    mode === "router"
      ? [...deployableKinds.map(({ kind, entry }) => captureFlow(kind, entry, facts)), ...touchFlows]
      : [
          ...deployableKinds.map(({ kind, entry }) => sourceFlow(kind, entry, facts)),
          ...touchFlows,
          reengagementFlow(facts),
          inboundFlow(facts),
          outboundFlow(facts),
        ];
  const limitationInput = {
    config,
    reps,
    pools,
    flows,
    at: context.at,
    unresolvedSequences: [...unresolvedSequences],
    sequencesListed: context.sequences !== undefined,
  };
  const warnings =
    mode === "router" ? routerLimitations(limitationInput, { flows }) : limitations(limitationInput, { flows });
  const state: DesiredState = {
    configVersion: config.version,
    mode,
    at: context.at,
    group: { name: MANAGED_GROUP.name, label: MANAGED_GROUP.label },
    properties: managedProperties(config, mode),
    flows,
    pools,
    warnings,
  };
  return { state, warnings };
}
