/**
 * One routing cycle, in separate steps so that later work (capacity, SLA escalation, Slack) can
 * hook in between them:
 *
 * 1. claim: lease pending requests (oldest first, `FOR UPDATE SKIP LOCKED`);
 * 2. read: the contacts and their primary companies, 100 per batch call; for contacts with no
 *    company, the companies with their email's domain (account matching, one search);
 * 3. decide: in one transaction, route each request with the engine against the rotation ledger
 *    and commit the decision, its outbox writes and the ledger advance together;
 * 4. write: replay the outbox to HubSpot (contact updates in batches, then SLA tasks, looking
 *    first for a task an interrupted attempt may have created);
 * 5. notify: hand the routed leads to the notifier (the style is recorded on the contact);
 * 6. finish: requests whose writes are all done are closed and measured.
 */
import type { CompiledRouting } from "../engine";
import { accountLookupDomains, assignee, route } from "../engine";
import { portalCompany } from "../simulate/portal-sample";
import { HubSpotError, type HubSpotAdapter } from "../hubspot";
import { accountsFor, type AccountDirectory } from "./accounts";
import type { RouterDatabase } from "./database";
import type { RouterMetrics } from "./metrics";
import { refreshFirstTouches } from "./open-leads";
import {
  REQUEST_COMPANY_PROPERTIES,
  REQUEST_CONTACT_PROPERTIES,
  requestStanding,
  roundOf,
  type RequestStanding,
  type RoutingRequestKey,
} from "./request";
import {
  claimOutbox,
  claimRequests,
  closeRequests,
  commitDecisions,
  finishRequests,
  markAttempting,
  markOutboxDone,
  releaseOutbox,
  releaseRequests,
  settledRequests,
  type DecisionRecord,
  type OutboxRow,
} from "./store";
import { decisionWrites, type ContactUpdatePayload, type TaskCreatePayload } from "./writes";

/** Tasks per batch create (HubSpot's batch limit, CRM v3 objects API: 100 inputs). */
const TASK_BATCH = 100;

/** What the router needs from HubSpot; the HubSpot adapter is one. */
export type RouterHubSpot = Pick<
  HubSpotAdapter,
  | "listOwners"
  | "batchReadContacts"
  | "batchReadCompanies"
  | "updateContacts"
  | "createTasks"
  | "contactTasks"
  | "searchContactsOnce"
  | "searchCompaniesForAccounts"
  | "requests"
>;

/** The steps of a cycle, as reported to `afterStep` (crash tests stop the router after each). */
export type RouterStep =
  | "claimed"
  | "read"
  | "decided"
  | "contacts_sent"
  | "contacts_written"
  | "tasks_marked"
  | "tasks_created"
  | "tasks_written"
  | "notified"
  | "finished";

/** Every step, in the order a cycle passes them. */
export const ROUTER_STEPS: readonly RouterStep[] = [
  "claimed",
  "read",
  "decided",
  "contacts_sent",
  "contacts_written",
  "tasks_marked",
  "tasks_created",
  "tasks_written",
  "notified",
  "finished",
];

/** A lead whose writes are done, as the notify step sees it. */
export interface RoutedLead {
  key: RoutingRequestKey;
  system: string;
  latencyMs: number;
}

export interface CycleHooks {
  /** Called after each step; throwing here simulates a crash at that point. */
  afterStep?: (step: RouterStep) => void | Promise<void>;
  /** The notify step: leads whose owner was written. Default: nothing beyond the recorded style. */
  notify?: (leads: RoutedLead[]) => void | Promise<void>;
}

export interface CycleContext {
  db: RouterDatabase;
  hubspot: RouterHubSpot;
  compiled: CompiledRouting;
  configVersion: string;
  /** Companies with additional domains, kept across cycles (account matching). */
  accounts: AccountDirectory;
  owners: () => Promise<{ emailOf: Map<string, string>; idOf: Map<string, string> }>;
  metrics: RouterMetrics;
  replicaId: string;
  now: () => number;
  batchSize: number;
  leaseMs: number;
  /** How long a request whose read has not caught up waits before it is tried again. */
  retryDelayMs: number;
  /** Wait before an open lead's first touch is read again (src/router/open-leads.ts). */
  touchRecheckMs: number;
  hooks: CycleHooks;
  log: (line: string) => void;
}

