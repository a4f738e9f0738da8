/**
 * Router mode (the default): the deployed workflows only capture the event HubSpot sees and stamp
 * a routing request; they stay small and flat whatever the organisation's size, and the plan says
 * which mode it deploys and which config version the router must run.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  desiredState,
  EVENT_TYPES,
  TOUCH_EVENT_TYPES,
  MANAGED_FLOWS,
  MANAGED_PROPERTIES as P,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText,
  planChanges,
  type DesiredState,
  type FlowBody,
  type LiveState,
} from "../../src/deploy";
import type { EventKind, RoutingConfig } from "../../src/config";
import { seedFromRouting, startEmulator, type RunningEmulator } from "../../src/emulator";
import { main } from "../../src/cli/main";
import { MAX_LIST_BRANCHES } from "../../src/hubspot-contract";
import { flowShape } from "./large-org";
import { largeOrganisation } from "./large-org";
import { MARCH, ownersOf, reference, singles } from "./support";

/** HubSpot's published limits (knowledge base): 20 branches per if/then action, 250 filters. */
const MAX_BRANCHES = MAX_LIST_BRANCHES;
const MAX_FILTERS = 250;

function compileRouter(config: RoutingConfig = reference, extra: { mode?: "router" | "workflows" } = {}): DesiredState {
  const result = desiredState(config, { owners: ownersOf(config), at: MARCH, ...extra });
  if ("errors" in result) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.state;
}

/** The event kinds HubSpot raises an event for (chats and imports have none: no flow, a plan warning). */
const KINDS = (Object.keys(EVENT_TYPES) as EventKind[]).filter((kind) => EVENT_TYPES[kind].eventTypeId !== null);
const touchKinds = (config: RoutingConfig) =>
  config.reengagement.touchKinds.filter((kind) => TOUCH_EVENT_TYPES[kind].eventTypeId !== null);

function captureOf(state: DesiredState, kind: EventKind): FlowBody {
  const flow = state.flows.find((f) => f.key === `capture/${kind}`);
  if (!flow) throw new Error(`no capture flow for ${kind}`);
  return flow.body;
}

/** The property each set-property action writes, in the order a run without branches meets them. */
function writesInOrder(body: FlowBody): { property: string; value: Record<string, unknown> }[] {
  return singles(body)
    .filter((a) => a.actionTypeId === "0-5")
    .map((a) => ({ property: a.fields.property_name as string, value: a.fields.value as Record<string, unknown> }));
}

describe("router mode is the default", () => {
  it("compiles a capture flow per event kind plus the touch flows, and no routing flow", () => {
    const state = compileRouter();
    expect(state.mode).toBe("router");
    expect(state.flows.map((f) => f.key)).toEqual([
      ...KINDS.map((kind) => `capture/${kind}`),
      ...touchKinds(reference).map((kind) => `touch/${kind}`),
    ]);
    expect(KINDS).not.toContain("chat_completed");
    expect(KINDS).not.toContain("list_import");
    expect(state.flows.map((f) => f.body.name)).toEqual(
      expect.arrayContaining(KINDS.map((kind) => MANAGED_FLOWS.capture[kind])),
    );
  });

  it("adds the routing request property to the managed properties, a datetime", () => {
    const router = compileRouter();
    const workflows = compileRouter(reference, { mode: "workflows" });
    const request = router.properties.find((p) => p.name === P.routeRequestedAt);
    expect(request).toMatchObject({ type: "datetime", fieldType: "date", groupName: "routeops" });
    expect(router.properties.map((p) => p.name)).toEqual([
      ...workflows.properties.map((p) => p.name),
      P.routeRequestedAt,
    ]);
    expect(workflows.properties.some((p) => p.name === P.routeRequestedAt)).toBe(false);
  });

  it("uses no rotation, task, notification or sequence action: the router decides and writes those", () => {
    const state = compileRouter();
    const actionTypes = new Set(state.flows.flatMap((f) => singles(f.body).map((a) => a.actionTypeId)));
    expect([...actionTypes].sort()).toEqual(["0-1", "0-5"]);
  });

  it("lists only what HubSpot itself observes as limitations", () => {
    const codes = compileRouter().warnings.map((w) => w.code);
    for (const gone of [
      "sla_calendar_time",
      "rotation_position_per_action",
      "rotation_weights_repeated",
      "out_of_office_by_deploy_date",
      "page_path_prefix_contains",
      "contact_created_delay",
      "nurture_keeps_owner",
      "territory_spellings",
      "replacements_compiled",
    ]) {
      expect(codes).not.toContain(gone);
    }
    expect(codes).toContain("reengagement_latest_touch");
    expect(codes).toContain("number_property_values");
  });

  it("takes workflows mode from the config's deploy.mode, and the override from the command over it", () => {
    const configured: RoutingConfig = { ...reference, deploy: { mode: "workflows" } };
    expect(compileRouter(configured).mode).toBe("workflows");
    expect(compileRouter(configured).flows.map((f) => f.key)).toContain("inbound");
    expect(compileRouter(configured, { mode: "router" }).mode).toBe("router");
  });
});

