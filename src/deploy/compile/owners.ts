/**
 * Reps resolved to HubSpot owners at compile time: every active rep must be an active owner,
 * inactive reps are followed to their final replacement, and the owners an inactive rep may still
 * hold on records are remembered so the flows can hand their leads over.
 */
import type { RepConfig, RoutingConfig } from "../../config/types";
import type { DeployError } from "../diagnostics";
import type { OwnerDirectory } from "../model/owners";

/** Owner ids of inactive reps, grouped by the active rep that replaces them. */
export interface ReplacementGroup {
  toRep: string;
  toOwnerId: string;
  fromReps: string[];
  fromOwnerIds: string[];
}

export interface RepDirectory {
  /** Owner id of an active rep (by email, any case). */
  ownerIdOf(email: string): string | undefined;
  /** The user id behind an owner id (rotation actions take user ids), if the owner has a user. */
  userIdOf(ownerId: string): string | undefined;
  /** The active rep that receives leads addressed to `email` (itself when active), by email. */
  resolve(email: string): string | undefined;
  /** The config entry of a rep. */
  rep(email: string): RepConfig | undefined;
  replacements: ReplacementGroup[];
  /** Owner ids of every rep HubSpot knows (active and inactive), for "by a rep" filters. */
  repOwnerIds: string[];
  /** Owner ids of the active reps, in config order. */
  activeOwnerIds: string[];
  /** Active reps, in config order, whose territories include `territory`: their owner ids. */
  coverage(territory: string): string[];
  inactiveWithoutOwner: string[];
}

const key = (email: string) => email.trim().toLowerCase();

export function resolveReps(
  config: RoutingConfig,
  owners: OwnerDirectory,
): { reps: RepDirectory; errors: DeployError[] } {
  const errors: DeployError[] = [];
  const byEmail = new Map<string, { rep: RepConfig; index: number }>();
  config.reps.forEach((rep, index) => byEmail.set(key(rep.email), { rep, index }));

  const ownersByEmail = new Map<string, OwnerDirectory>();
  for (const owner of owners) {
    const list = ownersByEmail.get(key(owner.email)) ?? [];
    list.push(owner);
    ownersByEmail.set(key(owner.email), list);
  }

  const activeOwner = new Map<string, string>();
  const anyOwner = new Map<string, string>();
  config.reps.forEach((rep, index) => {
    const matches = ownersByEmail.get(key(rep.email)) ?? [];
    const live = matches.filter((owner) => !owner.archived);
    const archived = matches.filter((owner) => owner.archived);
    const remembered = live[0] ?? archived[0];
    if (remembered) anyOwner.set(key(rep.email), remembered.id);
    if (rep.active === false) return;
    const path = `reps[${index}]`;
    if (live.length === 1) {
      activeOwner.set(key(rep.email), (live[0] as { id: string }).id);
    } else if (live.length > 1) {
      errors.push({
        code: "owner_ambiguous",
        rep: rep.email,
        path,
        message: `Rep ${rep.email} matches ${live.length} active HubSpot owners (ids ${live.map((o) => o.id).join(", ")}). Deactivate the duplicate user in HubSpot so that one owner remains.`,
      });
    } else if (archived.length > 0) {
      errors.push({
        code: "owner_deactivated",
        rep: rep.email,
        path,
        message: `Rep ${rep.email} is active in the routing config but deactivated in HubSpot (owner ${archived.map((o) => o.id).join(", ")} is archived). Reactivate the user in HubSpot, or mark the rep inactive with a replacement (${path}: active: false, replacedBy: "...").`,
      });
    } else {
      errors.push({
        code: "owner_not_found",
        rep: rep.email,
        path,
        message: `Rep ${rep.email} has no HubSpot owner with that email. Add them as a HubSpot user, or correct the email in the routing config (${path}.email).`,
      });
    }
  });

  const resolved = new Map<string, string>();
  config.reps.forEach((rep, index) => {
    const seen = [key(rep.email)];
    let current = rep;
    while (current.active === false) {
      const next = current.replacedBy ? byEmail.get(key(current.replacedBy)) : undefined;
      const problem = !current.replacedBy
        ? `is inactive and names no replacement (add replacedBy)`
        : !next
          ? `is replaced by ${current.replacedBy}, who is not a rep in the config`
          : seen.includes(key(next.rep.email))
            ? `is part of a replacement loop (${[...seen, key(next.rep.email)].join(" -> ")})`
            : undefined;
      if (problem || !next) {
        errors.push({
          code: "replacement_chain_broken",
          rep: rep.email,
          path: `reps[${index}].replacedBy`,
          message: `Rep ${current.email} ${problem}: leads addressed to ${rep.email} would have no active owner.`,
        });
        return;
      }
      seen.push(key(next.rep.email));
      current = next.rep;
    }
    resolved.set(key(rep.email), key(current.email));
  });

  const groups = new Map<string, ReplacementGroup>();
  const inactiveWithoutOwner: string[] = [];
  for (const rep of config.reps) {
    if (rep.active !== false) continue;
    const target = resolved.get(key(rep.email));
    const from = anyOwner.get(key(rep.email));
    const to = target ? activeOwner.get(target) : undefined;
    if (!from) inactiveWithoutOwner.push(rep.email);
    if (!target || !from || !to) continue;
    const group = groups.get(target) ?? { toRep: target, toOwnerId: to, fromReps: [], fromOwnerIds: [] };
    group.fromReps.push(rep.email);
    if (!group.fromOwnerIds.includes(from)) group.fromOwnerIds.push(from);
    groups.set(target, group);
  }

  const userIds = new Map(
    owners.filter((owner) => owner.userId !== undefined).map((owner) => [owner.id, String(owner.userId)]),
  );
  const reps: RepDirectory = {
    ownerIdOf: (email) => activeOwner.get(key(email)),
    userIdOf: (ownerId) => userIds.get(ownerId),
    resolve: (email) => resolved.get(key(email)),
    rep: (email) => byEmail.get(key(email))?.rep,
    replacements: [...groups.values()],
    repOwnerIds: config.reps.map((rep) => anyOwner.get(key(rep.email))).filter((id): id is string => id !== undefined),
    activeOwnerIds: config.reps
      .map((rep) => activeOwner.get(key(rep.email)))
      .filter((id): id is string => id !== undefined),
    coverage: (territory) =>
      config.reps
        .filter((rep) => rep.active !== false && rep.territories.includes(territory))
        .map((rep) => activeOwner.get(key(rep.email)))
        .filter((id): id is string => id !== undefined),
    inactiveWithoutOwner,
  };
  return { reps, errors };
}
