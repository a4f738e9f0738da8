/**
 * HubSpot owners joined to the config's reps: `hubspot_owner_id` values become reps with names and
 * calendars. Emails compare case-insensitively, as HubSpot's owner search does.
 */
import type { RepConfig, RoutingConfig } from "../config/types";
import type { AuditOwner } from "./contact";
import type { RepRef } from "./model";

/** An owner id resolved against HubSpot's owner list and the config. */
export interface ResolvedOwner {
  id: string;
  /** Lower-cased email, or `null` when HubSpot does not know the owner id. */
  email: string | null;
  archived: boolean;
  /** The config's rep with this email, when there is one. */
  rep: RepConfig | null;
}

export interface OwnerDirectory {
  resolve(ownerId: string): ResolvedOwner;
  /** How reports name the owner. */
  refOf(ownerId: string): RepRef;
  /** The owner with this email (any case), archived ones included. */
  byEmail(email: string): AuditOwner | null;
}

export function ownerDirectory(owners: readonly AuditOwner[], config: RoutingConfig): OwnerDirectory {
  const ownersById = new Map(owners.map((owner) => [owner.id, owner]));
  const ownersByEmail = new Map<string, AuditOwner>();
  // An active owner wins over an archived one with the same email (a user re-invited after leaving).
  for (const owner of [...owners].sort((a, b) => Number(b.archived) - Number(a.archived))) {
    if (owner.email) ownersByEmail.set(owner.email.toLowerCase(), owner);
  }
  const repsByEmail = new Map(config.reps.map((rep) => [rep.email.toLowerCase(), rep]));
  const cache = new Map<string, ResolvedOwner>();

  function resolve(ownerId: string): ResolvedOwner {
    let resolved = cache.get(ownerId);
    if (!resolved) {
      const owner = ownersById.get(ownerId);
      const email = owner?.email ? owner.email.toLowerCase() : null;
      resolved = {
        id: ownerId,
        email,
        archived: owner?.archived ?? false,
        rep: email ? (repsByEmail.get(email) ?? null) : null,
      };
      cache.set(ownerId, resolved);
    }
    return resolved;
  }

  return {
    resolve,
    refOf(ownerId) {
      const resolved = resolve(ownerId);
      if (resolved.rep) return { rep: resolved.email ?? ownerId, name: resolved.rep.name };
      const owner = ownersById.get(ownerId);
      const name = [owner?.firstName, owner?.lastName].filter((part) => part && part.trim()).join(" ");
      if (resolved.email) return { rep: resolved.email, name: name || resolved.email };
      return { rep: `owner ${ownerId}`, name: `unknown owner ${ownerId}` };
    },
    byEmail(email) {
      return ownersByEmail.get(email.toLowerCase()) ?? null;
    },
  };
}