export interface CycleReport {
  claimed: number;
  decided: number;
  closed: number;
  written: number;
  finished: number;
  failedWrites: number;
  /** Claimed requests given back because HubSpot did not answer their reads. */
  failedReads: number;
}

async function step(context: CycleContext, name: RouterStep): Promise<void> {
  await context.hooks.afterStep?.(name);
}

/** One cycle: claim, read, decide, write, notify, finish. Returns what it did. */
export async function runCycle(context: CycleContext): Promise<CycleReport> {
  const report: CycleReport = {
    claimed: 0,
    decided: 0,
    closed: 0,
    written: 0,
    finished: 0,
    failedWrites: 0,
    failedReads: 0,
  };
  const claimed = await claimRequests(context.db, context.replicaId, context.batchSize, context.now(), context.leaseMs);
  report.claimed = claimed.length;
  if (claimed.length > 0) {
    await step(context, "claimed");
    let decided: DecisionRecord[];
    try {
      decided = await decideStep(context, claimed, report);
    } catch (error) {
      if (isInjected(error) || !(error instanceof HubSpotError)) throw error;
      // HubSpot did not answer the reads (after the adapter's retries): try these again later.
      context.log(`router: reading ${claimed.length} contacts failed, will retry: ${error.message}`);
      await releaseRequests(context.db, claimed, context.now() + context.retryDelayMs, "reading the contact failed");
      decided = [];
      report.failedReads += claimed.length;
    }
    report.decided = decided.length;
    if (decided.length > 0) await step(context, "decided");
  }
  await writeStep(context, report);
  return report;
}

/**
 * Account matching by email domain: for leads with no associated company (and an email domain that
 * is not free mail, when the config matches accounts), the companies HubSpot has with that domain
 * or a parent of it, one search for the whole batch. The engine picks among them (`input.accounts`).
 */
async function findAccounts(
  context: CycleContext,
  toRoute: { input: RequestStanding }[],
  ownerEmails: ReadonlyMap<string, string>,
): Promise<void> {
  const lookups = new Map(
    toRoute.flatMap(({ input }) =>
      input.kind === "route" ? [[input.input, accountLookupDomains(context.compiled, input.input)] as const] : [],
    ),
  );
  const domains = [...new Set([...lookups.values()].flat())];
  if (domains.length === 0) return;
  const sentAt = context.now();
  const search = context.accounts.search(domains);
  const found = await context.hubspot.searchCompaniesForAccounts(search, [...REQUEST_COMPANY_PROPERTIES]);
  context.accounts.learn(search, found, sentAt);
  const companies = found.map((company) => portalCompany(company, ownerEmails));
  for (const [input, accounts] of accountsFor(lookups, companies)) input.accounts = accounts;
}

