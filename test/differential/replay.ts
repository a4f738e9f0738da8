/**
 * Replays one fixture into the deployed portal as HubSpot would see it happen: the company and the
 * contact through the official client (associated as primary company), each earlier outbound touch
 * at its own instant (sequence enrolments and calls/event imports through the emulator's test
 * endpoints, which raise HubSpot's events), then the triggering event at the fixture's instant.
 * The flows run on those events; the contact is read back through the official client.
 */
import { Client } from "@hubspot/api-client";
import { CONTACT_CREATED_GRACE_MINUTES } from "../../src/deploy/compile/source-flows";
import { MANAGED_PROPERTIES } from "../../src/deploy";
import type { FlowRun } from "../../src/emulator";
import { findContactByEmail } from "../../src/emulator/routes/property-values";
import type { OutboundTouch, RouteCompany, RouteEvent, RouteInput } from "../../src/engine/types";
import type { DeployedPortal } from "./deployed-portal";

/** A value HubSpot refused on write (the replay then writes the record without it). */
export interface RefusedValue {
  object: "contact" | "company";
  property: string;
  value: string;
  message: string;
}

/** What the replay left in the portal. */
export interface Replayed {
  contactId: string;
  /** The contact's owner (email) right before the triggering event. */
  ownerBefore: string | null;
  /** The contact as read back right before the triggering event (what an event no flow enrols on leaves). */
  before: Record<string, string | null>;
  /** The contact as read back after the flows ran. */
  properties: Record<string, string | null>;
  refused: RefusedValue[];
  runs: FlowRun[];
  /** The companies the replay created, in order, as HubSpot holds them (refused values left out). */
  companies: RouteCompany[];
}

export const READ_BACK = ["hubspot_owner_id", ...Object.values(MANAGED_PROPERTIES)];

const MINUTE_MS = 60_000;

