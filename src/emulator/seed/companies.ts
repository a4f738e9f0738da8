import type { Owner } from "../portal/owners";
import type { CrmRecord } from "../portal/records";
import type { Random } from "./random";
import { COMPANY_SUFFIXES, COMPANY_WORDS, COUNTRIES } from "./vocabulary";

const DAY = 86_400_000;

function employees(random: Random): string | undefined {
  const band = random.weighted([
    ["none", 10],
    ["smb", 55],
    ["mid", 22],
    ["enterprise", 13],
  ] as const);
  if (band === "none") return undefined;
  if (band === "smb") return String(random.int(1, 199));
  if (band === "mid") return String(random.int(200, 999));
  return String(random.int(1000, 20_000));
}

/** Generated companies: some owned (account owners), sizes across segments, a few departed owners. */
export function generateCompanies(
  random: Random,
  count: number,
  firstId: number,
  now: number,
  activeOwners: readonly Owner[],
  departedOwners: readonly Owner[],
): CrmRecord[] {
  const slugs = new Map<string, number>();
  const companies: CrmRecord[] = [];
  for (let i = 0; i < count; i++) {
    const id = String(firstId + i);
    const name = `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_SUFFIXES)}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const seen = slugs.get(slug) ?? 0;
    slugs.set(slug, seen + 1);
    const createdAt = now - random.int(30, 900) * DAY - random.int(0, DAY - 1);
    const properties: Record<string, string> = {
      hs_object_id: id,
      name,
      domain: seen === 0 ? `${slug}.example` : `${slug}-${seen + 1}.example`,
      createdate: new Date(createdAt).toISOString(),
      hs_lastmodifieddate: new Date(createdAt + random.int(0, 20) * DAY).toISOString(),
    };
    const size = employees(random);
    if (size !== undefined) properties.numberofemployees = size;
    if (random.chance(0.92)) properties.country = random.weighted(COUNTRIES)[0]!;
    const ownerRoll = random.next();
    if (ownerRoll < 0.3 && activeOwners.length) properties.hubspot_owner_id = random.pick(activeOwners).id;
    else if (ownerRoll < 0.33 && departedOwners.length) properties.hubspot_owner_id = random.pick(departedOwners).id;
    companies.push({ id, properties, createdAt, updatedAt: createdAt, archived: false });
  }
  return companies;
}
