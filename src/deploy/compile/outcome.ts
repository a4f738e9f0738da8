/**
 * Where a lead goes, as flow steps: the owner assignment (direct, copied, rotated), what the
 * contact records about it, then the continuation for the SLA calendar that applies.
 */
import type { Outcome } from "../../config/types";
import { MANAGED_PROPERTIES as P } from "../managed-names";
import { copyValue, enrollInSequence, OWNER_PROPERTY, rotateOwner, setFromToken, setValue } from "./actions";
import { COMPANY_OWNER_TOKEN, type FlowEnv } from "./env";
import { anyOf } from "./filters";
import { branch, type Step } from "./steps";

/** Continues with the calendar whose hours the SLA runs on. */
export type Continuation = (calendarId: string) => Step[];

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
      name: `${group.fromReps.join(", ")} -> ${group.toRep}`,
      when: anyOf(property, group.fromOwnerIds),
      steps: () => [setValue(property, group.toOwnerId), { kind: "goto", label: join }],
    })),
    "no replacement",
    () => [{ kind: "label", label: join }, ...then],
  );
}

function poolSteps(poolId: string, env: FlowEnv, then: Continuation, fallback: () => Step[]): Step[] {
  const rotation = env.pools.get(poolId);
  const pool = env.config.pools.find((candidate) => candidate.id === poolId);
  if (!rotation || !pool || rotation.members.length === 0) return fallback();
  const assign =
    rotation.members.length === 1
      ? setValue(OWNER_PROPERTY, (rotation.members[0] as { ownerId: string }).ownerId)
      : rotateOwner(rotation.rotation);
  return [assign, setValue(P.pool, poolId), ...then(pool.calendar)];
}

export function outcomeSteps(outcome: Outcome, env: FlowEnv, then: Continuation, fallback: () => Step[]): Step[] {
  const { config, reps } = env;
  switch (outcome.type) {
    case "rep": {
      const rep = reps.resolve(outcome.rep) ?? outcome.rep;
      return [
        setValue(OWNER_PROPERTY, reps.ownerIdOf(rep) ?? ""),
        ...then(reps.rep(rep)?.calendar ?? config.defaultCalendar),
      ];
    }
    case "owner": {
      // Who the owner is, and so their calendar, is only known when the flow runs.
      if (outcome.from === "account_owner") {
        env.usesCompany.value = true;
        return [
          setFromToken(OWNER_PROPERTY, COMPANY_OWNER_TOKEN),
          ...withReplacements(OWNER_PROPERTY, env, then(config.defaultCalendar)),
        ];
      }
      return [
        copyValue(OWNER_PROPERTY, P.eventOwner),
        ...withReplacements(OWNER_PROPERTY, env, then(config.defaultCalendar)),
      ];
    }
    case "pool": {
      if ("pool" in outcome) return poolSteps(outcome.pool, env, then, fallback);
      return branch(
        Object.entries(outcome.byTerritory).map(([territory, pool]) => ({
          name: territory,
          when: anyOf(P.territory, [territory]),
          steps: () => poolSteps(pool, env, then, fallback),
        })),
        "no pool for the territory",
        fallback,
      );
    }
    case "queue": {
      const queue = config.queues.find((candidate) => candidate.id === outcome.queue);
      const backup = queue ? (reps.resolve(queue.backupOwner) ?? queue.backupOwner) : "";
      return [
        setValue(OWNER_PROPERTY, reps.ownerIdOf(backup) ?? ""),
        setValue(P.queue, outcome.queue),
        ...then(queue?.calendar ?? config.defaultCalendar),
      ];
    }
    case "nurture":
      // The contact keeps whatever owner it has: HubSpot's nurture needs no owner (warning nurture_keeps_owner).
      return [
        setValue(P.nurture, outcome.sequence),
        enrollInSequence(env.sequenceId(outcome.sequence)),
        ...then(config.defaultCalendar),
      ];
  }
}
