/**
 * The differential proof in router mode: `routing/` deployed by `routeops deploy` (router mode:
 * capture workflows only) into the emulator, the emulator delivering `contact.propertyChange`
 * webhooks, signed, over HTTP to `routeops router`'s webhook endpoint, and the router deciding.
 * Every reference fixture is replayed in order as a fresh contact (company, outbound history, the
 * event, at the fixture's instants); the contact read back must show the engine's decision field
 * by field: owner (the rotation pick included), SLA due time and routed-at, with no HubSpot
 * limitation carve-outs. Rotation picks match because the engine routes the fixtures in the same
 * order from one rotation state, as the router does from its ledger (escalation reassignments
 * included). Capacity counts are what the router's decision log holds: the leads routed so far
 * (open until HubSpot shows a first touch) and the fixture's stated `load`, seeded into the log
 * (./router-load.ts); the pool members each decision skipped are compared too. After its fixture,
 * every lead gets its owner's first touch, so the router escalates only what the fixtures pin.
 *
 * What is adjusted is the input itself where HubSpot does not hold it: a value it refuses to store
 * (an employee count written "1,200"), and events it raises no workflow event for (chats, list
 * imports: src/hubspot-contract/event-types.ts), which no capture flow can see, so such a lead stays
 * as it was and such a touch is not in the history the router reads.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compileRouting,
  createRotationState,
  dueEscalationSteps,
  reassign,
  route,
  type CompiledRouting,
} from "../../src/engine";
import type { Decision, LeadLoad, RouteCompany, RouteInput } from "../../src/engine/types";
import { loadFixtureSources } from "../../src/files/fixture-loader";
import { createFixtureValidator, parseFixtureText, toRouteInput, type RoutingFixture } from "../../src/fixtures";
import { EVENT_TYPES, TOUCH_EVENT_TYPES, type EventTypeEntry } from "../../src/hubspot-contract";
import { MANAGED_PROPERTIES as P } from "../../src/deploy";
import type { HubSpotAdapter } from "../../src/hubspot";
import {
  escalationLog,
  firstTouchOf,
  OPEN_WINDOW_MS,
  openDatabase,
  startRouter,
  type RouterDatabase,
  type RunningRouter,
} from "../../src/router";
import { referenceProject } from "../support/reference";
import { pgliteFolder } from "../router/support";
import { deployedPortal, referenceConfig, type DeployedPortal } from "./deployed-portal";
import { replay, type Replayed } from "./replay";
import { clearSeededLeads, fixtureLeads, isSeeded, seedLeads, withContacts, type SeededLead } from "./router-load";
import { FIELDS, portalView, satisfies, show, type RoutingView } from "./views";

const validate = createFixtureValidator();
const fixtures = loadFixtureSources("test/fixtures", { cwd: referenceProject })
  .flatMap((source) => parseFixtureText(source).entries)
  .map((entry) => {
    const check = validate(entry.value);
    if (!check.ok) throw new Error(`${entry.file}: fixture ${entry.index} does not fit the schema`);
    return { file: entry.file, fixture: entry.value as RoutingFixture };
  })
  .filter(({ fixture }) => fixture.skip === undefined);

const label = (file: string, name: string) => `${path.relative("test/fixtures", file)}: ${name}`;
const lower = (email: string | null) => (email === null ? null : email.toLowerCase());

/** The engine's decision as the router writes it: the rotation pick is the owner. */
function routerView(decision: Decision, at: number): RoutingView {
  return {
    sourceType: decision.sourceType,
    system: decision.system,
    rule: decision.rule,
    intent: decision.intent,
    territory: decision.territory,
    segment: decision.segment,
    owner: lower(decision.owner ?? decision.rotationPick),
    pool: decision.pool,
    queue: decision.queue,
    nurture: decision.nurture,
    collaborator: lower(decision.collaborator),
    originalRep: lower(decision.originalRep),
    reengagement: decision.reengagement,
    slaPolicy: decision.slaPolicy,
    slaDueAt: decision.slaDueAt,
    notification: decision.notification,
    routedAt: at,
  };
}

