/**
 * Open leads, for the open-lead cap (`capacity.open`): a lead decided for a rep (its current owner,
 * after any reassignment) whose first touch the router has not seen. The count comes from the
 * decision log (`decisions.first_touch_at`, migration 005) under the ledger lock; what HubSpot
 * knows is brought in before, outside the lock:
 *
 * - before a batch is decided (and before reassignments), `refreshFirstTouches` reads the first
 *   touch of the open leads of the reps whose open count is within reach of their cap (the only
 *   ones whose cap can bind in this batch), 100 contacts per batch read, and only leads not read
 *   in the last `touchRecheckMs` (the decision counts as a read): so a burst costs no extra call,
 *   and a rep at the cap gets a lead at most that long after touching one;
 * - the escalation watch keeps every first touch it reads.
 *
 * A lead nobody touches stays open for `OPEN_WINDOW_MS` (30 days, the escalation watch window)
 * after its request, then no longer counts: the router stops reading it.
 */
import { HubSpotError } from "../hubspot";
import { epochMillis } from "../hubspot/records";
import type { CompiledRouting } from "../engine";
import type { RouterHubSpot } from "./cycle";
import type { Sql } from "./database";
import { roundOf, type RoutingRequestKey } from "./request";

/** How long an untouched lead counts as open: the escalation watch window, 30 days. */
export const OPEN_WINDOW_MS = 30 * 86_400_000;
/** Default wait before the router reads an open lead's first touch again. */
export const TOUCH_RECHECK_MS = 60_000;
/** At most this many open leads are read per refresh (10 batch reads). */
const REFRESH_LIMIT = 1_000;

/** Contact properties that tell when the owner first touched the lead (docs/router.md says why these). */
export const FIRST_TOUCH_PROPERTIES = [
  "hs_sa_first_engagement_date",
  "hs_last_sales_activity_timestamp",
  "notes_last_contacted",
] as const;

/** A HubSpot date property's instant (ISO text or epoch milliseconds), or null. */
function instant(raw: string | null | undefined): number | null {
  const ms = epochMillis(raw?.trim());
  return ms !== undefined && Number.isFinite(ms) ? ms : null;
}

/** The first touch after `routedAt` among the activity properties, or null. */
export function firstTouchOf(properties: Record<string, string | null | undefined>, routedAt: number): number | null {
  const first = instant(properties.hs_sa_first_engagement_date);
  if (first !== null && first >= routedAt) return first;
  const later = [properties.hs_last_sales_activity_timestamp, properties.notes_last_contacted]
    .map((raw) => instant(raw))
    .filter((t): t is number => t !== null && t >= routedAt);
  return later.length > 0 ? Math.min(...later) : null;
}

const num = (value: unknown): number => Number(value);

/** The open-lead caps of the config: lower-cased rep email → cap. */
export function openCaps(compiled: CompiledRouting): Map<string, number> {
  const caps = new Map<string, number>();
  for (const [email, rep] of compiled.reps) {
    if (rep.capacity?.open !== null && rep.capacity?.open !== undefined)
      caps.set(email.toLowerCase(), rep.capacity.open);
  }
  return caps;
}

/**
 * What makes a lead of the decision log open, with `$1` the start of the open window (now minus
 * OPEN_WINDOW_MS) and `$2` now: it has an owner, no first touch seen, a contact HubSpot still has,
 * and was requested in the window. Counting (readOpenLeads) and reading first touches
 * (refreshFirstTouches) use this one condition.
 */
const OPEN_LEAD = `first_touch_at IS NULL AND contact_gone_at IS NULL AND current_owner_email IS NOT NULL
        AND requested_at >= $1 AND requested_at <= $2`;

/**
 * The condition that leaves one lead out of a count of the decision log (`exclude`: the lead being
 * reassigned; none: every lead counts), with its parameters numbered from `$first`.
 */
export function otherLeads(exclude: RoutingRequestKey | undefined, first: number): { sql: string; params: unknown[] } {
  return {
    sql: `NOT (contact_id = $${first} AND requested_at = $${first + 1} AND round = $${first + 2})`,
    params: [exclude?.contactId ?? "", exclude?.requestedAt ?? -1, exclude ? roundOf(exclude) : -1],
  };
}

/**
 * Open leads per current owner (lower-cased email) at `now`: no first touch seen, requested in the
 * last `OPEN_WINDOW_MS`. `exclude`: a lead left out (one being reassigned).
 */
export async function readOpenLeads(
  db: Sql,
  now: number,
  exclude?: RoutingRequestKey,
): Promise<Record<string, number>> {
  const others = otherLeads(exclude, 3);
  const result = await db.query<{ rep: string; n: unknown }>(
    `SELECT lower(current_owner_email) AS rep, count(*) AS n FROM decisions
      WHERE ${OPEN_LEAD} AND ${others.sql}
      GROUP BY lower(current_owner_email)`,
    [now - OPEN_WINDOW_MS, now, ...others.params],
  );
  return Object.fromEntries(result.rows.map((row) => [row.rep, num(row.n)]));
}