describe("a capture flow", () => {
  it("clears the request first, records the form's id and page URL from the event, asks for routing, and stamps the request last", () => {
    const body = captureOf(compileRouter(), "form_submission");
    const token = (name: string) => `{{ enrollment_events.enrollment_event_4_1639801.${name} }}`;
    expect(writesInOrder(body)).toEqual([
      { property: P.routeRequestedAt, value: { type: "STATIC_VALUE", staticValue: "" } },
      { property: P.eventKind, value: { type: "STATIC_VALUE", staticValue: "form_submission" } },
      {
        property: P.eventFormId,
        value: { type: "ENROLLMENT_EVENT_PROPERTY", enrollmentEventPropertyToken: token("hs_form_id") },
      },
      {
        property: P.eventPageUrl,
        value: { type: "ENROLLMENT_EVENT_PROPERTY", enrollmentEventPropertyToken: token("hs_page_url") },
      },
      { property: P.eventChatQualified, value: { type: "STATIC_VALUE", staticValue: "" } },
      { property: P.eventCallOutcome, value: { type: "STATIC_VALUE", staticValue: "" } },
      { property: P.eventImportSource, value: { type: "STATIC_VALUE", staticValue: "" } },
      { property: P.eventOwner, value: { type: "STATIC_VALUE", staticValue: "" } },
      { property: P.routingPending, value: { type: "STATIC_VALUE", staticValue: "true" } },
      {
        property: P.routeRequestedAt,
        value: { type: "ENROLLMENT_EVENT_PROPERTY", enrollmentEventPropertyToken: token("hs_timestamp") },
      },
    ]);
    expect(body.enrollmentCriteria).toMatchObject({
      type: "EVENT_BASED",
      shouldReEnroll: true,
      eventFilterBranches: [{ eventTypeId: "4-1639801", filters: [] }],
    });
  });

  it("for a created contact, waits the grace period and asks only when no other event asked", () => {
    const body = captureOf(compileRouter(), "contact_created");
    const [first] = body.actions;
    expect(first).toMatchObject({ actionTypeId: "0-1", fields: { delta: "10", time_unit: "MINUTES" } });
    const branches = body.actions.filter((a) => a.type === "LIST_BRANCH");
    expect(branches).toHaveLength(1);
    expect(JSON.stringify(branches[0])).toContain(P.routeRequestedAt);
    expect(writesInOrder(body).at(-1)?.property).toBe(P.routeRequestedAt);
  });

  it("names the config version in its managed description", () => {
    expect(captureOf(compileRouter(), "call_logged").description).toContain(reference.version);
  });
});