/** The input as HubSpot holds it: without the values it refused on write. */
function heldInput(input: RouteInput, replayed: Replayed): RouteInput {
  if (replayed.refused.length === 0) return input;
  const refused = (object: string) =>
    new Set(replayed.refused.filter((r) => r.object === object).map((r) => r.property));
  const without = (values: Record<string, string> | undefined, names: Set<string>) =>
    values && Object.fromEntries(Object.entries(values).filter(([name]) => !names.has(name)));
  const { contact } = input;
  const company = contact.company;
  const properties = without(contact.properties, refused("contact"));
  const companyProperties = without(company?.properties, refused("company"));
  return {
    ...input,
    contact: {
      ...contact,
      ...(properties ? { properties } : {}),
      ...(company ? { company: { ...company, ...(companyProperties ? { properties: companyProperties } : {}) } } : {}),
    },
  };
}

interface Outcome {
  observed: RoutingView;
  expected: RoutingView;
  replayed: Replayed;
  /** The event is one HubSpot raises no workflow event for: no capture flow, the lead stays as it was. */
  notDeployable?: true;
  /** Leads of the fixture's stated `load` put into the router's decision log before it was routed. */
  seeded?: number;
}

/**
 * The input as the router sees it: capacity counts from its decision log (every lead routed so far
 * in the replay and the leads of the fixture's stated `load`, seeded into the log: `loadAt`); and,
 * for account matching by email domain, every company the portal holds (the fixture's `accounts`
 * and every company the replay created so far): the router searches them by domain.
 */
function asRouterSees(input: RouteInput, load: LeadLoad, companies: readonly RouteCompany[]): RouteInput {
  const { load: _load, accounts: _accounts, ...rest } = input;
  void _load;
  void _accounts;
  return { ...rest, load, accounts: [...companies] };
}

/** A lead in the router's decision log as capacity counts it (the same shape the seeding writes). */
type Logged = SeededLead;

function loadAt(log: readonly Logged[], now: number, without?: string): LeadLoad {
  const counted = log.filter((l) => l.contactId !== without);
  const open: Record<string, number> = {};
  for (const l of counted) {
    if (l.touched || l.requestedAt < now - OPEN_WINDOW_MS || l.requestedAt > now) continue;
    open[l.rep.toLowerCase()] = (open[l.rep.toLowerCase()] ?? 0) + 1;
  }
  return { assigned: counted.map(({ rep, pool, at }) => ({ rep, pool, at })), open };
}

/**
 * The engine's escalation steps for a decision (`dueEscalationSteps`, then each step as `route`'s
 * escalation runs it), each as [action, due time, target]; `reassignTo` routes a reassignment.
 */
function engineEscalation(
  compiled: CompiledRouting,
  decision: Decision,
  clock: NonNullable<RouteInput["escalation"]>,
  reassignTo: (dueAt: number, away: string[], queue: string | undefined) => ReturnType<typeof reassign>,
): unknown[] {
  const { due } = dueEscalationSteps(compiled, decision, clock);
  let owner = decision.owner ?? decision.rotationPick;
  const away: string[] = [];
  return due.map(({ step, dueAt }) => {
    if (step.action === "notify_rep") return [step.action, dueAt, owner];
    if (step.action === "notify_manager") return [step.action, dueAt, step.manager];
    if (step.action === "notify_channel") return [step.action, dueAt, step.channel];
    if (owner !== null) away.push(owner);
    const again = reassignTo(dueAt, [...away], step.queue);
    owner = again.owner ?? again.rotationPick;
    return [step.action, dueAt, again.queue !== null && again.pool === null ? `queue ${again.queue}` : owner];
  });
}

/** Whether HubSpot raises an event a flow can enrol on (chats and list imports: no; src/hubspot-contract). */
const deployable = (entry: EventTypeEntry) => entry.eventTypeId !== null;

/** The history as HubSpot keeps it: touches of kinds no touch flow can enrol on are never recorded. */
function keptHistory(input: RouteInput): RouteInput {
  const history = input.contact.history;
  if (!history || history.every((touch) => deployable(TOUCH_EVENT_TYPES[touch.kind]))) return input;
  const kept = history.filter((touch) => deployable(TOUCH_EVENT_TYPES[touch.kind]));
  return { ...input, contact: { ...input.contact, history: kept } };
}

