/**
 * Shared pieces of the plan/deploy tests: an emulated portal seeded with the reference
 * organisation's owners (and nothing else: no contacts, no RouteOps objects), the CLI run
 * against it with captured output, and a normalised dump of what a deploy writes.
 */
import routing from "../reference/routing";
import { referenceProject } from "../support/reference";
import { main } from "../../src/cli/main";
import type { RoutingConfig } from "../../src/config";
import { seedFromRouting, startEmulator, type EmulatorOptions, type RunningEmulator } from "../../src/emulator";
import { dumpPortal } from "../../src/emulator/portal/dump";
import { LOCK_PROPERTY_PREFIX, lockGenerationOf } from "../../src/deploy/lock";

export const reference: RoutingConfig = routing;

/** A Monday on which nobody is out of office: every test plans for this instant. */
export const AT = "2026-03-02";
export const AT_MS = Date.parse("2026-03-02T12:00:00Z");

/** An emulated portal with the reference owners (the inactive rep's user deactivated). */
export async function startPortal(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ seed: seedFromRouting(reference, { contacts: 0 }), ...options });
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * These tests check how deploy writes, on the larger workflows-mode state (13 workflows that
 * reference the properties): plan and deploy run with `--mode workflows` unless argv picks a mode
 * or a saved plan. Router mode's state is tested in test/deploy/router-mode.test.ts.
 */
function workflowsMode(argv: string[]): string[] {
  const planOrDeploy = argv[0] === "plan" || argv[0] === "deploy";
  return planOrDeploy && !argv.includes("--mode") && !argv.includes("--plan-file") ? ["--mode", "workflows"] : [];
}

/**
 * Runs `routeops <argv>` against the portal (unless argv names another base URL), with its token
 * in the environment, from the reference project (test/reference).
 */
export async function routeops(
  emulator: RunningEmulator,
  argv: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  let out = "";
  let err = "";
  const base = argv.includes("--hubspot-base-url") ? [] : ["--hubspot-base-url", emulator.baseUrl];
  const code = await main([...argv, ...base, ...workflowsMode(argv)], {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    env: { HUBSPOT_ACCESS_TOKEN: emulator.token, ...options.env },
    cwd: options.cwd ?? referenceProject,
  });
  return { code, out, err };
}

/** `routeops plan` at the pinned instant. */
export const plan = (emulator: RunningEmulator, ...args: string[]) => routeops(emulator, ["plan", "--at", AT, ...args]);

/** `routeops deploy` at the pinned instant. */
export const deploy = (emulator: RunningEmulator, ...args: string[]) =>
  routeops(emulator, ["deploy", "--at", AT, ...args]);

const SERVER_FIELDS = new Set(["id", "revisionId", "uuid", "createdAt", "updatedAt", "archivedAt"]);

function withoutServerFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutServerFields);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SERVER_FIELDS.has(key))
      .map(([key, member]) => [key, withoutServerFields(member)]),
  );
}

const byName = <T extends { name: string }>(values: T[]) =>
  [...values].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/**
 * What a deploy leaves in the portal, without what the server assigns (ids, revisions,
 * timestamps): contact property groups, contact properties (archived ones too) and flows, each
 * sorted by name. Duplicates stay in, so that comparing two dumps also compares counts.
 */
export function normalisedDump(emulator: RunningEmulator): unknown {
  const dump = dumpPortal(emulator.portal);
  return {
    groups: withoutServerFields(byName(dump.propertyGroups.contacts)),
    // The portal lock's properties record who deployed when; the lock tests look at them.
    properties: withoutServerFields(
      byName(dump.properties.contacts.filter((property) => lockGenerationOf(property.name) === undefined)),
    ),
    flows: withoutServerFields(byName(dump.flows)),
  };
}

/** Names that occur more than once. */
export function duplicates(names: string[]): string[] {
  return [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
}

/** Reads that use POST: batch reads and searches change nothing. */
const POST_READS = new Set(["POST /automation/v4/flows/batch/read"]);

/**
 * Whether a request is the portal lock's own (its single-property create, and its updates and
 * archives by name): managed properties are only ever created through the batch endpoint.
 */
export function isLockRequest(entry: { endpoint: string; path: string }): boolean {
  return entry.endpoint === "POST /crm/v3/properties/contacts" || entry.path.includes(LOCK_PROPERTY_PREFIX);
}

/** Requests after the first `from` that changed (or tried to change) the portal, the lock's own left out. */
export function writeRequests(emulator: RunningEmulator, from = 0): string[] {
  return emulator.requests.entries
    .slice(from)
    .filter(
      (entry) =>
        entry.method !== "GET" &&
        !POST_READS.has(entry.endpoint) &&
        !entry.path.startsWith("/_emulator") &&
        !isLockRequest(entry),
    )
    .map((entry) => entry.endpoint);
}