/** Steps 2 and 3: read the facts, decide in one transaction. */
async function decideStep(
  context: CycleContext,
  claimed: RoutingRequestKey[],
  report: CycleReport,
): Promise<DecisionRecord[]> {
  const { hubspot } = context;
  const contactIds = [...new Set(claimed.map((c) => c.contactId))];
  const contacts = new Map(
    (await hubspot.batchReadContacts(contactIds, [...REQUEST_CONTACT_PROPERTIES])).map((c) => [c.id, c]),
  );
  const companyIds = [
    ...new Set(
      [...contacts.values()].map((c) => c.properties.associatedcompanyid?.trim()).filter((id): id is string => !!id),
    ),
  ];
  const companies = new Map(
    companyIds.length === 0
      ? []
      : (await hubspot.batchReadCompanies(companyIds, [...REQUEST_COMPANY_PROPERTIES])).map((c) => [c.id, c]),
  );
  const owners = await context.owners();
  await step(context, "read");

  const now = context.now();
  const toRoute: { key: RoutingRequestKey; input: ReturnType<typeof routeInput> }[] = [];
  const closed: Parameters<typeof closeRequests>[1] = [];
  const notYet: RoutingRequestKey[] = [];
  function routeInput(key: RoutingRequestKey) {
    const contact = contacts.get(key.contactId)!;
    const companyId = contact.properties.associatedcompanyid?.trim();
    return requestStanding(key, contact, companyId ? companies.get(companyId) : undefined, owners.emailOf);
  }
  for (const key of claimed) {
    if (!contacts.has(key.contactId)) {
      closed.push({ key, status: "skipped", note: "the contact does not exist (deleted or merged)" });
      continue;
    }
    const standing = routeInput(key);
    if (standing.kind === "route") toRoute.push({ key, input: standing });
    else if (standing.kind === "superseded")
      closed.push({ key, status: "superseded", note: `a newer request (${new Date(standing.latest).toISOString()})` });
    else if (standing.kind === "already_routed")
      closed.push({ key, status: "skipped", note: `routed at ${new Date(standing.routedAt).toISOString()}` });
    else notYet.push(key);
  }
  await closeRequests(context.db, closed, now);
  await releaseRequests(
    context.db,
    notYet,
    now + context.retryDelayMs,
    "the contact read did not show the request yet",
  );
  report.closed = closed.length;

  await findAccounts(context, toRoute, owners.emailOf);
  // Open-lead caps: the first touches of reps' open leads that this batch could cap, read before
  // the decision transaction (the counts are then read under the ledger lock).
  await refreshFirstTouches({ ...context, now }, toRoute.length);

  const inputs = new Map(toRoute.map((r) => [keyText(r.key), r]));
  return commitDecisions(
    context.db,
    context.replicaId,
    toRoute.map((r) => r.key),
    now,
    context.leaseMs,
    (pending, rotation, load) =>
      pending.map((key) => {
        const { input } = inputs.get(keyText(key))!;
        if (input.kind !== "route") throw new Error("unreachable: only routable requests are decided");
        // Capacity: what the decision log says people have, plus this batch's earlier leads (each
        // new lead is open for its owner too).
        const decision = route(context.compiled, { ...input.input, load }, { rotation });
        const owner = assignee(decision);
        if (owner !== null) {
          load.assigned?.push({ rep: owner, pool: decision.pool, at: input.input.at });
          const open = (load.open ??= {});
          open[owner.toLowerCase()] = (open[owner.toLowerCase()] ?? 0) + 1;
        }
        const contact = contacts.get(key.contactId)!;
        const email = contact.properties.email?.trim() || null;
        return {
          key,
          email,
          configVersion: context.configVersion,
          system: decision.system,
          rule: decision.rule,
          ownerEmail: owner,
          ownerId: owner === null ? null : (owners.idOf.get(owner.toLowerCase()) ?? null),
          input: input.input,
          decision,
          writes: decisionWrites(
            key,
            decision,
            owners.idOf,
            context.configVersion,
            email ?? `contact ${key.contactId}`,
          ),
        } satisfies DecisionRecord;
      }),
  );
}

/** Steps 4 to 6: replay the open outbox (this router's fresh writes and any left by a crash). */
async function writeStep(context: CycleContext, report: CycleReport): Promise<void> {
  const { db, hubspot } = context;
  const rows = await claimOutbox(db, context.replicaId, context.now(), context.leaseMs, context.batchSize * 3);
  if (rows.length === 0) {
    // Nothing to write: close what a stopped router wrote in full but did not close.
    await finishStep(context, await settledRequests(db, context.batchSize), report);
    return;
  }
  const updates = rows.filter((r) => r.kind === "contact_update");
  let tasks = rows.filter((r) => r.kind === "task_create");
  // A full batch was claimed, so more leads wait: the SLA tasks (due hours ahead) wait for a full
  // create of 100 (one call, not one per cycle); a cycle that claims less sends whatever is open.
  // The owner is written now either way.
  const taskBatch = Math.min(TASK_BATCH, context.batchSize);
  if (report.claimed >= context.batchSize && tasks.length < taskBatch && tasks.every((t) => t.status === "pending"))
    tasks = [];
  const failed: number[] = [];

  if (updates.length > 0) {
    try {
      await hubspot.updateContacts(
        updates.map((row) => ({ id: row.contactId, properties: (row.payload as ContactUpdatePayload).properties })),
      );
      await step(context, "contacts_sent");
      await markOutboxDone(
        db,
        updates.map((row) => ({ id: row.id, result: null })),
        context.now(),
      );
      report.written += updates.length;
      await step(context, "contacts_written");
    } catch (error) {
      if (isInjected(error)) throw error;
      const refused = error instanceof HubSpotError && (error.status === 400 || error.status === 404);
      if (refused && updates.length > 1) {
        // One bad contact (deleted since the decision) must not hold the batch back: one by one.
        for (const row of updates) {
          try {
            await hubspot.updateContacts([
              { id: row.contactId, properties: (row.payload as ContactUpdatePayload).properties },
            ]);
            await markOutboxDone(db, [{ id: row.id, result: null }], context.now());
            report.written++;
          } catch (single) {
            if (single instanceof HubSpotError && single.status === 404) {
              await markOutboxDone(db, [{ id: row.id, result: { error: "contact not found" } }], context.now());
            } else failed.push(row.id);
          }
        }
      } else failed.push(...updates.map((r) => r.id));
      context.log(`router: contact updates failed, will retry: ${(error as Error).message}`);
    }
  }

  if (tasks.length > 0) {
    try {
      await writeTasks(context, tasks);
      report.written += tasks.length;
      await step(context, "tasks_written");
    } catch (error) {
      if (isInjected(error)) throw error;
      failed.push(...tasks.map((r) => r.id));
      context.log(`router: task creation failed, will look before retrying: ${(error as Error).message}`);
    }
  }
  if (failed.length > 0) {
    report.failedWrites += failed.length;
    context.metrics.writeFailures += failed.length;
    await releaseOutbox(db, failed, context.now() + context.retryDelayMs);
  }

  await finishStep(context, uniqueKeys(rows), report);
}

