/**
 * Every request body RouteOps sends to HubSpot satisfies HubSpot's published contract
 * (src/hubspot-contract: SDK ContactFlowCreateRequest / ContactFlowPutRequest for flows, the CRM
 * property, group, batch and search request types), checked on the wire: the commands run against
 * the emulator through a recording proxy, and each body the official client serialised is
 * validated against the contract of its endpoint. An endpoint the contract module has no schema
 * for fails the test too, so a new call cannot slip past it (issue 11).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main";
import { seedFromRouting, startEmulator, type RunningEmulator } from "../../src/emulator";
import {
  knownEventTypeIds,
  requestBodyProblems,
  requestContractKey,
  type ContactFlowCreateRequest,
} from "../../src/hubspot-contract";
import { MANAGED_PROPERTIES as M } from "../../src/deploy";
import { captureIO } from "../support/cli-io";
import { recordingProxy, type RecordedRequest, type RecordingProxy } from "../support/recording-proxy";
import { reference } from "../deploy/support";
import { copyReferenceProject } from "../support/reference";
import { pgliteFolder } from "../router/support";

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const MARCH = Date.parse("2026-03-02T12:00:00Z");
let emulator: RunningEmulator;
let proxy: RecordingProxy;
/** A copy of the reference organisation with one more source type (webinar forms). */
let changed = "";
/** The requests of each step, by step name. */
const steps = new Map<string, RecordedRequest[]>();

async function run(step: string, argv: string[], cwd?: string): Promise<void> {
  const before = proxy.requests.length;
  const io = captureIO({ HUBSPOT_ACCESS_TOKEN: emulator.token }, cwd ? { cwd } : {});
  const code = await main([...argv, "--hubspot-base-url", proxy.baseUrl], io);
  if (code !== 0) throw new Error(`${argv.join(" ")} exited ${code}:\n${io.err()}\n${io.out()}`);
  steps.set(step, proxy.requests.slice(before));
}

beforeAll(async () => {
  let now = MARCH;
  emulator = await startEmulator({
    seed: seedFromRouting(reference, { contacts: 40, seed: 11, now: MARCH }),
    rateLimits: false,
    clock: () => now,
  });
  proxy = await recordingProxy(emulator.baseUrl);
  await run("deploy --mode workflows", ["deploy", "--mode", "workflows", "--at", "2026-03-02"]);
  // A routing change: a new source type changes the source type property's options (PATCH) and
  // the flows that classify and route (PUT of live flows).
  changed = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-request-bodies-"));
  copyReferenceProject(changed);
  const sources = path.join(changed, "routing", "sources.ts");
  const anchor = '  {\n    id: "inbound_general_form",';
  const text = fs.readFileSync(sources, "utf8");
  if (!text.includes(anchor)) throw new Error("the reference sources changed: update this test's edit");
  fs.writeFileSync(
    sources,
    text.replace(
      anchor,
      `  {\n    id: "inbound_webinar",\n    label: "Inbound: webinar",\n    system: "inbound",\n    intent: "standard",\n` +
        `    matchers: [{ event: "form_submission", formIdPrefix: ["webinar-"] }],\n  },\n${anchor}`,
    ),
  );
  await run(
    "deploy --mode workflows, changed routing",
    ["deploy", "--mode", "workflows", "--at", "2026-03-02"],
    changed,
  );
  await run("deploy (router mode)", ["deploy", "--at", "2026-03-02", "--allow-destroy"], changed);
  now = MARCH + 3_600_000;
  emulator.portal.contacts.create(
    {
      email: "wire@lead.test",
      country: "Germany",
      [M.eventKind]: "form_submission",
      [M.eventFormId]: "demo-request",
      [M.routeRequestedAt]: new Date(MARCH + 60_000).toISOString(),
      [M.routingPending]: "true",
    },
    MARCH + 60_000,
    "api",
  );
  await run("router --once", ["router", "--once", "--data-dir", await pgliteFolder()], changed);
  await run("audit", ["audit", "--now", "2026-03-02T13:00:00Z", "--since", "30d", "--portal-id", "4242"], changed);
});

afterAll(async () => {
  await proxy?.close();
  await emulator?.close();
  if (changed) fs.rmSync(changed, { recursive: true, force: true });
});

const withBody = (requests: RecordedRequest[]) => requests.filter((r) => r.body !== undefined);
const flowCreates = (requests: RecordedRequest[]) =>
  requests.filter((r) => requestContractKey(r.method, r.path) === "POST /automation/v4/flows");
