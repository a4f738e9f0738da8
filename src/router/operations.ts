/**
 * Routing operations in the router: Slack notifications of routed leads, and SLA escalation.
 *
 * - Notifications are queued in the `notifications` table once a lead's writes are done (the
 *   decision is committed and in HubSpot by then), then sent with the Slack adapter. A send that
 *   fails is retried on later cycles with backoff; a permanent Slack error is recorded as
 *   `failed`. Nothing here can undo or hold back a decision.
 * - Escalation: for decided leads whose SLA is past due, the router reads the first touch from
 *   HubSpot, asks the engine which steps are due (`dueEscalationSteps`, pure), records each new
 *   step in `escalation_steps` (part of the decision log), queues its message and, for a
 *   reassignment, routes the lead again without its owner against the pool's rotation ledger
 *   (src/router/reassignment.ts) and writes the new owner to HubSpot.
 *
 * First touch: the contact's `hs_sa_first_engagement_date` ("Date of first engagement", the first
 * sales activity after assignment), else `hs_last_sales_activity_timestamp` ("Last engagement
 * date") or `notes_last_contacted` ("Last contacted") when later than the routing instant
 * (`firstTouchOf`, src/router/open-leads.ts). Names from HubSpot's knowledge base "HubSpot's
 * default contact properties"
 * (https://knowledge.hubspot.com/properties/hubspots-default-contact-properties); UNVERIFIED
 * against a live portal here. A first touch read is kept on the decision (`first_touch_at`): the
 * lead is no longer open (capacity) and, once its SLA is met, no longer read.
 */
import type { RoutingConfig } from "../config/types";
import { assignee, dueEscalationSteps, escalationStyle, notifyTarget, type CompiledRouting } from "../engine";
import type { Decision, EscalationStepRun, RouteInput } from "../engine/types";
import { planEscalationNotification, planLeadNotification, type PlannedNotification } from "../notifications";
import type { SlackClient } from "../slack";
import type { RouterHubSpot } from "./cycle";
import type { RouterDatabase, Sql } from "./database";
import { commitReassignment, writeReassignedOwners } from "./reassignment";
import {
  firstTouchOf,
  FIRST_TOUCH_PROPERTIES,
  OPEN_WINDOW_MS,
  recordFirstTouches,
  refreshFirstTouches,
} from "./open-leads";
import { roundOf, type RoutingRequestKey } from "./request";

const MAX_ATTEMPTS = 8;
/** Escalation looks at leads decided in the last 30 days: as long as an untouched lead counts as open. */
const WATCH_WINDOW_MS = OPEN_WINDOW_MS;

export interface OperationsContext {
  db: RouterDatabase;
  hubspot: RouterHubSpot;
  compiled: CompiledRouting;
  config: RoutingConfig;
  slack: SlackClient | null;
  owners: () => Promise<{ idOf: Map<string, string> }>;
  now: () => number;
  /** Wait before an open lead's first touch is read again (src/router/open-leads.ts). */
  touchRecheckMs: number;
  log: (line: string) => void;
}

