/**
 * The router's SQL: routing requests, the rotation ledger, the decision log and the outbox. Every
 * statement runs on PGlite and on PostgreSQL alike. Times are epoch ms from the injected clock.
 */
import type { LeadLoad, RotationState } from "../engine/types";
import type { RouterDatabase, Sql } from "./database";
import { otherLeads, readOpenLeads } from "./open-leads";
import { roundOf, type RoutingRequestKey } from "./request";

export type RequestSource = "webhook" | "poll" | "api";

export interface StoredRequest extends RoutingRequestKey {
  source: RequestSource;
  receivedAt: number;
  attempts: number;
}

export type OutboxKind = "contact_update" | "task_create";

export interface OutboxRow {
  id: number;
  contactId: string;
  requestedAt: number;
  round: number;
  kind: OutboxKind;
  payload: unknown;
  status: "pending" | "attempting" | "done";
  attempts: number;
}

/** One request's decision, ready to be committed. */
export interface DecisionRecord {
  key: RoutingRequestKey;
  email: string | null;
  configVersion: string;
  system: string;
  rule: string;
  ownerEmail: string | null;
  ownerId: string | null;
  input: unknown;
  decision: unknown;
  writes: { kind: OutboxKind; payload: unknown }[];
}

// Every decision takes this lock for its transaction: the ledger is read, advanced and written
// by one router at a time, so replicas share one exact rotation.
const LEDGER_LOCK = 7_713_002;

const num = (value: unknown): number => Number(value);

/** Request keys as three parallel arrays: parameters $1 (contact ids), $2 (instants), $3 (rounds). */
function keyArrays(keys: RoutingRequestKey[]): [string[], number[], number[]] {
  return [keys.map((k) => k.contactId), keys.map((k) => k.requestedAt), keys.map(roundOf)];
}

/** The keys of `keyArrays` as a table `k` (one statement for a whole batch). */
const KEYS = "unnest($1::text[], $2::bigint[], $3::int[]) AS k(contact_id, requested_at, round)";

/** `alias`'s row is the request `keys` names. */
const MATCH = (alias: string, keys = "k") =>
  `${alias}.contact_id = ${keys}.contact_id AND ${alias}.requested_at = ${keys}.requested_at AND ${alias}.round = ${keys}.round`;

/** A request as learnt from a webhook or the poll. */
export interface LearntRequest extends RoutingRequestKey {
  source: RequestSource;
  /**
   * The contact may have asked again at an instant it was already routed for (a webhook: the
   * capture stamps the same value again; the poll: the contact reads as re-requested).
   */
  recheck?: boolean;
  /**
   * When HubSpot made the change (a webhook's `occurredAt`): a recheck only follows a change made
   * at or after the instant's last round closed, so HubSpot's retries and duplicates of the
   * original change cost nothing. Absent (the poll): no such condition.
   */
  changedAt?: number;
}

/**
 * Records requests. A request not known yet (contact and instant) is new (round 0). A known one is
 * left as it is, unless `recheck` and every round of it is closed (done, skipped): then a round one
 * higher is added, to be read and routed if the contact did ask again at that instant (a duplicate
 * delivery finds it not asking and is closed as skipped). Returns how many rows were added.
 */
export async function enqueueRequests(db: Sql, requests: LearntRequest[], now: number): Promise<number> {
  if (requests.length === 0) return 0;
  // One statement for the whole delivery (or poll page): the new ones become round 0.
  const inserted = await db.query<{ contact_id: string; requested_at: unknown }>(
    `INSERT INTO routing_requests (contact_id, requested_at, source, received_at)
     SELECT contact_id, requested_at, source, $4 FROM unnest($1::text[], $2::bigint[], $3::text[])
       AS r(contact_id, requested_at, source)
     ON CONFLICT (contact_id, requested_at, round) DO NOTHING RETURNING contact_id, requested_at`,
    [requests.map((r) => r.contactId), requests.map((r) => r.requestedAt), requests.map((r) => r.source), now],
  );
  let added = inserted.rows.length;
  const fresh = new Set(inserted.rows.map((row) => `${row.contact_id}:${num(row.requested_at)}`));
  const seen = new Set<string>();
  for (const request of requests) {
    const key = `${request.contactId}:${request.requestedAt}`;
    if (!request.recheck || fresh.has(key) || seen.has(key)) continue;
    seen.add(key);
    const result = await db.query(
      `INSERT INTO routing_requests (contact_id, requested_at, round, source, received_at)
       SELECT $1, $2, coalesce(max(round) + 1, 0), $3, $4 FROM routing_requests
       WHERE contact_id = $1 AND requested_at = $2
       HAVING coalesce(bool_and(status IN ('done', 'skipped')), true)
         AND ($5::bigint IS NULL OR coalesce(max(done_at), 0) <= $5::bigint)
       ON CONFLICT (contact_id, requested_at, round) DO NOTHING RETURNING contact_id`,
      [request.contactId, request.requestedAt, request.source, now, request.changedAt ?? null],
    );
    added += result.rows.length;
  }
  return added;
}

