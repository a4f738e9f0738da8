/**
 * A seeded emulator portal for the audit's end-to-end tests, and plain counting over its records
 * (straight from the portal, without the audit's code) for the figures the tests expect.
 */
import routing from "../reference/routing/index";
import { main } from "../../src/cli/main";
import { startEmulator, type CrmRecord, type RunningEmulator } from "../../src/emulator";
import { captureIO } from "../support/cli-io";

export { captureIO };

/** The seed's "today"; the audits run at this instant over the 30 days before it. */
export const SEED_NOW = "2026-11-27T12:00:00Z";
export const NOW = Date.parse(SEED_NOW);
export const WINDOW = { from: NOW - 30 * 86_400_000, to: NOW };
export const PREVIOUS = { from: NOW - 60 * 86_400_000, to: WINDOW.from };

/** A seeded portal with `routing/` deployed to it (managed group, properties and workflows). */
export async function seededPortal(contacts: number, seed: number): Promise<RunningEmulator> {
  const reps = routing.reps.map((rep) => {
    const [firstName = "", ...rest] = rep.name.split(" ");
    return { email: rep.email, firstName, lastName: rest.join(" "), active: rep.active !== false };
  });
  const emulator = await startEmulator({ seed: { reps, contacts, seed, now: NOW } });
  await deployRouting(emulator);
  return emulator;
}

/** Deploys `routing/` with `routeops deploy`, computed for the seed's "today". */
export async function deployRouting(emulator: RunningEmulator): Promise<void> {
  const io = captureIO({ HUBSPOT_ACCESS_TOKEN: emulator.token });
  const code = await main(["deploy", "--at", SEED_NOW, "--hubspot-base-url", emulator.baseUrl], io);
  if (code !== 0) throw new Error(`routeops deploy failed (exit ${code}): ${io.err()}`);
}

// --- Plain counting over the portal's records -------------------------------------------------

const time = (value: string | undefined): number | null => {
  if (value === undefined || value === "") return null;
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
};
const within = (at: number | null, window: { from: number; to: number }) =>
  at !== null && at >= window.from && at < window.to;

export function contactsOf(emulator: RunningEmulator): CrmRecord[] {
  return emulator.portal.contacts.inCreatedOrder();
}

export function unclassifiedIn(records: CrmRecord[], window: { from: number; to: number }): CrmRecord[] {
  return records.filter((r) => !r.properties.routeops_source_type && within(time(r.properties.createdate), window));
}

export function routedIn(records: CrmRecord[], system: string, window = WINDOW): CrmRecord[] {
  return records.filter(
    (r) => r.properties.routeops_system === system && within(time(r.properties.routeops_routed_at), window),
  );
}

/** SLA breaches: engaged after the due time, or never engaged and past it; engagements before routing left out. */
export function slaBreaches(records: CrmRecord[]): number {
  let breaches = 0;
  for (const r of records) {
    const due = time(r.properties.routeops_sla_due_at);
    if (due === null) continue;
    const engaged = time(r.properties.hs_sa_first_engagement_date);
    const routed = time(r.properties.routeops_routed_at) ?? 0;
    if (engaged !== null && engaged < routed) continue;
    if (engaged === null ? NOW > due : engaged > due) breaches++;
  }
  return breaches;
}

/** Leads with no owner (nurture left out) or owned by a deactivated owner. */
export function unowned(emulator: RunningEmulator, records: CrmRecord[]): number {
  const archived = new Set(
    emulator.portal.owners
      .list()
      .filter((o) => o.archived)
      .map((o) => o.id),
  );
  return records.filter((r) => {
    const owner = r.properties.hubspot_owner_id;
    if (!owner) return r.properties.routeops_rule !== "inbound-nurture";
    return archived.has(owner);
  }).length;
}