function num(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

function parse<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

async function queue(db: Sql, key: RoutingRequestKey, planned: PlannedNotification[], kindSuffix: string, now: number) {
  for (const n of planned) {
    await db.query(
      `INSERT INTO notifications (contact_id, requested_at, round, kind, channel, message, next_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (contact_id, requested_at, round, kind) DO NOTHING`,
      [
        key.contactId,
        key.requestedAt,
        roundOf(key),
        `${n.kind}${kindSuffix}`,
        n.channel,
        JSON.stringify(n.message),
        now,
      ],
    );
  }
}

/** Queues the lead notifications of leads whose writes are done. */
export async function queueLeadNotifications(context: OperationsContext, keys: RoutingRequestKey[]): Promise<number> {
  if (context.slack === null || keys.length === 0) return 0;
  let queued = 0;
  for (const key of keys) {
    const rows = await context.db.query<{ input: unknown; decision: unknown }>(
      "SELECT input, decision FROM decisions WHERE contact_id = $1 AND requested_at = $2 AND round = $3",
      [key.contactId, key.requestedAt, roundOf(key)],
    );
    const row = rows.rows[0];
    if (!row) continue;
    const planned = planLeadNotification(context.config, parse<RouteInput>(row.input), parse<Decision>(row.decision), {
      directMessages: context.slack.kind === "bot",
    });
    await queue(context.db, key, planned, "", context.now());
    queued += planned.length;
  }
  return queued;
}

/** Notifications in the outbox not sent yet (waiting for their time or a retry). */
export async function pendingNotifications(db: Sql): Promise<number> {
  const result = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM notifications WHERE status = 'pending'");
  return num(result.rows[0]?.n ?? 0);
}

/** Sends the notifications that are due; failures wait and are tried again. Never throws for Slack. */
export async function sendNotifications(
  context: OperationsContext,
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  const { slack, db } = context;
  if (slack === null) return { sent: 0, failed: 0 };
  const now = context.now();
  const due = await db.query<Record<string, unknown>>(
    `SELECT id, channel, message, attempts FROM notifications WHERE status = 'pending' AND next_at <= $1 ORDER BY id LIMIT $2`,
    [now, limit],
  );
  let sent = 0;
  let failed = 0;
  for (const row of due.rows) {
    const attempts = num(row.attempts) + 1;
    const result = await slack.send(
      { channel: (row.channel as string | null) ?? null },
      parse<{ text: string; blocks: [] }>(row.message),
    );
    if (result.delivered) {
      sent++;
      await db.query(
        "UPDATE notifications SET status = 'done', attempts = $2, done_at = $3, slack_ts = $4, last_error = NULL WHERE id = $1",
        [num(row.id), attempts, context.now(), result.ts],
      );
      continue;
    }
    failed++;
    const giveUp = !result.retryable || attempts >= MAX_ATTEMPTS;
    const wait = Math.min(3_600_000, 30_000 * 2 ** (attempts - 1));
    await db.query("UPDATE notifications SET status = $2, attempts = $3, next_at = $4, last_error = $5 WHERE id = $1", [
      num(row.id),
      giveUp ? "failed" : "pending",
      attempts,
      context.now() + wait,
      result.error,
    ]);
    context.log(
      `router: Slack notification ${num(row.id)} not delivered (${result.error})${giveUp ? ", given up" : ", will retry"}`,
    );
  }
  return { sent, failed };
}

interface Watched {
  key: RoutingRequestKey;
  input: RouteInput;
  decision: Decision;
  /** The first touch the router already knows of, if any (not read from HubSpot again). */
  firstTouchAt: number | null;
  done: Set<number>;
  /** The owner each recorded reassignment moved the lead to, by step index. */
  movedTo: Map<number, string | null>;
}

/**
 * Runs the escalation steps that have come due. Returns the steps run. A HubSpot read that fails
 * leaves every step for the next cycle. Reassignments are the engine's against the rotation ledger
 * (`commitReassignment`); their owners are written after the commit, and retried when that fails.
 */
export async function watchEscalations(context: OperationsContext): Promise<EscalationStepRun[]> {
  const { db, compiled } = context;
  const now = context.now();
  const rows = await db.query<Record<string, unknown>>(
    `SELECT d.contact_id, d.requested_at, d.round, d.input, d.decision, d.first_touch_at,
            COALESCE((SELECT json_agg(json_build_object('index', e.step_index, 'reassignment', e.reassignment))
                        FROM escalation_steps e
                       WHERE e.contact_id = d.contact_id AND e.requested_at = d.requested_at AND e.round = d.round), '[]') AS done
       FROM decisions d JOIN routing_requests r
         ON r.contact_id = d.contact_id AND r.requested_at = d.requested_at AND r.round = d.round
      WHERE r.status = 'done' AND d.requested_at >= $1 AND d.decision->>'slaDueAt' IS NOT NULL
        AND (d.decision->>'slaDueAt')::bigint <= $2
        AND (d.first_touch_at IS NULL OR d.first_touch_at > (d.decision->>'slaDueAt')::bigint)
      ORDER BY d.requested_at, d.contact_id, d.round`,
    [now - WATCH_WINDOW_MS, now],
  );
  const watched: Watched[] = rows.rows
    .map((row) => {
      const done = parse<{ index: number; reassignment: unknown }[]>(row.done);
      return {
        key: { contactId: String(row.contact_id), requestedAt: num(row.requested_at), round: num(row.round) },
        input: parse<RouteInput>(row.input),
        decision: parse<Decision>(row.decision),
        firstTouchAt: row.first_touch_at === null || row.first_touch_at === undefined ? null : num(row.first_touch_at),
        done: new Set(done.map((d) => num(d.index))),
        movedTo: new Map(
          done
            .filter((d) => d.reassignment !== null)
            .map((d) => [num(d.index), assignee(parse<Decision>(d.reassignment))] as const),
        ),
      };
    })
    .filter((w) => (compiled.escalations.get(w.decision.slaPolicy ?? "")?.length ?? 0) > w.done.size);
  const runs = watched.length === 0 ? [] : await runDueSteps(context, watched, now);
  // One batch update for the pass's reassigned owners (and any left by a failed write).
  await writeReassignedOwners(db, context.hubspot, context.owners, now, context.log);
  return runs;
}

async function runDueSteps(context: OperationsContext, watched: Watched[], now: number): Promise<EscalationStepRun[]> {
  const { db, compiled } = context;
  // First touches: the ones the log knows, else one batch read for the others (kept on the decision).
  const unknown = watched.filter((w) => w.firstTouchAt === null);
  const contacts = new Map(
    unknown.length === 0
      ? []
      : (
          await context.hubspot.batchReadContacts(
            [...new Set(unknown.map((w) => w.key.contactId))],
            [...FIRST_TOUCH_PROPERTIES],
          )
        ).map((c) => [c.id, c.properties]),
  );
  const reads: { key: RoutingRequestKey; firstTouchAt: number | null }[] = [];
  const dues = watched.flatMap((w) => {
    let firstTouchAt = w.firstTouchAt;
    if (firstTouchAt === null) {
      const properties = contacts.get(w.key.contactId);
      if (!properties) return [];
      firstTouchAt = firstTouchOf(properties, w.key.requestedAt);
      reads.push({ key: w.key, firstTouchAt });
    }
    return [{ w, due: dueEscalationSteps(compiled, w.decision, { now, firstTouchAt }).due }];
  });
  await recordFirstTouches(db, reads, now);
  // Reassignments count open leads: bring in the touches of reps near their open cap first.
  const reassignments = dues.reduce(
    (n, { w, due }) => n + due.filter((s) => s.step.action === "reassign" && !w.done.has(s.index)).length,
    0,
  );
  await refreshFirstTouches({ ...context, now }, reassignments);
  const runs: EscalationStepRun[] = [];
  for (const { w, due } of dues) {
    let owner = assignee(w.decision);
    const away: string[] = [];
    const style = escalationStyle(w.decision);
    for (const step of due) {
      if (step.step.action === "reassign" && owner !== null) away.push(owner);
      if (w.done.has(step.index)) {
        if (w.movedTo.has(step.index)) owner = w.movedTo.get(step.index) ?? null;
        continue;
      }
      const notifyInTransaction = async (tx: Sql, run: EscalationStepRun) => {
        if (!context.slack) return;
        const planned = planEscalationNotification(context.config, w.input, w.decision, run, {
          directMessages: context.slack.kind === "bot",
        });
        await queue(tx, w.key, planned, `:${run.index}`, now);
      };
      if (step.step.action === "reassign") {
        // The engine's reassignment against the pool's rotation ledger, committed with the step.
        const run = await commitReassignment(
          db,
          compiled,
          { key: w.key, input: w.input, index: step.index, step: step.step, dueAt: step.dueAt, away, style },
          now,
          notifyInTransaction,
        );
        if (run === null) break; // another router ran it: it goes on from there
        owner = assignee(run.reassignment!);
        runs.push(run);
        continue;
      }
      const run: EscalationStepRun = {
        index: step.index,
        action: step.step.action,
        dueAt: step.dueAt,
        target: notifyTarget(step.step, owner),
        style,
      };
      await db.transaction(async (tx) => {
        const inserted = await tx.query(
          `INSERT INTO escalation_steps (contact_id, requested_at, step_index, action, due_at, target, run_at, round)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING step_index`,
          [w.key.contactId, w.key.requestedAt, run.index, run.action, run.dueAt, run.target, now, roundOf(w.key)],
        );
        if (inserted.rows.length > 0) await notifyInTransaction(tx, run);
      });
      runs.push(run);
    }
  }
  return runs;
}

/** The escalation steps recorded for a lead, in order (for `why` and tests). */
export async function escalationLog(db: Sql, key: RoutingRequestKey) {
  const rows = await db.query<Record<string, unknown>>(
    "SELECT step_index, action, due_at, target, run_at FROM escalation_steps WHERE contact_id = $1 AND requested_at = $2 AND round = $3 ORDER BY step_index",
    [key.contactId, key.requestedAt, roundOf(key)],
  );
  return rows.rows.map((r) => ({
    index: num(r.step_index),
    action: String(r.action),
    dueAt: num(r.due_at),
    target: (r.target as string | null) ?? null,
    runAt: num(r.run_at),
  }));
}