const flowPuts = (requests: RecordedRequest[]) =>
  requests.filter((r) => requestContractKey(r.method, r.path) === "PUT /automation/v4/flows/{flowId}");

describe("every request body RouteOps sends satisfies HubSpot's contract", () => {
  it.each([
    "deploy --mode workflows",
    "deploy --mode workflows, changed routing",
    "deploy (router mode)",
    "router --once",
    "audit",
  ])("%s: each body conforms to its endpoint's contract", (step) => {
    const requests = withBody(steps.get(step) ?? []);
    expect(requests.length, `${step} sent no body`).toBeGreaterThan(0);
    const problems = requests.flatMap((r) =>
      requestBodyProblems(r.method, r.path, r.body).map((p) => `${r.method} ${r.path}: ${p.path}: ${p.message}`),
    );
    expect(problems).toEqual([]);
  });

  it("a workflows-mode deploy creates each routing flow and enables it with a PUT, all conformant", () => {
    const requests = steps.get("deploy --mode workflows") ?? [];
    const creates = flowCreates(requests);
    const puts = flowPuts(requests);
    // 5 source identification flows (chats and imports have no HubSpot trigger), 2 touch flows,
    // re-engagement, inbound and outbound: created disabled, then each enabled by one PUT.
    expect(creates).toHaveLength(10);
    expect(puts).toHaveLength(10);
    expect(puts.every((r) => (r.body as { isEnabled?: boolean }).isEnabled === true)).toBe(true);
    expect(creates.every((r) => (r.body as ContactFlowCreateRequest).isEnabled === false)).toBe(true);
  });

  it("a routing change replaces live flows with conformant PUTs and patches the changed property", () => {
    const requests = steps.get("deploy --mode workflows, changed routing") ?? [];
    expect(flowPuts(requests).length).toBeGreaterThan(0);
    const patches = requests.filter(
      (r) => requestContractKey(r.method, r.path) === "PATCH /crm/v3/properties/{objectType}/{propertyName}",
    );
    expect(patches.map((r) => r.path)).toContain(`/crm/v3/properties/contacts/${M.sourceType}`);
  });

  it("a router-mode deploy's capture flows are conformant creates and PUTs too", () => {
    const requests = steps.get("deploy (router mode)") ?? [];
    // 5 capture flows are new (each created, then enabled); the 2 touch flows are kept; the
    // workflows-mode flows are deleted (--allow-destroy).
    expect(flowCreates(requests).length).toBeGreaterThanOrEqual(5);
    expect(flowPuts(requests).length).toBeGreaterThanOrEqual(5);
  });

  it("never sends an event type id HubSpot has not been seen to raise (no placeholder trigger)", () => {
    const known = knownEventTypeIds();
    const sent = [...steps.values()].flatMap((requests) =>
      flowCreates(requests).flatMap((r) => {
        const enrollment = (r.body as ContactFlowCreateRequest).enrollmentCriteria;
        return enrollment?.type === "EVENT_BASED" ? enrollment.eventFilterBranches.map((b) => b.eventTypeId) : [];
      }),
    );
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((id) => !known.has(id))).toEqual([]);
  });

  it("the router's and the audit's reads and writes (batch, search) are checked too", () => {
    const keys = new Set(
      [...steps.values()].flatMap((requests) => withBody(requests).map((r) => requestContractKey(r.method, r.path))),
    );
    expect(keys).toContain("POST /crm/v3/objects/{objectType}/search");
    expect(keys).toContain("POST /crm/v3/objects/{objectType}/batch/update");
    expect(keys).toContain("POST /crm/v3/objects/{objectType}/batch/create");
    expect(keys).toContain("POST /crm/v3/properties/{objectType}/batch/create");
    expect(keys).toContain("POST /crm/v3/properties/{objectType}/groups");
  });
});

describe("the check itself", () => {
  it("fails on a body that departs from the contract (a PUT that still carries dataSources)", () => {
    const put = flowPuts(steps.get("deploy --mode workflows") ?? [])[0]!;
    const problems = requestBodyProblems(put.method, put.path, { ...(put.body as object), dataSources: [] });
    expect(problems).toEqual([expect.objectContaining({ path: "dataSources", code: "UNKNOWN_FIELD" })]);
  });

  it("fails on an endpoint the contract module has no schema for", () => {
    expect(() => requestBodyProblems("POST", "/crm/v3/objects/contacts/merge", {})).toThrow(/no contract schema/);
  });
});