/** Step 6: closes the requests among `keys` whose writes are all done, measures and notifies them. */
async function finishStep(context: CycleContext, keys: RoutingRequestKey[], report: CycleReport): Promise<void> {
  if (keys.length === 0) return;
  const finished = await finishRequests(context.db, keys, context.now());
  report.finished += finished.length;
  const now = context.now();
  const routed = finished.map(({ key, system }) => ({ key, system, latencyMs: now - key.requestedAt }));
  for (const lead of routed) context.metrics.observeRouted(lead.system, lead.latencyMs);
  if (routed.length > 0) {
    await context.hooks.notify?.(routed);
    await step(context, "notified");
    await step(context, "finished");
  }
}

/** Errors thrown by `afterStep` (crash simulation) pass through the write step's retry handling. */
function isInjected(error: unknown): boolean {
  return error instanceof Error && error.name === "InjectedCrash";
}

/**
 * Creates the SLA tasks exactly once: rows are marked `attempting` (committed) before the create
 * is sent; a row found `attempting` (a crash, a lost answer) first looks among the contact's
 * tasks for the one carrying its marker and only creates it when it is not there.
 */
async function writeTasks(context: CycleContext, rows: OutboxRow[]): Promise<void> {
  const { db, hubspot } = context;
  const uncertain = rows.filter((r) => r.status === "attempting");
  const alreadyThere = new Map<number, string>();
  if (uncertain.length > 0) {
    const found = await hubspot.contactTasks(
      uncertain.map((r) => r.contactId),
      ["hs_task_body"],
    );
    for (const row of uncertain) {
      const marker = (row.payload as TaskCreatePayload).marker;
      const task = (found.get(row.contactId) ?? []).find((t) => (t.properties.hs_task_body ?? "").includes(marker));
      if (task) alreadyThere.set(row.id, task.id);
    }
    if (alreadyThere.size > 0) {
      context.metrics.duplicateTasksAvoided += alreadyThere.size;
      await markOutboxDone(
        db,
        [...alreadyThere].map(([id, taskId]) => ({ id, result: { taskId, found: true } })),
        context.now(),
      );
    }
  }
  const toCreate = rows.filter((r) => !alreadyThere.has(r.id));
  if (toCreate.length === 0) return;
  await markAttempting(
    db,
    toCreate.map((r) => r.id),
  );
  await step(context, "tasks_marked");
  const ids = await hubspot.createTasks(
    toCreate.map((row) => ({ contactId: row.contactId, properties: (row.payload as TaskCreatePayload).properties })),
  );
  await step(context, "tasks_created");
  await markOutboxDone(
    db,
    toCreate.map((row, i) => ({ id: row.id, result: { taskId: ids[i] ?? null } })),
    context.now(),
  );
}

const keyText = (key: RoutingRequestKey) => `${key.contactId}:${key.requestedAt}:${roundOf(key)}`;

function uniqueKeys(rows: OutboxRow[]): RoutingRequestKey[] {
  const seen = new Map<string, RoutingRequestKey>();
  for (const row of rows)
    seen.set(keyText(row), { contactId: row.contactId, requestedAt: row.requestedAt, round: row.round });
  return [...seen.values()];
}
