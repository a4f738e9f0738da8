/**
 * A sample of a HubSpot portal's contacts as route inputs, as well as they can be known. What
 * happened to a contact is what RouteOps' source identification flows recorded on it (the
 * `routeops_event_*` properties); the outbound history is the latest touch its touch flows kept
 * (`routeops_last_outbound_*`); owners are read as emails through the owner list. The reader is
 * an interface (the HubSpot adapter fits it), so this stays free of I/O.
 */
import { MANAGED_PROPERTIES as M } from "../deploy/managed-names";
import type { EventKind, TouchKind } from "../config/types";
import type { OutboundTouch, RouteCompany, RouteContact, RouteEvent, RouteInput } from "../engine/types";

/** A HubSpot record: its id and property values (strings; `null` when empty). */
export interface PortalRecord {
  id: string;
  properties: Record<string, string | null | undefined>;
}

/** A HubSpot owner: the id that owner properties hold, and the email the config knows reps by. */
export interface PortalOwner {
  id: string;
  email: string | null;
}

/** What the sample reads from a portal. `createHubSpotAdapter(...)` is one. */
export interface PortalReader {
  listOwners(): Promise<PortalOwner[]>;
  readContacts(options: { properties: string[] }): Promise<{ contacts: AsyncIterable<PortalRecord> }>;
  batchReadCompanies(ids: string[], properties: string[]): Promise<PortalRecord[]>;
}

/** Contact properties the sample reads. */
export const PORTAL_CONTACT_PROPERTIES: readonly string[] = [
  "email",
  "country",
  "state",
  "createdate",
  "associatedcompanyid",
  M.eventKind,
  M.eventFormId,
  M.eventPageUrl,
  M.eventChatQualified,
  M.eventCallOutcome,
  M.eventImportSource,
  M.eventOwner,
  M.classifiedAt,
  M.lastOutboundOwner,
  M.lastOutboundAt,
  M.lastOutboundKind,
];

/** Company properties the sample reads. */
export const PORTAL_COMPANY_PROPERTIES: readonly string[] = [
  "domain",
  "hs_additional_domains",
  "numberofemployees",
  "hubspot_owner_id",
];

/**
 * A company's additional domains from `hs_additional_domains`: HubSpot's companies guide
 * (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/companies/guide,
 * "Properties") stores them "with semicolons separating each domain", e.g.
 * `"domain.com; domain2.com"`. Commas and blanks also separate (a domain holds neither).
 */
export function additionalDomainsOf(text: string | undefined | null): string[] {
  return (text ?? "")
    .split(/[;,\s]+/)
    .map((d) => d.trim())
    .filter((d) => d !== "");
}

const EVENT_KINDS: ReadonlySet<string> = new Set<EventKind>([
  "form_submission",
  "meeting_booked",
  "chat_completed",
  "sequence_reply",
  "call_logged",
  "list_import",
  "contact_created",
]);
const TOUCH_KINDS: ReadonlySet<string> = new Set<TouchKind>(["sequence_enrollment", "call", "event"]);

/** The sample: inputs in event-time order, and how much of each contact could be known. */
export interface PortalSample {
  inputs: { input: RouteInput; label: string }[];
  /** Contacts read (some may be left out: no usable time at all). */
  read: number;
  /** Contacts with no recorded event, replayed as `contact_created`. */
  unknownEvents: number;
  /** Contacts with a recorded latest outbound touch. */
  withTouch: number;
  /** Contacts left out because neither the classification time nor the creation date could be read. */
  skipped: number;
}

