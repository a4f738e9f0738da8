/**
 * The portal lock's record: who holds the lock, for which plan, until when. It lives in the
 * description of a hidden contact property (one property per lock generation), so it is stored in
 * the portal itself and holds across machines. Pure: encoding, decoding and the decision.
 *
 * Why a property: HubSpot's property create is a compare-and-set. `POST /crm/v3/properties/{objectType}`
 * answers 409 CONFLICT when a property of that name exists (category `CONFLICT`, "Property named
 * 'x' already exists.", developers.hubspot.com/docs/api-reference/latest/crm/properties, and the SDK's
 * `CoreApi.create` in HubSpot/hubspot-sdk-typescript), so of N deploys creating generation k at the
 * same moment exactly one succeeds. An archived name stays in the recycle bin and cannot be
 * reused at once, which is why every lock has a new generation instead of being re-created.
 */

/** Lock properties are named `<prefix><generation>`; the prefix is not `routeops_`, so no plan ever manages them. */
export const LOCK_PROPERTY_PREFIX = "lock_routeops_deploy_g";
/** Present in every lock description, so that a person looking at the property knows what it is. */
const LOCK_HEADER = "RouteOps deploy lock (do not edit): ";

export interface LockRecord {
  /** Who took it: host, process and a random token that only this holder knows. */
  holder: string;
  /** Fingerprint of the plan being applied, once known. */
  plan: string | null;
  acquiredAt: string;
  expiresAt: string;
  state: "held" | "released";
}

/** One lock generation as read from the portal. `record` is null when its description is unreadable. */
export interface LockGeneration {
  generation: number;
  record: LockRecord | null;
}

export function lockPropertyName(generation: number): string {
  return `${LOCK_PROPERTY_PREFIX}${generation}`;
}

/** The generation of a lock property name, or undefined for any other property. */
export function lockGenerationOf(name: string): number | undefined {
  if (!name.startsWith(LOCK_PROPERTY_PREFIX)) return undefined;
  const digits = name.slice(LOCK_PROPERTY_PREFIX.length);
  return /^[1-9][0-9]{0,8}$/.test(digits) ? Number(digits) : undefined;
}

export function encodeLockRecord(record: LockRecord): string {
  return `${LOCK_HEADER}${JSON.stringify(record)}`;
}

export function decodeLockRecord(description: string): LockRecord | null {
  if (!description.startsWith(LOCK_HEADER)) return null;
  try {
    const value = JSON.parse(description.slice(LOCK_HEADER.length)) as Partial<LockRecord>;
    if (
      typeof value.holder !== "string" ||
      typeof value.acquiredAt !== "string" ||
      typeof value.expiresAt !== "string" ||
      Number.isNaN(Date.parse(value.expiresAt)) ||
      (value.state !== "held" && value.state !== "released")
    ) {
      return null;
    }
    return {
      holder: value.holder,
      plan: typeof value.plan === "string" ? value.plan : null,
      acquiredAt: value.acquiredAt,
      expiresAt: value.expiresAt,
      state: value.state,
    };
  } catch {
    return null;
  }
}

export type LockDecision =
  /** Nobody holds it: create this generation. `broken` names the expired holder being overridden. */
  | { kind: "take"; generation: number; broken: LockRecord | null }
  /** Held by someone else until `record.expiresAt`. */
  | { kind: "held"; generation: number; record: LockRecord }
  /** The newest lock property cannot be read: a person must look at it. */
  | { kind: "unreadable"; generation: number };

/**
 * What to do, given the live lock generations. Only the newest generation counts: a holder of an
 * older one was overridden when its lock expired.
 */
export function decideLock(generations: LockGeneration[], nowMs: number): LockDecision {
  const newest = [...generations].sort((a, b) => b.generation - a.generation)[0];
  if (!newest) return { kind: "take", generation: 1, broken: null };
  const next = newest.generation + 1;
  if (!newest.record) return { kind: "unreadable", generation: newest.generation };
  if (newest.record.state === "released") return { kind: "take", generation: next, broken: null };
  if (Date.parse(newest.record.expiresAt) <= nowMs) return { kind: "take", generation: next, broken: newest.record };
  return { kind: "held", generation: newest.generation, record: newest.record };
}
