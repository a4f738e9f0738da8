import type { SeedRep } from "../options";
import type { Owner } from "../portal/owners";
import type { Portal } from "../portal/portal";

const DAY = 86_400_000;
export const FIRST_OWNER_ID = 80_000_001;
export const FIRST_USER_ID = 9_000_001;

/** Owners for the reps, in the given order; a rep who is not active is an archived owner without userId. */
export function seedOwners(portal: Portal, reps: readonly SeedRep[], now: number): Owner[] {
  const teamIds = new Map<string, string>();
  const teamId = (name: string) => {
    if (!teamIds.has(name)) teamIds.set(name, String(4_100 + teamIds.size));
    return teamIds.get(name)!;
  };
  return reps.map((rep, index) => {
    const userId = FIRST_USER_ID + index;
    const createdAt = now - (400 - index) * DAY;
    const owner: Owner = {
      id: String(FIRST_OWNER_ID + index),
      email: rep.email,
      firstName: rep.firstName,
      lastName: rep.lastName,
      userIdIncludingInactive: userId,
      type: "PERSON",
      archived: !rep.active,
      teams: (rep.teams ?? []).map((name, i) => ({ id: teamId(name), name, primary: i === 0 })),
      createdAt,
      updatedAt: rep.active ? createdAt : now - 30 * DAY,
    };
    if (rep.active) owner.userId = userId;
    portal.owners.put(owner);
    return owner;
  });
}
