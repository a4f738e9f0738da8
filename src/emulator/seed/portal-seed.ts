import type { SeedOptions } from "../options";
import { FIRST_COMPANY_ID, FIRST_CONTACT_ID, type Portal } from "../portal/portal";
import { generateCompanies } from "./companies";
import { generateContact, type ContactContext } from "./contacts";
import { seedOwners } from "./owners";
import { Random } from "./random";
import { REFERENCE_SOURCE_TYPES, routingNames } from "./routing-names";
import { SEQUENCE_NAMES } from "./vocabulary";

/** The default "today" of generated data. */
export const DEFAULT_SEED_NOW = Date.parse("2026-11-27T12:00:00Z");

const FIRST_SEQUENCE_ID = 7_000_001;

/**
 * Fills a portal with owners from the reps and a generated population of companies and contacts.
 * Deterministic: the same options give the same portal. Managed property definitions are not
 * created (a fresh portal has not been deployed to); contacts carry their values all the same,
 * and reads show them once the definitions exist.
 */
export function seedPortal(portal: Portal, options: SeedOptions): void {
  const now = options.now ?? DEFAULT_SEED_NOW;
  const random = new Random(options.seed ?? 1);
  const contactCount = options.contacts ?? 3000;
  const owners = seedOwners(portal, options.reps, now);
  const activeOwners = owners.filter((o) => !o.archived);
  const departedOwners = owners.filter((o) => o.archived);
  const companies = generateCompanies(
    random,
    Math.max(contactCount > 0 ? 1 : 0, Math.round(contactCount / 4)),
    FIRST_COMPANY_ID,
    now,
    activeOwners,
    departedOwners,
  );
  for (const company of companies) portal.companies.insert(company);
  const context: ContactContext = {
    random,
    now,
    names: routingNames(options.routing),
    sourceTypes: options.sourceTypes ?? REFERENCE_SOURCE_TYPES,
    companies,
    activeOwners,
    departedOwners,
  };
  for (let i = 0; i < contactCount; i++) {
    const generated = generateContact(context, i, String(FIRST_CONTACT_ID + i));
    portal.contacts.insert(generated.record);
    if (generated.companyId) portal.associations.associate(generated.record.id, generated.companyId, true);
    const enrollments = generated.enrollments.sort((a, b) => a.at - b.at);
    for (const enrollment of enrollments) {
      portal.enrollments.add({
        contactId: generated.record.id,
        sequenceId: String(FIRST_SEQUENCE_ID + enrollment.sequence),
        sequenceName: SEQUENCE_NAMES[enrollment.sequence] ?? "Outbound",
        enrolledBy: String(enrollment.owner.userIdIncludingInactive),
        enrolledByEmail: enrollment.owner.email,
        enrolledAt: enrollment.at,
        updatedAt: enrollment.at,
      });
    }
    const latest = enrollments[enrollments.length - 1];
    if (latest) {
      const p = generated.record.properties;
      p.hs_sequences_enrolled_count = String(enrollments.length);
      p.hs_latest_sequence_enrolled = String(FIRST_SEQUENCE_ID + latest.sequence);
      p.hs_latest_sequence_enrolled_date = new Date(latest.at).toISOString();
    }
  }
}
