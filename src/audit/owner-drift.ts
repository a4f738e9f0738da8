/**
 * Owner drift: reps the config counts on that HubSpot no longer has as active owners. HubSpot's
 * owner list is read-only to RouteOps, so these are always changes made outside it (a user
 * deactivated, an email changed), and routing to such a rep leaves leads unworked.
 */
import type { RoutingConfig } from "../config/types";
import type { DriftItem } from "./model";
import type { OwnerDirectory } from "./owners";

export function ownerDrift(config: RoutingConfig, owners: OwnerDirectory): DriftItem[] {
  const poolsOf = new Map<string, string[]>();
  for (const pool of config.pools) {
    for (const member of pool.members) {
      const email = member.rep.toLowerCase();
      poolsOf.set(email, [...(poolsOf.get(email) ?? []), pool.id]);
    }
  }
  const queuesOf = new Map<string, string[]>();
  for (const queue of config.queues) {
    const email = queue.backupOwner.toLowerCase();
    queuesOf.set(email, [...(queuesOf.get(email) ?? []), queue.id]);
  }

  const items: DriftItem[] = [];
  for (const rep of config.reps) {
    // A rep marked inactive in the config is expected to be gone from HubSpot.
    if (rep.active === false) continue;
    const email = rep.email.toLowerCase();
    const owner = owners.byEmail(email);
    if (owner && !owner.archived) continue;
    const pools = poolsOf.get(email) ?? [];
    const queues = queuesOf.get(email) ?? [];
    const roles = [
      ...(pools.length ? [`member of pool ${pools.join(", ")}`] : []),
      ...(queues.length ? [`backup owner of queue ${queues.join(", ")}`] : []),
    ];
    const problem = owner
      ? `active in routing/ but deactivated in HubSpot (owner ${owner.id} is archived)`
      : "active in routing/ but HubSpot has no owner with this email";
    items.push({
      object: pools.length ? "pool_member" : "owner",
      name: email,
      change: owner ? "deactivated" : "no owner",
      details: [
        problem,
        ...roles,
        `mark the rep inactive (active: false, replacedBy: ...) in routing/, or reactivate the user in HubSpot`,
      ],
    });
  }
  return items;
}