/**
 * Leases up to `limit` pending requests, oldest request first, skipping rows another router has
 * locked or leased (`FOR UPDATE SKIP LOCKED`).
 */
export async function claimRequests(
  db: RouterDatabase,
  owner: string,
  limit: number,
  now: number,
  leaseMs: number,
): Promise<StoredRequest[]> {
  const result = await db.query<Record<string, unknown>>(
    `UPDATE routing_requests r SET lease_owner = $1, lease_until = $2, attempts = r.attempts + 1
     FROM (SELECT contact_id, requested_at, round FROM routing_requests
           WHERE status = 'pending' AND not_before <= $3
             AND (lease_owner = $1 OR lease_until IS NULL OR lease_until < $3)
           ORDER BY requested_at, contact_id, round LIMIT $4 FOR UPDATE SKIP LOCKED) picked
     WHERE r.contact_id = picked.contact_id AND r.requested_at = picked.requested_at AND r.round = picked.round
     RETURNING r.contact_id, r.requested_at, r.round, r.source, r.received_at, r.attempts`,
    [owner, now + leaseMs, now, limit],
  );
  return result.rows
    .map((row) => ({
      contactId: String(row.contact_id),
      requestedAt: num(row.requested_at),
      round: num(row.round),
      source: row.source as RequestSource,
      receivedAt: num(row.received_at),
      attempts: num(row.attempts),
    }))
    .sort((a, b) => a.requestedAt - b.requestedAt || a.contactId.localeCompare(b.contactId));
}

/** Gives requests back: pending again from `notBefore` on (a read that had not caught up). */
export async function releaseRequests(
  db: Sql,
  keys: RoutingRequestKey[],
  notBefore: number,
  note: string | null,
): Promise<void> {
  if (keys.length === 0) return;
  await db.query(
    `UPDATE routing_requests r SET lease_owner = NULL, lease_until = NULL, not_before = $4, note = $5
     FROM ${KEYS} WHERE ${MATCH("r")} AND r.status = 'pending'`,
    [...keyArrays(keys), notBefore, note],
  );
}

/** Closes requests that will not be decided (superseded, routed elsewhere, contact gone). */
export async function closeRequests(
  db: Sql,
  closed: { key: RoutingRequestKey; status: "superseded" | "skipped"; note: string }[],
  now: number,
): Promise<void> {
  if (closed.length === 0) return;
  await db.query(
    `UPDATE routing_requests r SET status = c.status, note = c.note, done_at = $4, lease_owner = NULL, lease_until = NULL
     FROM unnest($1::text[], $2::bigint[], $3::int[], $5::text[], $6::text[])
       AS c(contact_id, requested_at, round, status, note)
     WHERE ${MATCH("r", "c")} AND r.status = 'pending'`,
    [...keyArrays(closed.map((c) => c.key)), now, closed.map((c) => c.status), closed.map((c) => c.note)],
  );
}

/** The ledger as the engine's rotation state. */
export async function readLedger(db: Sql): Promise<RotationState> {
  const result = await db.query<{ pool: string; member: string; counter: unknown }>(
    "SELECT pool, member, counter FROM rotation_ledger ORDER BY pool, member",
  );
  const state: RotationState = { pools: {} };
  for (const row of result.rows) {
    const pool = (state.pools[row.pool] ??= {});
    pool[row.member] = num(row.counter);
  }
  return state;
}