describe("routing/ in router mode: capture workflows, webhooks and the router route every fixture like the engine", () => {
  const config = referenceConfig();
  const compiled = compileRouting(config);
  const outcomes = new Map<string, Outcome>();
  /** Escalation fixtures: the steps the router ran (from its decision log) and the engine's. */
  const escalations = new Map<string, { observed: unknown[]; expected: unknown[] }>();
  /** Pool members left out of the pick (capacity, absence), in the router's decision log and the engine's. */
  const skips = new Map<string, { observed: string[]; expected: string[] }>();
  const secret = randomBytes(16).toString("hex");
  let portal: DeployedPortal;
  let database: RouterDatabase;
  let router: RunningRouter;
  let routedByWebhook = 0;

  beforeAll(async () => {
    const inputs = fixtures.map(({ fixture }) => toRouteInput(fixture));
    const first = inputs[0]!.at;
    database = await openDatabase({ dataDir: await pgliteFolder() });
    // The router listens first, so that the emulator's webhook subscription can point at it; its
    // HubSpot calls go to the emulator's adapter once the emulator is up.
    // eslint-disable-next-line prefer-const -- assigned below, once the emulator is up; the proxy reads it later
    let adapter: HubSpotAdapter | undefined;
    const hubspot = new Proxy({} as HubSpotAdapter, {
      get(_target, key) {
        const value = Reflect.get(adapter!, key) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(adapter) : value;
      },
    });
    router = await startRouter({
      config,
      hubspot,
      database,
      http: { port: 0 },
      webhookSecret: secret,
      loop: false,
      now: () => portal?.clock.now() ?? first,
      // Open leads near a cap are read again before every batch, so the counts are exact here.
      touchRecheckMs: 0,
    });
    portal = await deployedPortal(config, first, {
      mode: "router",
      webhooks: {
        targetUrl: `${router.url}/webhooks/hubspot`,
        secret,
        properties: [P.routeRequestedAt],
        retryDelayMs: 1,
      },
    });
    adapter = portal.hubspot;
    // Every HubSpot user the fixtures name exists before the router first reads the owners.
    for (const input of inputs) {
      for (const email of [
        input.contact.company?.owner,
        input.event.owner,
        ...(input.contact.history ?? []).map((touch) => touch.owner),
      ]) {
        if (email) portal.addOwner(email);
      }
    }
    await portal.deployFor(first);

    const settle = async () => {
      portal.emulator.workflows.settle();
      await portal.emulator.webhooks!.settled();
      await router.drain();
    };
    const rotation = createRotationState();
    // What the router's decision log holds, for its capacity counts: who has which lead now (the
    // decided owner, or the one a reassignment moved it to), from which pool, since when, and
    // whether it is touched.
    const history: Logged[] = [];
    /** Whether HubSpot shows a first touch of the lead requested at `requestedAt` (as the router reads it). */
    const touchedIn = (contactId: string, requestedAt: number) =>
      firstTouchOf(portal.emulator.portal.contacts.get(contactId)!.properties, requestedAt) !== null;
    /** The owner's first touch as HubSpot records it (`hs_sa_first_engagement_date`), unless already touched. */
    const touch = (contactId: string, at: number) => {
      const logged = history.find((l) => l.contactId === contactId);
      if (touchedIn(contactId, logged?.requestedAt ?? Number.NEGATIVE_INFINITY)) return;
      const contact = portal.emulator.portal.contacts.get(contactId)!;
      portal.emulator.portal.contacts.update(
        contact,
        { hs_sa_first_engagement_date: new Date(at).toISOString() },
        at,
        "event",
      );
      if (logged) logged.touched = touchedIn(contactId, logged.requestedAt);
    };
    /** The instant of the fixture's request, the contact's latest (its outbound history may have been routed before). */
    const requestedAtOf = async (contactId: string) => {
      const rows = await database.query<{ requested_at: unknown }>(
        "SELECT requested_at FROM decisions WHERE contact_id = $1 ORDER BY requested_at DESC, round DESC LIMIT 1",
        [contactId],
      );
      return rows.rows.length > 0 ? Number(rows.rows[0]!.requested_at) : null;
    };
    // Every company the replay created, in creation order (the router finds them by domain).
    const companies: RouteCompany[] = [];
    for (const [n, { file, fixture }] of fixtures.entries()) {
      const input = inputs[n]!;
      // The fixture's stated load, as leads of the router's decision log (the last fixture's removed).
      await clearSeededLeads(database);
      history.splice(0, history.length, ...history.filter((l) => !isSeeded(l)));
      // An open lead's contact is in HubSpot, untouched, as it would be: put there as a stored
      // record (no change events, so no workflow or webhook sees it).
      const seeded = withContacts(fixtureLeads(input.load, n, input.at), (lead) => {
        const contacts = portal.emulator.portal.contacts;
        const id = contacts.peekNextId();
        contacts.insert({
          id,
          properties: {
            hs_object_id: id,
            email: `open-${n}-${id}@fixture-load.test`,
            createdate: new Date(lead.requestedAt).toISOString(),
            lastmodifieddate: new Date(lead.requestedAt).toISOString(),
          },
          createdAt: lead.requestedAt,
          updatedAt: lead.requestedAt,
          archived: false,
        });
        return id;
      });
      await seedLeads(database, seeded);
      history.push(...seeded);
      const replayed = await replay(portal, input, n + 1, settle);
      companies.push(...replayed.companies);
      const name = label(file, fixture.name);
      if (!deployable(EVENT_TYPES[input.event.kind])) {
        // No capture flow enrols on an event HubSpot does not raise (event_kind_not_deployable in
        // the plan): no routing request, the router never sees the lead, the contact stays as it was.
        outcomes.set(name, {
          observed: portalView(replayed.properties, portal.emailOf),
          expected: portalView(replayed.before, portal.emailOf),
          replayed,
          notDeployable: true,
        });
        continue;
      }
      // The router decided at the replay's clock (the event's instant, or later for a created contact).
      const held = asRouterSees(
        keptHistory(heldInput(input, replayed)),
        loadAt(history, portal.clock.now()),
        companies,
      );
      // The same rotation state for every fixture, in replay order: the router's ledger does the same.
      const decision = route(compiled, held, { rotation });
      const owner = decision.owner ?? decision.rotationPick;
      const requestedAt = await requestedAtOf(replayed.contactId);
      if (owner !== null && requestedAt !== null) {
        history.push({
          contactId: replayed.contactId,
          requestedAt,
          rep: owner,
          pool: decision.pool,
          at: requestedAt,
          touched: touchedIn(replayed.contactId, requestedAt),
        });
      }
      outcomes.set(name, {
        observed: portalView(replayed.properties, portal.emailOf),
        expected: routerView(decision, input.at),
        replayed,
        ...(input.load !== undefined ? { seeded: seeded.length } : {}),
      });
      const logged = await database.query<{ skipped: unknown }>(
        "SELECT decision->'skipped' AS skipped FROM decisions WHERE contact_id = $1 AND requested_at = $2",
        [replayed.contactId, requestedAt],
      );
      const skippedOf = (list: unknown) =>
        (
          (typeof list === "string" ? JSON.parse(list) : (list ?? [])) as {
            rep: string;
            reason: string;
            detail?: string;
          }[]
        )
          .map((m) => `${m.rep.toLowerCase()} ${m.reason}${m.detail ? `: ${m.detail}` : ""}`)
          .sort();
      skips.set(name, { observed: skippedOf(logged.rows[0]?.skipped), expected: skippedOf(decision.skipped) });
      if (input.escalation) {
        // The owner's first touch as HubSpot records it, then time moves to the fixture's "now":
        // the router's next cycle runs the escalation steps that came due.
        const clock = input.escalation;
        if (clock.firstTouchAt !== null && clock.firstTouchAt <= clock.now)
          touch(replayed.contactId, clock.firstTouchAt);
        portal.clock.set(clock.now);
        await router.cycle();
        const ran = await escalationLog(database, { contactId: replayed.contactId, requestedAt: input.at });
        escalations.set(name, {
          observed: ran.map((step) => [step.action, step.dueAt, step.target]),
          expected: engineEscalation(compiled, decision, clock, (dueAt, away, queue) => {
            // The engine's reassignment against the same rotation (the router's ledger), with the
            // counts of the decision log but the lead itself; the lead then counts for its new owner.
            const again = reassign(
              compiled,
              { ...held, load: loadAt(history, clock.now, replayed.contactId) },
              dueAt,
              rotation,
              away,
              queue,
            );
            const moved = again.owner ?? again.rotationPick;
            const at = history.findIndex((l) => l.contactId === replayed.contactId);
            const [logged] = at >= 0 ? history.splice(at, 1) : [];
            if (moved !== null && logged) history.push({ ...logged, rep: moved, pool: again.pool, at: dueAt });
            return again;
          }),
        });
      }
      // Then the owner works the lead (an escalation fixture's, once its steps are checked): the
      // router escalates only the leads the fixtures pin, never a lead routed for another fixture
      // when the replay's clock later passes its SLA.
      touch(replayed.contactId, portal.clock.now());
    }
    routedByWebhook = router.metrics.requestsLearnt.get("webhook") ?? 0;
  }, 900_000);

  afterAll(async () => {
    await router?.close();
    await database?.close();
    await portal?.emulator.close();
  });

  it.each(fixtures.map(({ file, fixture }) => label(file, fixture.name)))("%s", (name) => {
    const outcome = outcomes.get(name);
    expect(outcome, "the fixture was replayed").toBeDefined();
    const { observed, expected, replayed } = outcome!;
    const mismatches = FIELDS.filter((field) => !satisfies(observed[field], expected[field])).map(
      (field) => `${field}: HubSpot shows ${show(observed[field])}, the engine decides ${show(expected[field])}`,
    );
    const runs = replayed.runs.map((run) => `  run ${run.id} ${run.flowName} (${run.status})`);
    expect(mismatches, [...mismatches, "flow runs:", ...runs].join("\n")).toEqual([]);
    expect(replayed.runs.every((run) => run.status === "completed")).toBe(true);
  });

  it("leaves exactly the fixtures whose event HubSpot does not raise (chats, list imports) unrouted", () => {
    const notDeployable = fixtures
      .filter(({ fixture }) => !deployable(EVENT_TYPES[toRouteInput(fixture).event.kind]))
      .map(({ file, fixture }) => label(file, fixture.name));
    expect(notDeployable.length).toBeGreaterThan(0);
    const marked = [...outcomes].filter(([, o]) => o.notDeployable).map(([name]) => name);
    expect(marked.sort()).toEqual(notDeployable.sort());
  });

  const escalationFixtures = fixtures
    .filter(({ fixture }) => toRouteInput(fixture).escalation !== undefined)
    .map(({ file, fixture }) => label(file, fixture.name));

  const routed = fixtures
    .filter(({ fixture }) => deployable(EVENT_TYPES[toRouteInput(fixture).event.kind]))
    .map(({ file, fixture }) => label(file, fixture.name));

  it.each(routed)("skipped members (capacity, absence): %s", (name) => {
    const outcome = skips.get(name);
    expect(outcome, "the router decided the fixture").toBeDefined();
    expect(outcome!.observed).toEqual(outcome!.expected);
  });

  it.each(escalationFixtures)("escalation: %s", (name) => {
    const outcome = escalations.get(name);
    expect(outcome, "the escalation was replayed").toBeDefined();
    expect(outcome!.observed).toEqual(outcome!.expected);
  });

  it("puts the stated load of every fixture that has one into the router's decision log", () => {
    const withLoad = fixtures.filter(({ fixture }) => {
      const input = toRouteInput(fixture);
      return input.load !== undefined && deployable(EVENT_TYPES[input.event.kind]);
    });
    expect(withLoad.length).toBeGreaterThan(0);
    for (const { file, fixture } of withLoad) {
      const input = toRouteInput(fixture);
      const seeded = outcomes.get(label(file, fixture.name))?.seeded;
      expect(seeded, label(file, fixture.name)).toBe(fixtureLeads(input.load, 0, input.at).length);
      expect(seeded).toBeGreaterThan(0);
    }
  });

  it("replays every reference fixture, learning every request HubSpot raises from a webhook", () => {
    expect(outcomes.size).toBe(fixtures.length);
    const raised = fixtures.filter(({ fixture }) => deployable(EVENT_TYPES[toRouteInput(fixture).event.kind]));
    expect(routedByWebhook).toBeGreaterThanOrEqual(raised.length);
  });
});
