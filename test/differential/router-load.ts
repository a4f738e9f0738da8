/**
 * A fixture's stated `load` as the router would count it: rows of its decision log, for the
 * router-mode differential. Each earlier assignment (`assigned`, times `count`) becomes a decided
 * lead of that rep and pool at that instant, already touched (worked, so not open); each open lead
 * (`open`) a decided lead of that rep nine days before the fixture, never touched: inside the 30
 * days an untouched lead counts as open, outside the eight days of the daily and weekly counts.
 * The rows are removed once the fixture is compared, so a fixture's load is its own.
 */
import type { LeadLoad } from "../../src/engine/types";
import type { Sql } from "../../src/router";

const DAY_MS = 86_400_000;
/** Seeded leads' contact ids start with this (no HubSpot contact has such an id), open leads' aside. */
const SEED_PREFIX = "fixture-load-";

/**
 * A lead in the router's decision log as capacity counts it: its current owner, pool and since
 * when; its request instant, and whether HubSpot shows its first touch (open leads). Seeded
 * leads and the differential's model of the log share it.
 */
export interface SeededLead {
  contactId: string;
  requestedAt: number;
  rep: string;
  pool: string | null;
  at: number;
  touched: boolean;
}

/** The leads a fixture's `load` stands for (`at`: the fixture's instant). */
export function fixtureLeads(load: LeadLoad | undefined, n: number, at: number): SeededLead[] {
  const leads: SeededLead[] = [];
  for (const [i, entry] of (load?.assigned ?? []).entries()) {
    const count = entry.count ?? 1;
    for (let k = 0; k < count; k++) {
      leads.push({
        contactId: `${SEED_PREFIX}${n}-a${i}-${k}`,
        requestedAt: entry.at,
        rep: entry.rep,
        pool: entry.pool ?? null,
        at: entry.at,
        touched: true,
      });
    }
  }
  for (const [rep, count] of Object.entries(load?.open ?? {})) {
    for (let k = 0; k < count; k++) {
      const openedAt = at - 9 * DAY_MS;
      leads.push({
        contactId: `${SEED_PREFIX}${n}-o-${rep}-${k}`,
        requestedAt: openedAt,
        rep,
        pool: null,
        at: openedAt,
        touched: false,
      });
    }
  }
  return leads;
}

/** Contact ids of open seeded leads (made by withContacts), for isSeeded and clearSeededLeads. */
const openSeedIds = new Set<string>();

/**
 * Open leads are read by the router (a first touch?), so their contacts must be in HubSpot: a
 * contact a batch read does not return is gone, and its lead no longer open. `contactFor` makes
 * one for each open lead (untouched) and returns its id, which replaces the seed's and is
 * remembered as a seed's.
 */
export function withContacts(leads: SeededLead[], contactFor: (lead: SeededLead) => string): SeededLead[] {
  return leads.map((lead) => {
    if (lead.touched) return lead;
    const contactId = contactFor(lead);
    openSeedIds.add(contactId);
    return { ...lead, contactId };
  });
}

/** Whether a lead of the model is a seeded one. */
export const isSeeded = (lead: { contactId: string }): boolean =>
  lead.contactId.startsWith(SEED_PREFIX) || openSeedIds.has(lead.contactId);

/** Writes the leads into the router's decision log: done requests and their decisions. */
export async function seedLeads(db: Sql, leads: readonly SeededLead[]): Promise<void> {
  if (leads.length === 0) return;
  const ids = leads.map((l) => l.contactId);
  const instants = leads.map((l) => l.requestedAt);
  await db.query(
    `INSERT INTO routing_requests (contact_id, requested_at, source, received_at, status, decided_at, done_at)
     SELECT contact_id, requested_at, 'api', requested_at, 'done', requested_at, requested_at
       FROM unnest($1::text[], $2::bigint[]) AS s(contact_id, requested_at)`,
    [ids, instants],
  );
  await db.query(
    `INSERT INTO decisions (contact_id, requested_at, email, decided_at, config_version, system, rule, owner_email,
                            owner_id, input, decision, current_owner_email, current_pool, assigned_at, first_touch_at)
     SELECT s.contact_id, s.requested_at, NULL, s.requested_at, 'fixture load', 'inbound', 'fixture load', s.rep,
            NULL, '{}'::jsonb, jsonb_build_object('pool', s.pool), s.rep, s.pool, s.at,
            CASE WHEN s.touched THEN s.requested_at END
       FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::boolean[])
         AS s(contact_id, requested_at, rep, pool, at, touched)`,
    [
      ids,
      instants,
      leads.map((l) => l.rep),
      leads.map((l) => l.pool),
      leads.map((l) => l.at),
      leads.map((l) => l.touched),
    ],
  );
}

/** Removes every seeded lead. */
export async function clearSeededLeads(db: Sql): Promise<void> {
  const ids = [...openSeedIds];
  await db.query("DELETE FROM decisions WHERE contact_id LIKE $1 OR contact_id = ANY($2::text[])", [
    `${SEED_PREFIX}%`,
    ids,
  ]);
  await db.query("DELETE FROM routing_requests WHERE contact_id LIKE $1 OR contact_id = ANY($2::text[])", [
    `${SEED_PREFIX}%`,
    ids,
  ]);
}