/** Writes the members whose counter moved from `before` to `after`. */
export async function writeLedger(db: Sql, before: RotationState, after: RotationState, now: number): Promise<void> {
  for (const [pool, members] of Object.entries(after.pools)) {
    for (const [member, counter] of Object.entries(members)) {
      if (before.pools[pool]?.[member] === counter) continue;
      await db.query(
        `INSERT INTO rotation_ledger (pool, member, counter, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (pool, member) DO UPDATE SET counter = EXCLUDED.counter, updated_at = EXCLUDED.updated_at`,
        [pool, member, counter, now],
      );
    }
  }
}

export function copyState(state: RotationState): RotationState {
  return { pools: Object.fromEntries(Object.entries(state.pools).map(([pool, m]) => [pool, { ...m }])) };
}

/** Capacity caps count at most a business week back: eight days of decisions cover any week. */
export const LOAD_WINDOW_MS = 8 * 86_400_000;

/**
 * What reps and pools already have, from the decision log, for the engine's capacity caps: every
 * lead its current owner got since `since` (the decided owner, or the owner an escalation
 * reassigned it to, at the instant they got it, with the pool it came from), and the open leads of
 * each owner at `now` (no first touch seen, src/router/open-leads.ts). `exclude`: a lead left out
 * (the one being reassigned: it counts for its new owner once moved).
 */
export async function readLoad(db: Sql, since: number, now: number, exclude?: RoutingRequestKey): Promise<LeadLoad> {
  const others = otherLeads(exclude, 2);
  const result = await db.query<{ current_owner_email: string; current_pool: string | null; assigned_at: unknown }>(
    `SELECT current_owner_email, current_pool, assigned_at FROM decisions
      WHERE assigned_at >= $1 AND current_owner_email IS NOT NULL AND ${others.sql}`,
    [since, ...others.params],
  );
  return {
    assigned: result.rows.map((row) => ({
      rep: row.current_owner_email,
      pool: row.current_pool ?? null,
      at: num(row.assigned_at),
    })),
    open: await readOpenLeads(db, now, exclude),
  };
}

/** Takes the ledger lock for the rest of the transaction: one router reads and advances the ledger at a time. */
export async function lockLedger(tx: Sql): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [LEDGER_LOCK]);
}

/**
 * Decides requests in one transaction: takes the ledger lock, keeps only the requests still
 * pending (another router may have decided one since), lets `decide` route them in order
 * against the ledger, then commits the decisions, their outbox writes and the ledger advance
 * together. Nothing reaches HubSpot before this commits. Returns the committed decisions.
 */
export async function commitDecisions(
  db: RouterDatabase,
  owner: string,
  keys: RoutingRequestKey[],
  now: number,
  leaseMs: number,
  decide: (pending: RoutingRequestKey[], rotation: RotationState, load: LeadLoad) => DecisionRecord[],
): Promise<DecisionRecord[]> {
  return db.transaction(async (tx) => {
    await lockLedger(tx);
    const still = await tx.query<{ contact_id: string; requested_at: unknown; round: unknown }>(
      `SELECT r.contact_id, r.requested_at, r.round FROM routing_requests r, ${KEYS}
       WHERE ${MATCH("r")} AND r.status = 'pending' FOR UPDATE OF r`,
      keyArrays(keys),
    );
    const open = new Set(still.rows.map((row) => `${row.contact_id}:${num(row.requested_at)}:${num(row.round)}`));
    const pending = keys.filter((key) => open.has(`${key.contactId}:${key.requestedAt}:${roundOf(key)}`));
    if (pending.length === 0) return [];
    const before = await readLedger(tx);
    const rotation = copyState(before);
    // Capacity counts come from the decision log, read under the same lock as the ledger.
    const load = await readLoad(tx, now - LOAD_WINDOW_MS, now);
    const records = decide(pending, rotation, load);
    if (records.length > 0) {
      const decided = records.map((r) => r.key);
      await tx.query(
        `INSERT INTO decisions (contact_id, requested_at, round, email, decided_at, config_version, system, rule,
                                owner_email, owner_id, input, decision, current_owner_email, current_pool, assigned_at)
         SELECT d.contact_id, d.requested_at, d.round, d.email, $4, d.config_version, d.system, d.rule,
                d.owner_email, d.owner_id, d.input::jsonb, d.decision::jsonb, d.owner_email,
                d.decision::jsonb->>'pool', d.requested_at
         FROM unnest($1::text[], $2::bigint[], $3::int[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::text[])
           AS d(contact_id, requested_at, round, email, config_version, system, rule, owner_email, owner_id, input, decision)`,
        [
          ...keyArrays(decided),
          now,
          records.map((r) => r.email),
          records.map((r) => r.configVersion),
          records.map((r) => r.system),
          records.map((r) => r.rule),
          records.map((r) => r.ownerEmail),
          records.map((r) => r.ownerId),
          records.map((r) => JSON.stringify(r.input)),
          records.map((r) => JSON.stringify(r.decision)),
        ],
      );
      const writes = records.flatMap((record) => record.writes.map((write) => ({ key: record.key, write })));
      if (writes.length > 0) {
        await tx.query(
          `INSERT INTO outbox (contact_id, requested_at, round, kind, payload, lease_owner, lease_until, created_at)
           SELECT w.contact_id, w.requested_at, w.round, w.kind, w.payload::jsonb, $6, $7, $8
           FROM unnest($1::text[], $2::bigint[], $3::int[], $4::text[], $5::text[]) WITH ORDINALITY
             AS w(contact_id, requested_at, round, kind, payload, n)
           ORDER BY w.n`,
          [
            ...keyArrays(writes.map((w) => w.key)),
            writes.map((w) => w.write.kind),
            writes.map((w) => JSON.stringify(w.write.payload)),
            owner,
            now + leaseMs,
            now,
          ],
        );
      }
      await tx.query(
        `UPDATE routing_requests r SET status = 'decided', decided_at = $4 FROM ${KEYS} WHERE ${MATCH("r")}`,
        [...keyArrays(decided), now],
      );
    }
    await writeLedger(tx, before, rotation, now);
    return records;
  });
}

