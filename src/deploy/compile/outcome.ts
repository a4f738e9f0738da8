/**
 * Where a lead goes, as flow steps: the owner assignment (direct, copied, rotated), what the
 * contact records about it, then the continuation for the SLA calendar that applies.
 */
import type { Outcome } from "../../config/types";
import { MANAGED_PROPERTIES as P } from "../managed-names";
import { copyValue, enrollInSequence, OWNER_PROPERTY, rotateOwner, setFromToken, setValue } from "./actions";
import { COMPANY_OWNER_TOKEN, type FlowEnv } from "./env";
import { anyOf, company, known, propertyFilter, TRUE, type Cond } from "./filters";
import { branch, type Step } from "./steps";

/**
 * Continues with the calendar whose hours the SLA runs on, knowing which owner ids the outcome
 * may have assigned (for the collaborator check).
 */
export type Continuation = (calendarId: string, ownerIds: readonly string[]) => Step[];

/**
 * When the outcome can be produced. The engine skips a rule whose outcome needs what the lead
 * lacks (no account owner, no rep named by the event, no pool for its territory), so the flows
 * fold this into the rule's condition.
 */
export function producible(outcome: Outcome): Cond {
  if (outcome.type === "owner") {
    return outcome.from === "account_owner"
      ? company(
          propertyFilter(OWNER_PROPERTY, {
            operationType: "ALL_PROPERTY",
            operator: "IS_KNOWN",
            includeObjectsWithNoValueSet: false,
          }),
        )
      : known(P.eventOwner);
  }
  if (outcome.type === "pool" && "byTerritory" in outcome) return anyOf(P.territory, Object.keys(outcome.byTerritory));
  return TRUE;
}

/**
 * Hands the leads of inactive reps to their replacements: a record that still names an inactive
 * rep's owner is given the active rep at the end of the replacement chain.
 */
export function withReplacements(property: string, env: FlowEnv, then: Step[]): Step[] {
  const groups = env.reps.replacements;
  if (groups.length === 0) return then;
  const join = env.scope.label("replaced");
  return branch(
    groups.map((group) => ({
      name: `replaced by ${group.toRep}`,
      when: anyOf(property, group.fromOwnerIds),
      steps: () => [setValue(property, group.toOwnerId), { kind: "goto", label: join }],
    })),
    "no replacement",
    () => [{ kind: "label", label: join }, ...then],
  );
}

function poolSteps(poolId: string, env: FlowEnv, then: Continuation, unavailable: () => Step[]): Step[] {
  const rotation = env.pools.get(poolId);
  const pool = env.config.pools.find((candidate) => candidate.id === poolId);
  if (!rotation || !pool || rotation.members.length === 0) return unavailable();
  const owners = rotation.members.map((member) => member.ownerId);
  // Rotation takes user ids (checked by desiredState: every rotating member has one).
  const assign =
    owners.length === 1
      ? setValue(OWNER_PROPERTY, owners[0] as string)
      : rotateOwner(rotation.rotation.map((ownerId) => env.reps.userIdOf(ownerId) ?? ownerId));
  return [assign, setValue(P.pool, poolId), ...then(pool.calendar, owners)];
}

/**
 * The steps of an outcome the caller knows can be produced (see `producible`). `unavailable`
 * continues when a pool has nobody available (the system's fallback rule).
 */
export function outcomeSteps(outcome: Outcome, env: FlowEnv, then: Continuation, unavailable: () => Step[]): Step[] {
  const { config, reps } = env;
  switch (outcome.type) {
    case "rep": {
      const rep = reps.resolve(outcome.rep) ?? outcome.rep;
      const owner = reps.ownerIdOf(rep) ?? "";
      return [setValue(OWNER_PROPERTY, owner), ...then(reps.rep(rep)?.calendar ?? config.defaultCalendar, [owner])];
    }
    case "owner": {
      // Who the owner is, and so their calendar, is only known when the flow runs.
      const rest = withReplacements(OWNER_PROPERTY, env, then(config.defaultCalendar, reps.activeOwnerIds));
      if (outcome.from === "account_owner") {
        env.usesCompany.value = true;
        return [setFromToken(OWNER_PROPERTY, COMPANY_OWNER_TOKEN), ...rest];
      }
      return [copyValue(OWNER_PROPERTY, P.eventOwner), ...rest];
    }
    case "pool": {
      if ("pool" in outcome) return poolSteps(outcome.pool, env, then, unavailable);
      // The rule's condition already requires a territory the map names.
      const entries = Object.entries(outcome.byTerritory);
      return branch(
        entries.slice(0, -1).map(([territory, pool]) => ({
          name: territory,
          when: anyOf(P.territory, [territory]),
          steps: () => poolSteps(pool, env, then, unavailable),
        })),
        entries[entries.length - 1]?.[0] ?? "no pool",
        () => {
          const last = entries[entries.length - 1];
          return last ? poolSteps(last[1], env, then, unavailable) : unavailable();
        },
      );
    }
    case "queue": {
      const queue = config.queues.find((candidate) => candidate.id === outcome.queue);
      const backup = queue ? (reps.resolve(queue.backupOwner) ?? queue.backupOwner) : "";
      const owner = reps.ownerIdOf(backup) ?? "";
      return [
        setValue(OWNER_PROPERTY, owner),
        setValue(P.queue, outcome.queue),
        ...then(queue?.calendar ?? config.defaultCalendar, [owner]),
      ];
    }
    case "nurture":
      // The contact keeps whatever owner it has: HubSpot's nurture needs no owner (warning nurture_keeps_owner).
      return [
        setValue(P.nurture, outcome.sequence),
        enrollInSequence(env.sequenceId(outcome.sequence)),
        ...then(config.defaultCalendar, []),
      ];
  }
}