function value(record: PortalRecord, name: string): string | undefined {
  const raw = record.properties[name];
  if (raw === null || raw === undefined) return undefined;
  const trimmed = raw.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** HubSpot dates arrive as ISO text or as epoch milliseconds in a string. */
export function portalInstant(text: string | undefined): number | null {
  if (text === undefined) return null;
  const at = /^-?\d+$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isFinite(at) ? at : null;
}

/** A HubSpot company as the engine reads it: domain, owner (as email), employee count. */
export function portalCompany(company: PortalRecord, ownerEmails: ReadonlyMap<string, string>): RouteCompany {
  const routeCompany: RouteCompany = {};
  const domain = value(company, "domain");
  if (domain !== undefined) routeCompany.domain = domain;
  const additional = additionalDomainsOf(value(company, "hs_additional_domains"));
  if (additional.length > 0) routeCompany.additionalDomains = additional;
  const ownerId = value(company, "hubspot_owner_id");
  const owner = ownerId === undefined ? undefined : ownerEmails.get(ownerId);
  if (owner !== undefined) routeCompany.owner = owner;
  const employees = value(company, "numberofemployees");
  routeCompany.properties = employees === undefined ? {} : { numberofemployees: employees };
  return routeCompany;
}

/**
 * One contact (and its primary company, when read) as a route input; `null` without a usable time.
 * `at` is the instant of the event (the router passes the routing request's); default: when the
 * contact was last classified, else its creation date.
 */
export function portalRouteInput(
  contact: PortalRecord,
  company: PortalRecord | undefined,
  ownerEmails: ReadonlyMap<string, string>,
  at: number | null = portalInstant(value(contact, M.classifiedAt)) ?? portalInstant(value(contact, "createdate")),
): { input: RouteInput; eventKnown: boolean; touchKnown: boolean } | null {
  if (at === null) return null;
  const ownerOf = (record: PortalRecord, name: string) => {
    const id = value(record, name);
    return id === undefined ? undefined : ownerEmails.get(id);
  };

  const properties: Record<string, string> = {};
  for (const name of ["country", "state"]) {
    const text = value(contact, name);
    if (text !== undefined) properties[name] = text;
  }
  const routeContact: RouteContact = { properties };
  const email = value(contact, "email");
  if (email !== undefined) routeContact.email = email;
  if (company) routeContact.company = portalCompany(company, ownerEmails);
  const touchOwner = ownerOf(contact, M.lastOutboundOwner);
  const touchAt = portalInstant(value(contact, M.lastOutboundAt));
  const touchKind = value(contact, M.lastOutboundKind);
  const touchKnown =
    touchOwner !== undefined && touchAt !== null && touchKind !== undefined && TOUCH_KINDS.has(touchKind);
  if (touchKnown) {
    routeContact.history = [{ kind: touchKind as TouchKind, owner: touchOwner, at: touchAt } satisfies OutboundTouch];
  }

  const kind = value(contact, M.eventKind);
  const eventKnown = kind !== undefined && EVENT_KINDS.has(kind);
  const event: RouteEvent = { kind: eventKnown ? (kind as EventKind) : "contact_created" };
  if (eventKnown) {
    const formId = value(contact, M.eventFormId);
    if (formId !== undefined) event.formId = formId;
    const pageUrl = value(contact, M.eventPageUrl);
    if (pageUrl !== undefined) event.pageUrl = pageUrl;
    const qualified = value(contact, M.eventChatQualified);
    if (qualified !== undefined) event.qualified = qualified.toLowerCase() === "true";
    const outcome = value(contact, M.eventCallOutcome);
    if (outcome !== undefined) event.outcome = outcome;
    const importSource = value(contact, M.eventImportSource);
    if (importSource !== undefined) event.importSource = importSource;
    const owner = ownerOf(contact, M.eventOwner);
    if (owner !== undefined) event.owner = owner;
  }
  return { input: { at, contact: routeContact, event }, eventKnown, touchKnown };
}

/**
 * Reads the first `count` contacts the portal lists, their primary companies (100 per request)
 * and the owner list, and converts them. Inputs come sorted by event time, so that pool rotation
 * runs in the order the leads arrived.
 */
export async function readPortalSample(reader: PortalReader, count: number): Promise<PortalSample> {
  const owners = await reader.listOwners();
  const ownerEmails = new Map<string, string>();
  for (const owner of owners) if (owner.email) ownerEmails.set(owner.id, owner.email.toLowerCase());

  const contacts: PortalRecord[] = [];
  if (count > 0) {
    const read = await reader.readContacts({ properties: [...PORTAL_CONTACT_PROPERTIES] });
    for await (const contact of read.contacts) {
      contacts.push(contact);
      if (contacts.length >= count) break;
    }
  }
  const companyIds = [
    ...new Set(contacts.map((c) => value(c, "associatedcompanyid")).filter((id) => id !== undefined)),
  ];
  const companies = new Map<string, PortalRecord>();
  for (let i = 0; i < companyIds.length; i += 100) {
    const batch = await reader.batchReadCompanies(companyIds.slice(i, i + 100), [...PORTAL_COMPANY_PROPERTIES]);
    for (const company of batch) companies.set(company.id, company);
  }

  const sample: PortalSample = { inputs: [], read: contacts.length, unknownEvents: 0, withTouch: 0, skipped: 0 };
  for (const contact of contacts) {
    const companyId = value(contact, "associatedcompanyid");
    const converted = portalRouteInput(contact, companyId ? companies.get(companyId) : undefined, ownerEmails);
    if (converted === null) {
      sample.skipped++;
      continue;
    }
    if (!converted.eventKnown) sample.unknownEvents++;
    if (converted.touchKnown) sample.withTouch++;
    sample.inputs.push({ input: converted.input, label: `contact ${contact.id}` });
  }
  sample.inputs.sort((a, b) => a.input.at - b.input.at);
  return sample;
}

/** What the sample could not know, one sentence each, for the report's notes. */
export function portalSampleNotes(sample: PortalSample): string[] {
  const notes = [
    "Contacts read from the portal: the event is the last one RouteOps' source identification recorded on each " +
      "contact; form fields, meeting type, chat intent and sequence are not recorded, and only the latest outbound " +
      `touch kept by RouteOps' touch flows is known (${sample.withTouch} of ${sample.read} contacts have one).`,
  ];
  if (sample.unknownEvents > 0) {
    notes.push(
      `${sample.unknownEvents} of ${sample.read} contacts have no recorded event (RouteOps' source identification ` +
        "never ran for them): they are replayed as contact_created at their creation date.",
    );
  }
  if (sample.skipped > 0) notes.push(`${sample.skipped} contacts were left out: no creation date could be read.`);
  return notes;
}