/** Calls a test-only endpoint of the emulator; fails the test on anything but 2xx. */
async function admin(portal: DeployedPortal, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(portal.emulator.baseUrl + path, {
    method: "POST",
    headers: { authorization: `Bearer ${portal.emulator.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

interface ClientError {
  code?: number;
  body?: unknown;
}

/** The properties a 400 names as invalid, with HubSpot's messages. */
function invalidProperties(error: unknown): { property: string; message: string }[] {
  const e = error as ClientError;
  if (e.code !== 400) return [];
  const body = (typeof e.body === "string" ? JSON.parse(e.body) : e.body) as {
    errors?: { message: string; context?: { propertyName?: string[] } }[];
  };
  return (body.errors ?? []).flatMap((detail) =>
    (detail.context?.propertyName ?? []).map((property) => ({ property, message: detail.message })),
  );
}

/** Creates a record, leaving out (and reporting) the values HubSpot refuses. */
async function createRecord(
  object: RefusedValue["object"],
  properties: Record<string, string>,
  create: (properties: Record<string, string>) => Promise<{ id: string }>,
  refused: RefusedValue[],
): Promise<string> {
  const kept = { ...properties };
  for (;;) {
    try {
      return (await create(kept)).id;
    } catch (error) {
      const invalid = invalidProperties(error);
      if (invalid.length === 0) throw error;
      for (const { property, message } of invalid) {
        refused.push({ object, property, value: kept[property] ?? "", message });
        delete kept[property];
      }
    }
  }
}

/** A touch as HubSpot records it: a sequence enrolment, a logged call, or an event list import. */
async function replayTouch(portal: DeployedPortal, contactId: string, touch: OutboundTouch): Promise<void> {
  portal.clock.set(touch.at);
  if (touch.kind === "sequence_enrollment") {
    const sequenceId = touch.sequence ?? "history-sequence";
    await admin(portal, "/_emulator/enrollments", {
      contactId,
      sequenceId,
      sequenceName: sequenceId,
      enrolledByEmail: touch.owner,
      enrolledAt: touch.at,
    });
    return;
  }
  const event: RouteEvent =
    touch.kind === "call"
      ? { kind: "call_logged", owner: touch.owner }
      : { kind: "list_import", importSource: "event:history", owner: touch.owner };
  await admin(portal, "/_emulator/events", { contactId, at: touch.at, event });
}

/** Owners the input names who are not owners of the portal yet (partners, agencies): HubSpot users. */
function ensureOwners(portal: DeployedPortal, input: RouteInput): void {
  const emails = [
    input.contact.company?.owner,
    input.event.owner,
    ...(input.contact.history ?? []).map((touch) => touch.owner),
  ];
  for (const email of emails) if (email) portal.addOwner(email);
}

/**
 * Replays the fixture as contact number `n` of the run. `settle` runs after each event HubSpot
 * records (router mode: webhooks delivered, the router drained) and before the contact is read.
 */
export async function replay(
  portal: DeployedPortal,
  input: RouteInput,
  n: number,
  settle: () => Promise<void> = async () => undefined,
): Promise<Replayed> {
  const { emulator, clock } = portal;
  const client = new Client({ accessToken: emulator.token, basePath: emulator.baseUrl, numberOfApiCallRetries: 0 });
  const refused: RefusedValue[] = [];
  ensureOwners(portal, input);
  const history = [...(input.contact.history ?? [])]
    .filter((touch) => touch.at <= input.at) // a later touch has not happened when the event is routed
    .sort((a, b) => a.at - b.at); // stable: touches at the same instant keep their order
  clock.set(Math.min(input.at, ...history.map((touch) => touch.at)));

  const companies: RouteCompany[] = [];
  const createCompany = async (company: RouteCompany): Promise<string> => {
    const ownerId = company.owner ? portal.ownerIdOf(company.owner) : undefined;
    const properties = {
      ...(company.properties ?? {}),
      ...(company.domain ? { domain: company.domain } : {}),
      // HubSpot holds additional domains as one semicolon-separated text.
      ...(company.additionalDomains?.length ? { hs_additional_domains: company.additionalDomains.join("; ") } : {}),
      ...(ownerId ? { hubspot_owner_id: ownerId } : {}),
    };
    const before = refused.length;
    const id = await createRecord(
      "company",
      properties,
      (p) => client.crm.companies.basicApi.create({ properties: p, associations: [] }),
      refused,
    );
    const dropped = new Set(refused.slice(before).map((r) => r.property));
    const kept = Object.fromEntries(Object.entries(company.properties ?? {}).filter(([name]) => !dropped.has(name)));
    companies.push({ ...company, properties: kept });
    return id;
  };
  // The accounts the fixture says HubSpot has (not associated: found by the contact's email domain).
  for (const account of input.accounts ?? []) await createCompany(account);
  const company = input.contact.company;
  const companyId = company ? await createCompany(company) : undefined;
  // One fresh contact per fixture: a fixture's email is kept unless an earlier fixture used it.
  const given = input.contact.email;
  const email = given && !findContactByEmail(emulator.portal, given) ? given : `fixture-${n}@differential.test`;
  const properties = { ...(input.contact.properties ?? {}), email };
  const associations = companyId
    ? [
        {
          to: { id: companyId },
          types: [{ associationCategory: "HUBSPOT_DEFINED" as never, associationTypeId: 1 }],
        },
      ]
    : [];
  const contactId = await createRecord(
    "contact",
    properties,
    (p) => client.crm.contacts.basicApi.create({ properties: p, associations }),
    refused,
  );

  for (const touch of history) {
    await replayTouch(portal, contactId, touch);
    await settle();
  }
  clock.set(input.at);
  const before = await client.crm.contacts.basicApi.getById(contactId, READ_BACK);
  const ownerBefore = portal.emailOf(before.properties.hubspot_owner_id ?? undefined);
  await admin(portal, "/_emulator/events", { contactId, at: input.at, event: input.event });
  // A contact created with no known cause is classified after the grace period (contact_created_delay).
  if (input.event.kind === "contact_created") clock.set(input.at + CONTACT_CREATED_GRACE_MINUTES * MINUTE_MS);
  await settle();
  const read = await client.crm.contacts.basicApi.getById(contactId, READ_BACK);
  return {
    contactId,
    ownerBefore,
    before: before.properties,
    properties: read.properties,
    refused,
    runs: emulator.workflows.runsOf(contactId),
    companies,
  };
}