/**
 * Keeps first touches read from HubSpot (`firstTouchAt` null: read, none yet; `gone`: the read
 * did not return the contact, so its lead is no longer open).
 */
export async function recordFirstTouches(
  db: Sql,
  reads: { key: RoutingRequestKey; firstTouchAt: number | null; gone?: boolean }[],
  now: number,
): Promise<void> {
  if (reads.length === 0) return;
  await db.query(
    `UPDATE decisions d SET touch_checked_at = $5, first_touch_at = coalesce(d.first_touch_at, t.first_touch_at),
            contact_gone_at = CASE WHEN t.gone THEN coalesce(d.contact_gone_at, $5) ELSE d.contact_gone_at END
       FROM unnest($1::text[], $2::bigint[], $3::int[], $4::bigint[], $6::boolean[])
            AS t(contact_id, requested_at, round, first_touch_at, gone)
      WHERE d.contact_id = t.contact_id AND d.requested_at = t.requested_at AND d.round = t.round`,
    [
      reads.map((r) => r.key.contactId),
      reads.map((r) => r.key.requestedAt),
      reads.map((r) => roundOf(r.key)),
      reads.map((r) => r.firstTouchAt),
      now,
      reads.map((r) => r.gone === true),
    ],
  );
}

export interface RefreshContext {
  db: Sql;
  hubspot: Pick<RouterHubSpot, "batchReadContacts">;
  compiled: CompiledRouting;
  now: number;
  touchRecheckMs: number;
  log: (line: string) => void;
}

/**
 * Reads from HubSpot the first touch of the open leads whose count could bind a cap when `incoming`
 * more leads are decided: the open leads of each rep with an open cap whose open count is at least
 * the cap minus `incoming`, not read in the last `touchRecheckMs`. Returns the HubSpot calls made
 * (batch reads of 100). A failed read is logged and skipped: the counts stay what the log knows,
 * and routing goes on.
 */
export async function refreshFirstTouches(context: RefreshContext, incoming: number): Promise<number> {
  const caps = openCaps(context.compiled);
  if (caps.size === 0 || incoming <= 0) return 0;
  const { db, now } = context;
  const reps = [...caps.keys()];
  const due = await db.query<{ contact_id: string; requested_at: unknown; round: unknown }>(
    `WITH open AS (
       SELECT contact_id, requested_at, round, lower(current_owner_email) AS rep,
              coalesce(touch_checked_at, decided_at) AS checked
         FROM decisions
        WHERE ${OPEN_LEAD}),
     near AS (
       SELECT o.rep FROM open o JOIN unnest($3::text[], $4::int[]) AS c(rep, threshold) ON c.rep = o.rep
        GROUP BY o.rep, c.threshold HAVING count(*) >= c.threshold)
     SELECT contact_id, requested_at, round FROM open
      WHERE rep IN (SELECT rep FROM near) AND (checked <= $5 OR checked > $2)
      ORDER BY checked, contact_id LIMIT $6`,
    [
      now - OPEN_WINDOW_MS,
      now,
      reps,
      reps.map((rep) => Math.max(0, caps.get(rep)! - incoming)),
      now - context.touchRecheckMs,
      REFRESH_LIMIT,
    ],
  );
  if (due.rows.length === 0) return 0;
  const keys = due.rows.map((row) => ({
    contactId: String(row.contact_id),
    requestedAt: num(row.requested_at),
    round: num(row.round),
  }));
  let contacts: Map<string, Record<string, string | null | undefined>>;
  try {
    const read = await context.hubspot.batchReadContacts(
      [...new Set(keys.map((k) => k.contactId))],
      [...FIRST_TOUCH_PROPERTIES],
    );
    contacts = new Map(read.map((c) => [c.id, c.properties]));
  } catch (error) {
    if (!(error instanceof HubSpotError)) throw error;
    context.log(`router: reading first touches failed, open counts stay as logged: ${error.message}`);
    return 0;
  }
  await recordFirstTouches(
    db,
    keys.map((key) => {
      const properties = contacts.get(key.contactId);
      // A batch read answers the ids it cannot find with errors (HubSpot: 207, OBJECT_NOT_FOUND)
      // and the adapter returns the records found: a contact not among them was deleted. A merged
      // contact too, if HubSpot answers its old id with the surviving record under the new id
      // (unverified: HubSpot's docs do not say); the surviving contact's own lead still counts.
      return properties
        ? { key, firstTouchAt: firstTouchOf(properties, key.requestedAt) }
        : { key, firstTouchAt: null, gone: true };
    }),
    now,
  );
  return Math.ceil(new Set(keys.map((k) => k.contactId)).size / 100);
}
