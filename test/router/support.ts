/**
 * The router's test bench: an emulator portal with the reference owners and the managed
 * properties (no workflows: the router decides), the HubSpot adapter pointed at it over HTTP, an
 * embedded database, and lead builders.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";
import type { RoutingConfig } from "../../src/config/types";
import { MANAGED_GROUP, MANAGED_PROPERTIES as M } from "../../src/deploy/managed-names";
import { managedProperties } from "../../src/deploy/compile/properties";
import { seedFromRouting, startEmulator, type FaultOptions, type RunningEmulator } from "../../src/emulator";
import { loadAndValidate } from "../../src/files/config-loader";
import { createHubSpotAdapter, type HubSpotAdapter } from "../../src/hubspot";
import {
  openDatabase,
  readMigrations,
  startRouter,
  type RouterDatabase,
  type RouterOptions,
  type RunningRouter,
} from "../../src/router";
import { referenceProject } from "../support/reference";
import { instantTime } from "../support/instant-time";

function adapterTime(): { now: () => number; sleep: (ms: number) => Promise<void> } {
  const { now, sleep } = instantTime();
  return { now, sleep };
}

let cachedConfig: RoutingConfig | null = null;
/** The reference organisation's config (test/reference), validated. */
export function referenceConfig(): RoutingConfig {
  if (cachedConfig) return cachedConfig;
  const loaded = loadAndValidate("routing/index.ts", { cwd: referenceProject });
  if (!loaded.config)
    throw new Error(`test/reference/routing/ does not validate: ${JSON.stringify(loaded.diagnostics)}`);
  cachedConfig = loaded.config;
  return cachedConfig;
}

