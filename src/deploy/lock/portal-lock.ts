/**
 * Taking and releasing the portal lock (see record.ts for where it lives and why it is safe).
 * Deploy takes it before reading the portal, so that a second deploy plans only after the first
 * one has written, and finds nothing left to do instead of writing everything a second time.
 */
import {
  decideLock,
  decodeLockRecord,
  encodeLockRecord,
  lockPropertyName,
  type LockGeneration,
  type LockRecord,
} from "./record";
import { RouteOpsError } from "../../errors";

/** What the lock needs from HubSpot. Implemented over the HubSpot adapter (src/hubspot/lock-port.ts). */
export interface LockPort {
  /** Live (not archived) lock properties: generation and description. */
  list(): Promise<{ generation: number; description: string }[]>;
  /** Creates the lock property of that generation; `taken` when HubSpot answers 409 (the name is in use). */
  create(generation: number, description: string): Promise<"created" | "taken">;
  /** Rewrites the description of the generation's property (only its holder ever does). */
  update(generation: number, description: string): Promise<void>;
  /** Archives the generation's property (older generations, once a newer one is held). */
  archive(generation: number): Promise<void>;
}

export interface LockOptions {
  /** Names this run; must be unique (it carries a random token). */
  holder: string;
  /** How long the lock is valid without being released: longer than the command's deadline. */
  ttlMs: number;
  /** How long to wait for another holder before refusing; 0 refuses at once. */
  waitMs: number;
  /** Pause between two looks at a held lock. */
  pollMs: number;
  /** Wall-clock milliseconds (lock expiry is compared across machines). */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Called when the lock is found held, once per holder, with how long we will wait at most. */
  onWait?: (record: LockRecord, waitMs: number) => void;
  /** Called after an expired lock was overridden. */
  onBroken?: (record: LockRecord) => void;
}

export type PortalLockErrorCode = "portal_locked" | "lock_unreadable";

export class PortalLockError extends RouteOpsError {
  override name = "PortalLockError";
  declare readonly code: PortalLockErrorCode;
  constructor(code: PortalLockErrorCode, message: string) {
    super(code, message);
  }
}

/** A lock this run holds. */
export interface HeldLock {
  readonly generation: number;
  readonly propertyName: string;
  /** Records the plan being applied, for whoever finds the lock held. */
  setPlan(fingerprint: string): Promise<void>;
  /** Marks the lock released; never throws (an unreleased lock expires on its own). */
  release(): Promise<boolean>;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function describeHolder(record: LockRecord): string {
  const plan = record.plan ? `, applying plan ${record.plan.slice(0, 12)}` : "";
  return `${record.holder}${plan}, since ${record.acquiredAt}, expires ${record.expiresAt}`;
}

export async function acquirePortalLock(port: LockPort, options: LockOptions): Promise<HeldLock> {
  const deadline = options.now() + options.waitMs;
  let floor = 0;
  let announced: string | null = null;
  for (;;) {
    const generations: LockGeneration[] = (await port.list()).map((entry) => ({
      generation: entry.generation,
      record: decodeLockRecord(entry.description),
    }));
    const decision = decideLock(generations, options.now());
    if (decision.kind === "unreadable") {
      throw new PortalLockError(
        "lock_unreadable",
        `the deploy lock (contact property ${lockPropertyName(decision.generation)} in HubSpot) has a description ` +
          "RouteOps cannot read, so it cannot tell whether another deploy is running. If none is, archive that " +
          "property in HubSpot (Settings > Properties) and deploy again.",
      );
    }
    if (decision.kind === "held") {
      const remaining = deadline - options.now();
      if (remaining <= 0) {
        throw new PortalLockError(
          "portal_locked",
          `another deploy holds the portal lock (${describeHolder(decision.record)}), so nothing was written. ` +
            "Deploy again when it has finished (or pass --lock-wait SECONDS to wait for it). A lock whose " +
            "deploy died is taken over once it expires.",
        );
      }
      if (announced !== decision.record.holder) {
        announced = decision.record.holder;
        options.onWait?.(decision.record, remaining);
      }
      await options.sleep(Math.min(options.pollMs, remaining));
      continue;
    }
    const generation = Math.max(decision.generation, floor);
    const now = options.now();
    const record: LockRecord = {
      holder: options.holder,
      plan: null,
      acquiredAt: iso(now),
      expiresAt: iso(now + options.ttlMs),
      state: "held",
    };
    const outcome = await createOrRecognise(port, generation, record);
    if (outcome === "taken") {
      // Someone else created this generation first (or its name is still in HubSpot's recycle bin).
      floor = generation + 1;
      continue;
    }
    if (decision.broken) options.onBroken?.(decision.broken);
    for (const older of generations) {
      if (older.generation < generation) await port.archive(older.generation).catch(() => undefined);
    }
    return heldLock(port, generation, record);
  }
}

/** Creates the generation; a create whose answer was lost counts as ours when the portal shows our record. */
async function createOrRecognise(port: LockPort, generation: number, record: LockRecord): Promise<"created" | "taken"> {
  try {
    return await port.create(generation, encodeLockRecord(record));
  } catch (error) {
    const found = (await port.list().catch(() => [])).find((entry) => entry.generation === generation);
    if (found && decodeLockRecord(found.description)?.holder === record.holder) return "created";
    throw error;
  }
}

function heldLock(port: LockPort, generation: number, initial: LockRecord): HeldLock {
  let record = initial;
  return {
    generation,
    propertyName: lockPropertyName(generation),
    async setPlan(fingerprint) {
      record = { ...record, plan: fingerprint };
      await port.update(generation, encodeLockRecord(record));
    },
    async release() {
      record = { ...record, state: "released" };
      try {
        await port.update(generation, encodeLockRecord(record));
        return true;
      } catch {
        return false;
      }
    },
  };
}
