/**
 * An escalation's reassignment in the router: the engine's `reassign` (the lead routed again at the
 * step's due time without the owners it was taken from, or to the step's queue) against the pool's
 * rotation ledger, under the ledger lock, like any decision. The step, the lead's new current owner
 * (capacity counts the lead against them from the step's due time) and the ledger advance commit
 * together; the new owner is written to HubSpot after the commit, and a write that fails is retried
 * on later cycles (`written_at`), never decided again.
 */
import { assignee, reassign, reassignmentTarget, type CompiledRouting } from "../engine";
import { HubSpotError } from "../hubspot";
import type { EscalationStepRun, RouteInput } from "../engine/types";
import type { EscalationStep } from "../config/types";
import type { RouterHubSpot } from "./cycle";
import type { RouterDatabase, Sql } from "./database";
import { roundOf, type RoutingRequestKey } from "./request";
import { copyState, LOAD_WINDOW_MS, lockLedger, readLedger, readLoad, writeLedger } from "./store";

/** A reassignment step that fell due for a lead. */
export interface DueReassignment {
  key: RoutingRequestKey;
  input: RouteInput;
  index: number;
  step: Extract<EscalationStep, { action: "reassign" }>;
  dueAt: number;
  /** Owners the lead was taken from so far, its current owner last. */
  away: readonly string[];
  style: EscalationStepRun["style"];
}

/**
 * Runs one reassignment in its own transaction and records it in `escalation_steps`; `also` runs in
 * the same transaction (queueing the step's messages). Returns null when the step was already
 * recorded (another router ran it first).
 */
export async function commitReassignment(
  db: RouterDatabase,
  compiled: CompiledRouting,
  due: DueReassignment,
  now: number,
  also: (tx: Sql, run: EscalationStepRun) => Promise<void>,
): Promise<EscalationStepRun | null> {
  return db.transaction(async (tx) => {
    await lockLedger(tx);
    const { key } = due;
    const seen = await tx.query(
      "SELECT 1 FROM escalation_steps WHERE contact_id = $1 AND requested_at = $2 AND round = $3 AND step_index = $4",
      [key.contactId, key.requestedAt, roundOf(key), due.index],
    );
    if (seen.rows.length > 0) return null;
    const before = await readLedger(tx);
    const rotation = copyState(before);
    // The lead itself is left out of the counts: it is moving, and counts for its new owner after.
    const load = await readLoad(tx, Math.min(now, due.dueAt) - LOAD_WINDOW_MS, now, key);
    const again = reassign(compiled, { ...due.input, load }, due.dueAt, rotation, due.away, due.step.queue);
    const owner = assignee(again);
    const run: EscalationStepRun = {
      index: due.index,
      action: "reassign",
      dueAt: due.dueAt,
      target: reassignmentTarget(again),
      style: due.style,
      reassignment: again,
    };
    await tx.query(
      `INSERT INTO escalation_steps (contact_id, requested_at, step_index, action, due_at, target, reassignment, run_at, round)
       VALUES ($1, $2, $3, 'reassign', $4, $5, $6, $7, $8)`,
      [key.contactId, key.requestedAt, due.index, due.dueAt, run.target, JSON.stringify(again), now, roundOf(key)],
    );
    await tx.query(
      `UPDATE decisions SET current_owner_email = $4, current_pool = $5, assigned_at = $6
        WHERE contact_id = $1 AND requested_at = $2 AND round = $3`,
      [key.contactId, key.requestedAt, roundOf(key), owner, again.pool, due.dueAt],
    );
    await writeLedger(tx, before, rotation, now);
    await also(tx, run);
    return run;
  });
}

/**
 * Writes the owners of committed reassignments not written yet (just committed, or a write that
 * failed on an earlier cycle), in one batch update, and marks them written. A batch HubSpot refuses
 * (a contact deleted since) is written one by one; a contact that no longer exists is marked
 * written; any other failure is left for the next cycle.
 */
export async function writeReassignedOwners(
  db: Sql,
  hubspot: Pick<RouterHubSpot, "updateContacts">,
  owners: () => Promise<{ idOf: ReadonlyMap<string, string> }>,
  now: number,
  log: (line: string) => void,
): Promise<number> {
  const open = await db.query<Record<string, unknown>>(
    `SELECT e.contact_id, e.requested_at, e.round, e.step_index, d.current_owner_email
       FROM escalation_steps e JOIN decisions d
         ON d.contact_id = e.contact_id AND d.requested_at = e.requested_at AND d.round = e.round
      WHERE e.action = 'reassign' AND e.written_at IS NULL
      ORDER BY e.run_at, e.contact_id, e.requested_at, e.round, e.step_index LIMIT 100`,
  );
  if (open.rows.length === 0) return 0;
  const { idOf } = await owners();
  // One write per contact: its latest reassignment's owner (rows come oldest first).
  const ownerOf = new Map<string, string | undefined>();
  for (const row of open.rows) {
    const email = (row.current_owner_email as string | null) ?? null;
    ownerOf.set(String(row.contact_id), email === null ? undefined : idOf.get(email.toLowerCase()));
  }
  const updates = [...ownerOf]
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([id, ownerId]) => ({ id, properties: { hubspot_owner_id: ownerId } }));
  const done = new Set([...ownerOf.keys()].filter((id) => ownerOf.get(id) === undefined));
  try {
    if (updates.length > 0) await hubspot.updateContacts(updates);
    for (const update of updates) done.add(update.id);
  } catch (error) {
    const refused = error instanceof HubSpotError && (error.status === 400 || error.status === 404);
    if (!refused)
      log(`router: writing ${updates.length} reassigned owners failed, will retry: ${(error as Error).message}`);
    for (const update of refused ? updates : []) {
      try {
        await hubspot.updateContacts([update]);
        done.add(update.id);
      } catch (single) {
        if (single instanceof HubSpotError && single.status === 404) done.add(update.id);
        else log(`router: writing the reassigned owner of contact ${update.id} failed, will retry`);
      }
    }
  }
  const written = open.rows.filter((r) => done.has(String(r.contact_id)));
  if (written.length === 0) return 0;
  await db.query(
    `UPDATE escalation_steps e SET written_at = $5
       FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[]) AS w(contact_id, requested_at, round, step_index)
      WHERE e.contact_id = w.contact_id AND e.requested_at = w.requested_at AND e.round = w.round
        AND e.step_index = w.step_index`,
    [
      written.map((r) => String(r.contact_id)),
      written.map((r) => Number(r.requested_at)),
      written.map((r) => Number(r.round)),
      written.map((r) => Number(r.step_index)),
      now,
    ],
  );
  return updates.filter((u) => done.has(u.id)).length;
}