/** A movable clock. */
export class TestClock {
  constructor(private current: number) {}
  readonly now = (): number => this.current;
  set(at: number): void {
    this.current = at;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** The router's request property: a datetime the capture workflows stamp. */
export const REQUEST_PROPERTY = {
  name: M.routeRequestedAt,
  label: "Routing requested at",
  type: "datetime" as const,
  fieldType: "date" as const,
  groupName: MANAGED_GROUP.name,
  description: "When the capture workflows asked the router to route the contact.",
  hasUniqueValue: false as const,
  formField: false as const,
  hidden: false as const,
};

export interface Bench {
  emulator: RunningEmulator;
  hubspot: HubSpotAdapter;
  clock: TestClock;
  config: RoutingConfig;
  ownerIdOf(email: string): string;
  emailOfOwner(id: string | null | undefined): string | null;
  /** The email of the contact's owner in the portal now (`hubspot_owner_id`), or null. */
  ownerOf(contactId: string): string | null;
}

export async function bench(
  options: { start?: string; faults?: FaultOptions; rateLimits?: boolean } = {},
): Promise<Bench> {
  const config = referenceConfig();
  const clock = new TestClock(Date.parse(options.start ?? "2026-03-03T15:00:00Z"));
  const emulator = await startEmulator({
    rateLimits: options.rateLimits ? {} : false,
    clock: clock.now,
    ...(options.faults ? { faults: options.faults } : {}),
    seed: {
      ...seedFromRouting(config, { contacts: 0 }),
      deployed: { group: MANAGED_GROUP, properties: [...managedProperties(config), REQUEST_PROPERTY], flows: [] },
    },
  });
  // Closed when the test ends: registered on the test, not by a module-scope hook, which would
  // belong to the first file of a worker only (test files share their worker's modules).
  onTestFinished(() => emulator.close());
  const hubspot = createHubSpotAdapter({
    accessToken: emulator.token,
    baseUrl: emulator.baseUrl,
    // The adapter's waits (retries, 429 pauses) cost no real time, on a clock of its own.
    ...adapterTime(),
    random: () => 0.5,
  });
  const owners = emulator.portal.owners.list();
  const emailOfOwner = (id: string | null | undefined): string | null =>
    id ? (owners.find((o) => o.id === id)?.email.toLowerCase() ?? null) : null;
  return {
    emulator,
    hubspot,
    clock,
    config,
    ownerIdOf(email) {
      const owner = owners.find((o) => o.email.toLowerCase() === email.toLowerCase());
      if (!owner) throw new Error(`no owner ${email}`);
      return owner.id;
    },
    emailOfOwner,
    ownerOf: (contactId) => emailOfOwner(emulator.portal.contacts.get(contactId)!.properties.hubspot_owner_id),
  };
}

/**
 * A router on the bench: its config, adapter and clock, no HTTP server and no loop (the test
 * drives poll, drain and cycles). `options` add to or replace any of these.
 */
export function benchRouter(
  b: Bench,
  database: RouterDatabase,
  options: Partial<RouterOptions> = {},
): Promise<RunningRouter> {
  return startRouter({
    config: b.config,
    hubspot: b.hubspot,
    database,
    http: false,
    loop: false,
    now: b.clock.now,
    ...options,
  });
}

// A fresh PGlite runs initdb, which takes seconds (tens of seconds on a loaded machine): the
// tests initialise one data folder per machine and copy it, and share one database per worker
// (test files share their worker's modules). Project "router" in vitest.config.mts gives these
// files the time initdb may take.

/** A migrated, empty PGlite data folder, made once and reused by every test process. */
export async function pgliteTemplate(): Promise<string> {
  const template = path.join(os.tmpdir(), `routeops-router-pglite-template-${migrationTag()}`);
  if (existsSync(path.join(template, "PG_VERSION"))) return template;
  const building = mkdtempSync(path.join(os.tmpdir(), "routeops-router-pglite-building-"));
  const db = await openDatabase({ dataDir: building });
  await db.close();
  try {
    renameSync(building, template);
  } catch {
    // Another test process made it first.
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

function migrationTag(): string {
  return createHash("sha256")
    .update(
      readMigrations()
        .map((m) => m.sql)
        .join("\n"),
    )
    .digest("hex")
    .slice(0, 12);
}

const FOLDER_PREFIX = "routeops-router-db-";

/**
 * A copy of the template in a temporary folder (a router "installation"). A database open on it
 * lives as long as the test process (see memoryDatabase), so the folder goes when the process
 * ends; a test process that vitest stops without an exit event leaves its folders behind, and
 * the next test process removes them (their names hold the pid of the process that made them).
 */
export async function pgliteFolder(): Promise<string> {
  const template = await pgliteTemplate();
  if (folders.length === 0) {
    removeLeftFolders();
    process.once("exit", () => {
      for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    });
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), `${FOLDER_PREFIX}${process.pid}-`));
  cpSync(template, folder, { recursive: true });
  folders.push(folder);
  return folder;
}
const folders: string[] = [];

/** Removes the folders of test processes that no longer run. */
function removeLeftFolders(): void {
  for (const name of readdirSync(os.tmpdir())) {
    const pid = name.startsWith(FOLDER_PREFIX)
      ? Number(/^(\d+)-/.exec(name.slice(FOLDER_PREFIX.length))?.[1])
      : Number.NaN;
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

let shared: RouterDatabase | null = null;

/**
 * The worker's embedded database, emptied: every table truncated, the ledger included. One per
 * test process, opened by the first test that asks and kept for the files after it (opening a
 * PGlite costs about a second of CPU; emptying it, a few milliseconds).
 */
export async function memoryDatabase(): Promise<RouterDatabase> {
  shared ??= await openDatabase({ dataDir: await pgliteFolder() });
  await shared.query("TRUNCATE outbox, decisions, rotation_ledger, routing_requests RESTART IDENTITY CASCADE");
  return shared;
}

/** What a lead looks like when the capture workflows have stamped its request. */
export interface LeadSpec {
  email: string;
  country?: string;
  state?: string;
  kind?: string;
  formId?: string;
  pageUrl?: string;
  requestedAt: number;
}

/** A demo request from California: the reference organisation sends it to the NA-west pool. */
export function californiaDemoRequest(email: string, requestedAt: number): LeadSpec {
  return { email, country: "US", state: "CA", formId: "demo-request", requestedAt };
}

/** Creates a contact as the capture workflows leave it: event facts, request stamp, pending. */
export function createLead(b: Bench, spec: LeadSpec): string {
  const properties: Record<string, string> = {
    email: spec.email,
    [M.eventKind]: spec.kind ?? "form_submission",
    [M.routeRequestedAt]: new Date(spec.requestedAt).toISOString(),
    [M.routingPending]: "true",
  };
  if (spec.country) properties.country = spec.country;
  if (spec.state) properties.state = spec.state;
  if (spec.formId) properties[M.eventFormId] = spec.formId;
  if (spec.pageUrl) properties[M.eventPageUrl] = spec.pageUrl;
  const record = b.emulator.portal.contacts.create(properties, spec.requestedAt, "api");
  return record.id;
}
