/**
 * The lead burst: every lead is created in the portal over HTTP (its company, the contact and the
 * association, as a form or an import would create them), its outbound history is injected, and
 * then what just happened to it is raised as an event, one lead after another. The emulator runs
 * the deployed workflows on each event; the contacts are then read back through the HubSpot
 * adapter and compared with the engine's decision for the same input at the same instant.
 */
import type { RoutingConfig } from "../../config/types";
import { MANAGED_PROPERTIES as P } from "../../deploy/managed-names";
import { compileRouting, createRotationState, route } from "../../engine";
import type { Decision, RouteEvent, RouteInput } from "../../engine/types";
import type { HubSpotAdapter } from "../../hubspot";
import type { DemoClock } from "../clock";
import {
  compareLead,
  COMPARED_PROPERTIES,
  indexOwners,
  wasRouted,
  type FieldDifference,
  type OwnerIndex,
} from "./compare";
import type { EmulatorHttp } from "./emulator-http";
import type { LoggedDecision } from "../../router";
import { checkRoutedLeads, ROUTER_PROPERTIES, type RoutedLead } from "./router-check";
import { latestCountedTouch, movedTo, type DemoLead } from "./lead-inputs";

/** What the burst needs. */
export interface BurstOptions {
  config: RoutingConfig;
  leads: readonly DemoLead[];
  /** Writes to the emulator. */
  http: EmulatorHttp;
  /** Reads (owners, property definitions, contacts), through RouteOps' own HubSpot adapter. */
  hubspot: HubSpotAdapter;
  clock: DemoClock;
  /** Runs once every event was raised, before the contacts are read back: lets waiting workflow steps finish. */
  afterEvents?: () => Promise<void>;
  /**
   * Who routed the leads, and so how they are checked: the deployed workflows (what they can
   * express of the engine, see compare.ts), or the router (exactly, see router-check.ts; its
   * decision log gives the order in which it decided).
   */
  routedBy?:
    { kind: "workflows" } | { kind: "router"; decision(contactId: string): Promise<LoggedDecision | undefined> };
}

/** One lead after the burst. */
export interface LeadOutcome {
  index: number;
  contactId: string;
  /** The input as the engine routed it: the event at the instant it was raised. */
  input: RouteInput;
  decision: Decision;
  /** The workflows routed it (it carries a routed-at and is no longer pending). */
  routed: boolean;
  /** `routeops_system` as the workflows recorded it. */
  system: string | null;
  /** Where workflows and engine disagree (empty when they agree or the lead was not routed). */
  differences: FieldDifference[];
}

export interface BurstResult {
  leads: LeadOutcome[];
  /** Sequence enrolments injected as outbound history. */
  enrollments: number;
  /** Contacts given their latest outbound touch (routeops_last_outbound_*). */
  lastTouches: number;
  /** Whether the portal had RouteOps' properties (a deploy happened) when the leads arrived. */
  managedProperties: boolean;
}

const BATCH = 100;

interface Created {
  results: { id: string }[];
}

/** Sends the burst and compares every lead; throws EmulatorRequestError when the portal refuses a write. */
export async function sendBurst(options: BurstOptions): Promise<BurstResult> {
  const { config, leads, http, hubspot, clock } = options;
  const owners = indexOwners(await hubspot.listOwners());
  const properties = new Set((await hubspot.listProperties("contacts")).map((p) => p.name));
  const managedProperties = [P.lastOutboundOwner, P.lastOutboundAt, P.lastOutboundKind].every((name) =>
    properties.has(name),
  );

  // History is written before any event, as it would have been in a portal: weeks or months earlier.
  const burstStart = clock.now();
  const planned = leads.map((lead) => movedTo(lead.input, burstStart));
  const companyIds = await createCompanies(http, planned, owners);
  const contactIds = await createContacts(http, planned, companyIds);
  const enrollments = await injectEnrollments(http, planned, contactIds, owners, burstStart);
  const lastTouches = managedProperties ? await setLatestTouches(http, config, planned, contactIds, owners) : 0;

  const raised: RouteInput[] = [];
  for (const [i, input] of planned.entries()) {
    const answer = await http.post<{ at: string }>("/_emulator/events", {
      contactId: contactIds[i],
      at: new Date(clock.now()).toISOString(),
      event: asRaised(input.event),
    });
    // The engine routes at the instant the portal recorded; the history keeps its planned times.
    raised.push({ ...input, at: Date.parse(answer.at) });
  }
  await options.afterEvents?.();

  const routedBy = options.routedBy ?? { kind: "workflows" };
  const read = routedBy.kind === "router" ? ROUTER_PROPERTIES : COMPARED_PROPERTIES;
  const records = await hubspot.batchReadContacts(contactIds, [...read]);
  const byId = new Map(records.map((record) => [record.id, record.properties]));
  if (routedBy.kind === "router") {
    const routed: RoutedLead[] = [];
    for (const [i, input] of raised.entries()) {
      const contactId = contactIds[i]!;
      routed.push({
        contactId,
        input,
        values: byId.get(contactId) ?? {},
        logged: await routedBy.decision(contactId),
      });
    }
    const checks = checkRoutedLeads(config, routed, owners);
    const leadsOut = routed.map((lead, i): LeadOutcome => ({
      index: leads[i]!.index,
      contactId: lead.contactId,
      input: lead.input,
      decision: checks[i]!.decision,
      routed: checks[i]!.routed,
      system: lead.values[P.system] ?? null,
      differences: checks[i]!.differences,
    }));
    return { leads: leadsOut, enrollments, lastTouches, managedProperties };
  }
  const compiled = compileRouting(config);
  const rotation = createRotationState();
  const outcomes = raised.map((input, i): LeadOutcome => {
    const decision = route(compiled, input, { rotation, trace: false });
    const values = byId.get(contactIds[i]!) ?? {};
    const routed = wasRouted(values);
    return {
      index: leads[i]!.index,
      contactId: contactIds[i]!,
      input,
      decision,
      routed,
      system: values[P.system] ?? null,
      differences: routed ? compareLead(decision, values, owners, config) : [],
    };
  });
  return { leads: outcomes, enrollments, lastTouches, managedProperties };
}

