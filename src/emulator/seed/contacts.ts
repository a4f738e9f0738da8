import type { Owner } from "../portal/owners";
import type { CrmRecord } from "../portal/records";
import type { Random } from "./random";
import { decide, managedValues, type SeededDecision } from "./routed-contact";
import type { RoutingNames } from "./routing-names";
import { approximateTargetMs } from "./routing-names";
import {
  CA_PROVINCES,
  COUNTRIES,
  FIRST_NAMES,
  FREE_MAIL_DOMAINS,
  LAST_NAMES,
  UNCLASSIFIED_SOURCES,
  US_STATES,
} from "./vocabulary";

const DAY = 86_400_000;
const SPREAD_DAYS = 120;

/** Everything the contact generator needs from the rest of the seed. */
export interface ContactContext {
  random: Random;
  now: number;
  names: RoutingNames;
  sourceTypes: readonly string[];
  companies: readonly CrmRecord[];
  activeOwners: readonly Owner[];
  departedOwners: readonly Owner[];
}

/** A generated contact, plus the outbound history (enrollments) the seed records for it. */
export interface GeneratedContact {
  record: CrmRecord;
  companyId?: string;
  enrollments: { sequence: number; owner: Owner; at: number }[];
}

function place(random: Random, properties: Record<string, string>): void {
  const roll = random.next();
  if (roll < 0.07) return;
  if (roll < 0.1) {
    properties.country = random.pick(["Unknown", "n/a", "-", "other"]);
    return;
  }
  const spellings = random.weighted(COUNTRIES);
  const country = random.pick(spellings);
  properties.country = country;
  if (spellings[0] === "United States" && random.chance(0.85))
    properties.state = random.pick(random.weighted(US_STATES));
  else if (spellings[0] === "Canada" && random.chance(0.7)) properties.state = random.pick(CA_PROVINCES);
  if (properties.state !== undefined && random.chance(0.03)) properties.state = random.pick(["N/A", "--"]);
}

function analyticsSource(random: Random, sourceType: string | null): [string, string, string] {
  if (sourceType === null) return [...random.pick(UNCLASSIFIED_SOURCES)];
  if (sourceType.startsWith("outbound")) {
    return random
      .pick([
        ["OFFLINE", "SALES", "sequences"],
        ["OFFLINE", "INTEGRATION", "Sales Navigator"],
        ["OFFLINE", "IMPORT", "event-badge-scans.csv"],
      ] as const)
      .slice() as [string, string, string];
  }
  const form = sourceType.replace(/^inbound_/, "").replace(/_/g, "-");
  return [
    random.pick(["ORGANIC_SEARCH", "PAID_SEARCH", "DIRECT_TRAFFIC", "SOCIAL_MEDIA", "EMAIL_MARKETING"]),
    form,
    `https://acme.test/${form}`,
  ];
}

/** Sales activity after routing: owner assignment, first engagement meeting or missing the SLA, lifecycle. */
function activity(
  c: ContactContext,
  p: Record<string, string>,
  decision: SeededDecision | undefined,
  routedAt: number,
) {
  const { random, now } = c;
  if (decision?.owner) {
    p.hubspot_owner_id = decision.owner.id;
    p.hubspot_owner_assigneddate = new Date(routedAt).toISOString();
    if (random.chance(0.72)) {
      const target = approximateTargetMs(decision.slaPolicy ?? "standard");
      const factor = random.chance(0.58) ? 0.05 + random.next() * 0.9 : 1.1 + random.next() * 5;
      const delay = Math.round(target * factor);
      if (routedAt + delay < now) {
        p.hs_sa_first_engagement_date = new Date(routedAt + delay).toISOString();
        p.hs_time_to_first_engagement = String(delay);
      }
    }
    p.hs_lead_status = random.pick(["NEW", "OPEN", "IN_PROGRESS", "ATTEMPTED_TO_CONTACT", "CONNECTED", "UNQUALIFIED"]);
  }
  const stage = random.weighted([
    ["subscriber", 10],
    ["lead", 45],
    ["marketingqualifiedlead", 18],
    ["salesqualifiedlead", 12],
    ["opportunity", 9],
    ["customer", 4],
    ["other", 2],
    ["", 5],
  ] as const);
  if (stage) p.lifecyclestage = stage;
  const meetingOdds = stage === "opportunity" || stage === "salesqualifiedlead" ? 0.6 : 0.08;
  if (random.chance(meetingOdds)) {
    p.engagements_last_meeting_booked = new Date(routedAt + random.int(1, Math.max(1, now - routedAt))).toISOString();
  }
}

/** One generated contact (index `i`, id `id`). */
export function generateContact(c: ContactContext, i: number, id: string): GeneratedContact {
  const { random, now, names } = c;
  const createdAt = now - Math.floor(random.next() * SPREAD_DAYS * DAY);
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const company = c.companies.length && random.chance(0.7) ? random.pick(c.companies) : undefined;
  const domain = company?.properties.domain ?? random.pick(FREE_MAIL_DOMAINS);
  const p: Record<string, string> = {
    hs_object_id: id,
    createdate: new Date(createdAt).toISOString(),
    email: `${first}.${last}.${i}@${domain}`.toLowerCase(),
    firstname: first,
    lastname: last,
  };
  if (random.chance(0.03)) delete p.firstname;
  place(random, p);
  const classified = c.sourceTypes.length > 0 && random.chance(0.75);
  const sourceType = classified ? random.pick(c.sourceTypes) : null;
  const [source, data1, data2] = analyticsSource(random, sourceType);
  p.hs_analytics_source = source;
  p.hs_analytics_source_data_1 = data1;
  p.hs_analytics_source_data_2 = data2;
  const routedAt = createdAt + random.int(2_000, 120_000);
  const routed = classified || random.chance(0.5);
  const decision = routed ? decide(random, names, sourceType, c.activeOwners, c.departedOwners) : undefined;
  if (decision) Object.assign(p, managedValues(decision, routedAt, names.configVersion));
  else if (random.chance(0.4) && c.activeOwners.length) {
    p.hubspot_owner_id = random.pick(c.activeOwners).id;
    p.hubspot_owner_assigneddate = new Date(routedAt).toISOString();
  }
  activity(c, p, decision, routedAt);
  if (company) p.associatedcompanyid = company.id;
  const enrollments: GeneratedContact["enrollments"] = [];
  const outboundHistory = decision?.system === "reengagement" || sourceType?.startsWith("outbound");
  const historyOwners = [...c.activeOwners, ...c.departedOwners];
  if ((outboundHistory || random.chance(0.06)) && historyOwners.length) {
    const count = random.int(1, 2);
    for (let k = 0; k < count; k++) {
      const owner = decision?.originalOwner ?? random.pick(historyOwners);
      const at = createdAt - random.int(0, 300) * DAY - random.int(0, DAY - 1);
      enrollments.push({ sequence: random.int(0, 3), owner, at: Math.min(at, routedAt - 1000) });
    }
  }
  const lastModified = Math.max(
    routedAt,
    ...Object.entries(p)
      .filter(([k]) => k.endsWith("_date") || k === "engagements_last_meeting_booked")
      .map(([, v]) => Date.parse(v))
      .filter(Number.isFinite),
  );
  p.lastmodifieddate = new Date(Math.min(lastModified, now)).toISOString();
  return {
    record: { id, properties: p, createdAt, updatedAt: Math.min(lastModified, now), archived: false },
    ...(company ? { companyId: company.id } : {}),
    enrollments,
  };
}