describe("a 500-rep organisation", () => {
  const large = largeOrganisation(reference);

  it("does not fit HubSpot's limits in workflows mode (the reason router mode exists)", () => {
    const shapes = compileRouter(large, { mode: "workflows" }).flows.map((f) => flowShape(f.body));
    expect(Math.max(...shapes.map((s) => s.maxBranches))).toBeGreaterThan(MAX_BRANCHES);
    expect(Math.max(...shapes.map((s) => s.nesting))).toBeGreaterThan(10);
  });

  it("fits them in router mode: every flow within 20 branches and 250 filters, at most one if/then deep", () => {
    const state = compileRouter(large);
    expect(state.flows).toHaveLength(KINDS.length + touchKinds(large).length);
    for (const flow of state.flows) {
      const shape = flowShape(flow.body);
      expect(shape.maxBranches, flow.body.name).toBeLessThanOrEqual(MAX_BRANCHES);
      expect(shape.maxFiltersPerBranch, flow.body.name).toBeLessThanOrEqual(MAX_FILTERS);
      expect(shape.nesting, flow.body.name).toBeLessThanOrEqual(1);
      expect(shape.actions, flow.body.name).toBeLessThanOrEqual(12);
    }
  });

  it("compiles the same capture flows as the reference organisation, but for the config version", () => {
    const strip = (body: FlowBody) => ({ ...body, description: "" });
    const small = compileRouter();
    const big = compileRouter(large);
    for (const kind of KINDS) expect(strip(captureOf(big, kind))).toEqual(strip(captureOf(small, kind)));
  });
});

describe("the plan in router mode", () => {
  const empty: LiveState = { group: null, properties: [], flows: [], owners: ownersOf() };

  it("says the mode and the config version the router decides with, in every format", () => {
    const plan = planChanges(compileRouter(), empty);
    expect(plan.mode).toBe("router");
    const line = `the RouteOps router decides with config ${reference.version}`;
    expect(renderPlanText(plan)).toContain(
      `Mode: router. The workflows capture events and stamp routing requests; ${line}.`,
    );
    expect(renderPlanMarkdown(plan)).toContain("router\\. The workflows capture events and stamp routing requests");
    expect(JSON.parse(renderPlanJson(plan))).toMatchObject({ mode: "router", configVersion: reference.version });
  });

  it("says workflows mode when the routing runs in HubSpot", () => {
    const plan = planChanges(compileRouter(reference, { mode: "workflows" }), empty);
    expect(renderPlanText(plan)).toContain("Mode: workflows. The routing runs inside HubSpot workflows");
  });
});

describe("routeops deploy in router mode, then an event in the emulator", () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  async function cli(argv: string[]) {
    let out = "";
    let err = "";
    const code = await main([...argv, "--hubspot-base-url", emulator!.baseUrl], {
      stdout: { write: (chunk: string) => (out += chunk) },
      stderr: { write: (chunk: string) => (err += chunk) },
      env: { HUBSPOT_ACCESS_TOKEN: emulator!.token },
      cwd: process.cwd(),
    });
    return { code, out, err };
  }

  it("deploys the capture flows, and a form submission leaves its facts and the routing request on the contact", async () => {
    let now = MARCH;
    emulator = await startEmulator({
      seed: seedFromRouting(reference, { contacts: 0 }),
      rateLimits: false,
      clock: () => now,
    });
    const deployed = await cli(["deploy", "--at", "2026-03-02"]);
    expect(deployed.err).not.toContain("routeops deploy:");
    expect(deployed.code).toBe(0);
    expect(deployed.out).toContain("Mode: router.");

    const at = MARCH + 3_600_000;
    now = at + 5_000; // the request reaches the emulator a little after the event happened
    const response = await fetch(`${emulator.baseUrl}/_emulator/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
      body: JSON.stringify({
        email: "lead@example.test",
        at: new Date(at).toISOString(),
        event: { kind: "form_submission", formId: "demo-request", pageUrl: "https://acme.test/pricing?x=1" },
      }),
    });
    expect(response.status).toBe(201);
    const contact = [...emulator.portal.contacts.all()].find((c) => c.properties.email === "lead@example.test");
    expect(contact?.properties).toMatchObject({
      [P.eventKind]: "form_submission",
      [P.eventFormId]: "demo-request",
      [P.eventPageUrl]: "https://acme.test/pricing?x=1",
      [P.routingPending]: "true",
    });
    expect(Date.parse(contact?.properties[P.routeRequestedAt] ?? "")).toBe(at);
    // Nothing decided in HubSpot: no owner, no rule, no source type.
    expect(contact?.properties.hubspot_owner_id ?? "").toBe("");
    expect(contact?.properties[P.rule] ?? "").toBe("");
    expect(contact?.properties[P.sourceType] ?? "").toBe("");
    expect(emulator.workflows.runsOf(contact!.id).map((r) => [r.flowName, r.status])).toEqual([
      [MANAGED_FLOWS.capture.form_submission, "completed"],
    ]);
  });
});