/**
 * The event as the emulator's endpoint takes it. A call or a sequence reply that names nobody (a
 * call logged by an integration) carries an empty owner there: the endpoint requires the field,
 * and an empty one is how the portal holds "no owner". The engine keeps the input as generated.
 */
function asRaised(event: RouteEvent): RouteEvent {
  const ownerRequired = event.kind === "call_logged" || event.kind === "sequence_reply";
  return ownerRequired && event.owner === undefined ? { ...event, owner: "" } : event;
}

async function inBatches<T>(items: readonly T[], send: (batch: T[]) => Promise<string[]>): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < items.length; start += BATCH)
    ids.push(...(await send(items.slice(start, start + BATCH))));
  return ids;
}

/** Creates the leads' companies; the id of each lead's company, or undefined. */
async function createCompanies(
  http: EmulatorHttp,
  inputs: readonly RouteInput[],
  owners: OwnerIndex,
): Promise<(string | undefined)[]> {
  const withCompany = inputs.flatMap((input, i) =>
    input.contact.company ? [{ i, company: input.contact.company }] : [],
  );
  const ids = await inBatches(withCompany, async (batch) => {
    const body = {
      inputs: batch.map(({ i, company }) => {
        const values: Record<string, string> = { name: company.domain ?? `Lead company ${i}` };
        if (company.domain) values.domain = company.domain;
        const size = company.properties?.numberofemployees;
        if (size !== undefined && size !== "") values.numberofemployees = size.trim();
        const owner = company.owner === undefined ? undefined : owners.idOf(company.owner);
        if (owner) values.hubspot_owner_id = owner;
        return { properties: values };
      }),
    };
    return (await http.post<Created>("/crm/v3/objects/companies/batch/create", body)).results.map((r) => r.id);
  });
  const result: (string | undefined)[] = inputs.map(() => undefined);
  withCompany.forEach(({ i }, k) => (result[i] = ids[k]));
  return result;
}

/** Creates the contacts, each associated with its company as the primary one. */
async function createContacts(
  http: EmulatorHttp,
  inputs: readonly RouteInput[],
  companyIds: readonly (string | undefined)[],
): Promise<string[]> {
  const rows = inputs.map((input, i) => ({ input, companyId: companyIds[i] }));
  return inBatches(rows, async (batch) => {
    const body = {
      inputs: batch.map(({ input, companyId }) => ({
        properties: {
          ...(input.contact.properties ?? {}),
          ...(input.contact.email ? { email: input.contact.email } : {}),
        },
        ...(companyId
          ? {
              associations: [
                { to: { id: companyId }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 }] },
              ],
            }
          : {}),
      })),
    };
    return (await http.post<Created>("/crm/v3/objects/contacts/batch/create", body)).results.map((r) => r.id);
  });
}

/** Sequence enrolments of the leads' history (by people of the portal, before the event), oldest first. */
async function injectEnrollments(
  http: EmulatorHttp,
  inputs: readonly RouteInput[],
  contactIds: readonly string[],
  owners: OwnerIndex,
  before: number,
): Promise<number> {
  const sequenceIds = new Map<string, string>();
  let injected = 0;
  for (const [i, input] of inputs.entries()) {
    const touches = (input.contact.history ?? [])
      .filter((t) => t.kind === "sequence_enrollment" && t.at <= before && owners.idOf(t.owner) !== undefined)
      .sort((a, b) => a.at - b.at);
    for (const touch of touches) {
      const name = touch.sequence ?? "outbound";
      if (!sequenceIds.has(name)) sequenceIds.set(name, String(7_100_001 + sequenceIds.size));
      await http.post("/_emulator/enrollments", {
        contactId: contactIds[i],
        sequenceId: sequenceIds.get(name),
        sequenceName: name,
        enrolledByEmail: touch.owner.trim(),
        enrolledAt: new Date(touch.at).toISOString(),
      });
      injected++;
    }
  }
  return injected;
}

/**
 * The latest outbound touch of each lead, as the touch workflows keep it. Calls and event touches
 * cannot be replayed without also raising the call or import that would route the contact, so
 * the result of the touch workflows is written directly (as docs/deploy.md's differential test
 * does); written after the enrolments, so that it is what the contact holds when its event comes.
 */
async function setLatestTouches(
  http: EmulatorHttp,
  config: RoutingConfig,
  inputs: readonly RouteInput[],
  contactIds: readonly string[],
  owners: OwnerIndex,
): Promise<number> {
  const updates = inputs.flatMap((input, i) => {
    const touch = latestCountedTouch(config, input);
    const owner = touch === undefined ? undefined : owners.idOf(touch.owner);
    if (!touch || !owner) return [];
    const properties = {
      [P.lastOutboundOwner]: owner,
      [P.lastOutboundAt]: new Date(touch.at).toISOString(),
      [P.lastOutboundKind]: touch.kind,
    };
    return [{ id: contactIds[i]!, properties }];
  });
  await inBatches(updates, async (batch) => {
    await http.post("/crm/v3/objects/contacts/batch/update", { inputs: batch });
    return [];
  });
  return updates.length;
}