function outboxRow(row: Record<string, unknown>): OutboxRow {
  return {
    id: num(row.id),
    contactId: String(row.contact_id),
    requestedAt: num(row.requested_at),
    round: num(row.round),
    kind: row.kind as OutboxKind,
    payload: typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload,
    status: row.status as OutboxRow["status"],
    attempts: num(row.attempts),
  };
}

/**
 * Leases open outbox rows: the ones this router holds (`mine`: just decided) or any whose lease
 * ran out (a router that crashed or stalled). Oldest first.
 */
export async function claimOutbox(
  db: Sql,
  owner: string,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<OutboxRow[]> {
  const result = await db.query<Record<string, unknown>>(
    `UPDATE outbox o SET lease_owner = $1, lease_until = $2
     FROM (SELECT id FROM outbox
           WHERE status <> 'done' AND (lease_owner = $1 OR lease_until IS NULL OR lease_until < $3)
           ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED) picked
     WHERE o.id = picked.id
     RETURNING o.id, o.contact_id, o.requested_at, o.round, o.kind, o.payload, o.status, o.attempts`,
    [owner, now + leaseMs, now, limit],
  );
  return result.rows.map(outboxRow).sort((a, b) => a.id - b.id);
}

/** Marks rows as sent-but-unconfirmed before a create: after a crash, the replay looks first. */
export async function markAttempting(db: Sql, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(`UPDATE outbox SET status = 'attempting', attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [
    ids,
  ]);
}

export async function markOutboxDone(db: Sql, done: { id: number; result: unknown }[], now: number): Promise<void> {
  if (done.length === 0) return;
  await db.query(
    `UPDATE outbox o SET status = 'done', result = d.result::jsonb, done_at = $3, lease_owner = NULL, lease_until = NULL
     FROM unnest($1::bigint[], $2::text[]) AS d(id, result) WHERE o.id = d.id`,
    [done.map((d) => d.id), done.map((d) => JSON.stringify(d.result ?? null)), now],
  );
}

/** Gives outbox rows back after a failed write, to be retried after `retryAt`. */
export async function releaseOutbox(db: Sql, ids: number[], retryAt: number): Promise<void> {
  if (ids.length === 0) return;
  await db.query(`UPDATE outbox SET lease_owner = NULL, lease_until = $2 WHERE id = ANY($1::bigint[])`, [ids, retryAt]);
}

/** Requests whose writes are all done become `done`; returns them (for the latency metric). */
export async function finishRequests(
  db: Sql,
  keys: RoutingRequestKey[],
  now: number,
): Promise<{ key: RoutingRequestKey; system: string }[]> {
  if (keys.length === 0) return [];
  const result = await db.query<{ contact_id: string; requested_at: unknown; round: unknown; system: string }>(
    `UPDATE routing_requests r SET status = 'done', done_at = $4, lease_owner = NULL, lease_until = NULL
     FROM ${KEYS}, decisions d
     WHERE ${MATCH("r")} AND r.status = 'decided'
       AND d.contact_id = r.contact_id AND d.requested_at = r.requested_at AND d.round = r.round
       AND NOT EXISTS (SELECT 1 FROM outbox o
                       WHERE o.contact_id = r.contact_id AND o.requested_at = r.requested_at AND o.round = r.round
                         AND o.status <> 'done')
     RETURNING r.contact_id, r.requested_at, r.round, d.system`,
    [...keyArrays(keys), now],
  );
  return result.rows.map((row) => ({
    key: { contactId: String(row.contact_id), requestedAt: num(row.requested_at), round: num(row.round) },
    system: row.system,
  }));
}

/**
 * Decided requests whose writes are all done but that are not closed: a router stopped between
 * the last write and `finishRequests` leaves them so, with no open outbox row that would bring a
 * later cycle back to them. Oldest first, at most `limit`.
 */
export async function settledRequests(db: Sql, limit: number): Promise<RoutingRequestKey[]> {
  const result = await db.query<{ contact_id: string; requested_at: unknown; round: unknown }>(
    `SELECT r.contact_id, r.requested_at, r.round FROM routing_requests r
     WHERE r.status = 'decided'
       AND NOT EXISTS (SELECT 1 FROM outbox o
                       WHERE o.contact_id = r.contact_id AND o.requested_at = r.requested_at AND o.round = r.round
                         AND o.status <> 'done')
     ORDER BY r.requested_at, r.contact_id, r.round LIMIT $1`,
    [limit],
  );
  return result.rows.map((row) => ({
    contactId: row.contact_id,
    requestedAt: num(row.requested_at),
    round: num(row.round),
  }));
}

/** How many requests wait: pending (not decided) and decided (writes not all done). */
export async function queueDepth(db: Sql): Promise<{ pending: number; decided: number }> {
  const result = await db.query<{ status: string; n: unknown }>(
    `SELECT status, count(*) AS n FROM routing_requests WHERE status IN ('pending', 'decided') GROUP BY status`,
  );
  const depth = { pending: 0, decided: 0 };
  for (const row of result.rows) depth[row.status as "pending" | "decided"] = num(row.n);
  return depth;
}

/** A row of the decision log. */
export interface LoggedDecision {
  contactId: string;
  requestedAt: number;
  /** 0, or the recheck round of an instant already routed (see `RoutingRequestKey`). */
  round: number;
  email: string | null;
  decidedAt: number;
  configVersion: string;
  system: string;
  rule: string;
  ownerEmail: string | null;
  ownerId: string | null;
  input: unknown;
  decision: unknown;
  /** Request status: decided (writes pending) or done. */
  status: string;
  doneAt: number | null;
}

/** The decisions for a contact id or an email, newest first. */
export async function findDecisions(db: Sql, contact: string, limit = 20): Promise<LoggedDecision[]> {
  const byEmail = contact.includes("@");
  const result = await db.query<Record<string, unknown>>(
    `SELECT d.*, r.status, r.done_at FROM decisions d
     JOIN routing_requests r ON r.contact_id = d.contact_id AND r.requested_at = d.requested_at AND r.round = d.round
     WHERE ${byEmail ? "lower(d.email) = lower($1)" : "d.contact_id = $1"}
     ORDER BY d.requested_at DESC, d.round DESC LIMIT $2`,
    [contact, limit],
  );
  return result.rows.map((row) => ({
    contactId: String(row.contact_id),
    requestedAt: num(row.requested_at),
    round: num(row.round),
    email: (row.email as string | null) ?? null,
    decidedAt: num(row.decided_at),
    configVersion: String(row.config_version),
    system: String(row.system),
    rule: String(row.rule),
    ownerEmail: (row.owner_email as string | null) ?? null,
    ownerId: (row.owner_id as string | null) ?? null,
    input: typeof row.input === "string" ? JSON.parse(row.input) : row.input,
    decision: typeof row.decision === "string" ? JSON.parse(row.decision) : row.decision,
    status: String(row.status),
    doneAt: row.done_at === null || row.done_at === undefined ? null : num(row.done_at),
  }));
}
