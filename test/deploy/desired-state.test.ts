import { describe, expect, it } from "vitest";
import {
  actionTypeUsage,
  checkActionTypes,
  desiredState,
  flowDigest,
  MANAGED_PROPERTIES,
  parseMarker,
  propertyDigest,
  type FlowBody,
} from "../../src/deploy";
import { DEFAULT_ACTION_TYPES } from "../../src/emulator/action-types";
import { checkFlowBody } from "../../src/emulator/routes/flow-body";
import {
  AUGUST,
  branchesOf,
  compile,
  flowOf,
  MARCH,
  ownerIdOf,
  ownersOf,
  pathsOf,
  reference,
  rotations,
  writtenValues,
} from "./support";

const id = (email: string) => ownerIdOf(email);
/** The HubSpot user behind a rep's owner: rotation actions list user ids. */
const user = (email: string) => String(ownersOf().find((o) => o.email === email)?.userId);

/** Names of every branch (and default branch) of a flow's LIST_BRANCH actions. */
const branchNames = (flow: FlowBody) =>
  branchesOf(flow).flatMap((a) => [...a.listBranches.map((b) => b.branchName), a.defaultBranchName]);

describe("desired state of the reference organisation", () => {
  it("gives Routing Source Type the config's source types as options, in config order, with their labels", () => {
    const property = compile().properties.find((p) => p.name === MANAGED_PROPERTIES.sourceType);
    expect(property?.options?.map((o) => [o.value, o.label, o.displayOrder])).toEqual(
      reference.sources.map((source, index) => [source.id, source.label, index]),
    );
  });

  it("compiles every rule of each system into a branch of that system's flow", () => {
    const state = compile();
    const systems = [
      ["inbound", reference.systems.inbound.rules],
      ["outbound", reference.systems.outbound.rules],
      ["reengagement", reference.reengagement.rules],
    ] as const;
    for (const [key, rules] of systems) {
      const names = branchNames(flowOf(state, key));
      for (const rule of rules) expect(names, `${key} flow`).toContain(rule.id);
    }
  });

  it("records every rule id on the contacts it routes", () => {
    const state = compile();
    const written = new Set(state.flows.flatMap((f) => writtenValues(f.body, MANAGED_PROPERTIES.rule)));
    const ids = [
      ...reference.systems.inbound.rules,
      ...reference.systems.outbound.rules,
      ...reference.reengagement.rules,
    ].map((r) => r.id);
    expect([...written].sort()).toEqual([...ids, reference.unclassified.rule].sort());
  });

  it("rotates the EMEA AE pool among elena.rossi and farid.haddad outside farid's absence", () => {
    const state = compile(MARCH);
    expect(rotations(state)).toContainEqual([user("elena.rossi@acme.test"), user("farid.haddad@acme.test")]);
    expect(state.pools.find((p) => p.pool === "inbound-ae-emea")?.rotation).toEqual([
      id("elena.rossi@acme.test"),
      id("farid.haddad@acme.test"),
    ]);
  });

  it("assigns the EMEA AE pool to elena.rossi alone during farid's absence, and never farid", () => {
    const state = compile(AUGUST);
    const farid = id("farid.haddad@acme.test");
    expect(rotations(state).flat()).not.toContain(user("farid.haddad@acme.test"));
    expect(state.flows.flatMap((f) => writtenValues(f.body, "hubspot_owner_id"))).not.toContain(farid);
    expect(writtenValues(flowOf(state, "inbound"), "hubspot_owner_id")).toContain(id("elena.rossi@acme.test"));
    expect(state.pools.find((p) => p.pool === "inbound-ae-emea")?.members.map((m) => m.rep)).toEqual([
      "elena.rossi@acme.test",
    ]);
  });

  it("writes pool weights by repetition in smooth round-robin order (ava.reed 2, dan.kim 1)", () => {
    const ava = user("ava.reed@acme.test");
    const dan = user("dan.kim@acme.test");
    expect(rotations(compile())).toContainEqual([ava, dan, ava]);
  });

  it("never assigns ivan.petrov: his owner id appears only in filters that hand his records to jade.wilson", () => {
    const state = compile();
    const ivan = id("ivan.petrov@acme.test");
    const places = pathsOf({ flows: state.flows, properties: state.properties }, ivan);
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) expect(place).toMatch(/\.filters\[\d+\]\.operation\.values\[\d+\]$/);
    expect(JSON.stringify({ flows: state.flows, properties: state.properties })).not.toContain("ivan.petrov");
    const outboundNa = state.pools.find((p) => p.pool === "outbound-na");
    expect(outboundNa?.members).toEqual([
      { rep: "jade.wilson@acme.test", ownerId: id("jade.wilson@acme.test"), weight: 2 },
    ]);
  });

  it("is deterministic: the same config and date give the same state, ids and digests", () => {
    expect(compile()).toEqual(compile());
  });

  it("marks every property and flow as managed, with the config version and the digest of its content", () => {
    const state = compile();
    for (const property of state.properties) {
      expect(parseMarker(property.description), property.name).toEqual({
        version: "2026.11.1",
        digest: propertyDigest(property),
      });
    }
    for (const flow of state.flows) {
      expect(parseMarker(flow.body.description), flow.key).toEqual({
        version: "2026.11.1",
        digest: flowDigest(flow.body),
      });
      expect(flow.body.name.startsWith("RouteOps: ")).toBe(true);
    }
  });

  it("makes collaborator and original owner owner-referenced properties", () => {
    const state = compile();
    for (const name of [MANAGED_PROPERTIES.collaborator, MANAGED_PROPERTIES.originalOwner]) {
      const property = state.properties.find((p) => p.name === name);
      expect(property).toMatchObject({ type: "enumeration", externalOptions: true, referencedObjectType: "OWNER" });
      expect(property?.options).toBeUndefined();
    }
  });

  it("writes flows whose connections all point at actions, all reachable from the start", () => {
    for (const { key, body } of compile().flows) {
      const ids = new Set(body.actions.map((a) => a.actionId));
      const targets = body.actions.flatMap((a) =>
        a.type === "SINGLE_CONNECTION"
          ? a.connection
            ? [a.connection.nextActionId]
            : []
          : [
              ...a.listBranches.flatMap((b) => (b.connection ? [b.connection.nextActionId] : [])),
              ...(a.defaultBranch ? [a.defaultBranch.nextActionId] : []),
            ],
      );
      for (const target of targets) expect(ids.has(target), `${key} -> ${target}`).toBe(true);
      const reached = new Set([body.startActionId, ...targets]);
      expect(
        [...ids].filter((x) => !reached.has(x)),
        key,
      ).toEqual([]);
      expect(body, "nextAvailableActionId is a response field only").not.toHaveProperty("nextAvailableActionId");
    }
  });

  it("writes flow bodies the emulator's flow validation accepts", () => {
    for (const { body } of compile().flows)
      expect(() =>
        checkFlowBody(JSON.parse(JSON.stringify(body)), { actionTypes: DEFAULT_ACTION_TYPES }),
      ).not.toThrow();
  });

  it("lists the limitations that apply, with the out-of-office warning naming the next deploy date", () => {
    const march = compile(MARCH).warnings;
    const august = compile(AUGUST).warnings;
    const codes = new Set(march.map((w) => w.code));
    for (const code of [
      "sla_calendar_time",
      "rotation_weights_repeated",
      "replacements_compiled",
      "territory_spellings",
      "page_path_prefix_contains",
      "unverified_action_types",
    ]) {
      expect(codes.has(code as never), code).toBe(true);
    }
    expect(march.find((w) => w.code === "out_of_office_by_deploy_date")?.message).toContain(
      "Deploy again on 2026-08-03",
    );
    expect(august.find((w) => w.code === "out_of_office_by_deploy_date")?.message).toContain(
      "Deploy again on 2026-08-15",
    );
  });

  it("warns number_property_values when rules or intents use segments, naming where, and not when no condition names one", () => {
    const warning = compile().warnings.find((w) => w.code === "number_property_values");
    expect(warning?.message).toContain("rule inbound-enterprise, the intent of inbound_content_download");
    expect(warning?.message).toContain('"1,200", "12 000"');

    const unused = structuredClone(reference);
    for (const rule of [
      ...unused.systems.inbound.rules,
      ...unused.systems.outbound.rules,
      ...unused.reengagement.rules,
    ])
      delete rule.when.segment;
    for (const source of unused.sources)
      if (typeof source.intent === "object") source.intent.rules = source.intent.rules.filter((r) => !r.when.segment);
    expect(unused.segments.length).toBeGreaterThan(0);
    expect(compile(MARCH, unused).warnings.map((w) => w.code)).not.toContain("number_property_values");

    const intentOnly = structuredClone(unused);
    intentOnly.sources[0]!.intent = { rules: [{ when: { segment: ["smb"] }, intent: "low" }], otherwise: "high" };
    expect(compile(MARCH, intentOnly).warnings.find((w) => w.code === "number_property_values")?.message).toContain(
      `(the intent of ${intentOnly.sources[0]!.id})`,
    );
  });

  it("sends a rule whose pool has nobody available to the system's fallback rule", () => {
    const config = structuredClone(reference);
    const lara = config.reps.find((r) => r.email === "lara.chen@acme.test");
    if (lara) lara.outOfOffice = [{ from: "2026-03-01", to: "2026-03-06" }];
    const state = compile(MARCH, config);
    const inbound = flowOf(state, "inbound");
    expect(branchNames(inbound)).toContain("inbound-enterprise");
    expect(writtenValues(inbound, MANAGED_PROPERTIES.rule)).not.toContain("inbound-enterprise");
    expect(state.warnings.find((w) => w.code === "pool_unavailable_on_date")?.subject).toBe("enterprise-na");
  });
});

describe("owner resolution", () => {
  it("stops with owner_not_found when a rep has no HubSpot owner, naming the rep and where it is configured", () => {
    const owners = ownersOf().filter((o) => o.email !== "gina.park@acme.test");
    const result = desiredState(reference, { owners, at: MARCH });
    expect("errors" in result && result.errors).toEqual([
      expect.objectContaining({ code: "owner_not_found", rep: "gina.park@acme.test", path: "reps[6]" }),
    ]);
    expect("errors" in result && result.errors[0]?.message).toContain("gina.park@acme.test");
  });

  it("stops with owner_deactivated when a rep active in the config is deactivated in HubSpot", () => {
    const owners = ownersOf().map((o) => (o.email === "dan.kim@acme.test" ? { ...o, archived: true } : o));
    const result = desiredState(reference, { owners, at: MARCH });
    expect("errors" in result && result.errors.map((e) => [e.code, e.rep])).toEqual([
      ["owner_deactivated", "dan.kim@acme.test"],
    ]);
  });

  it("reports every owner problem at once", () => {
    const owners = ownersOf().filter((o) => o.email !== "gina.park@acme.test" && o.email !== "mia.lopez@acme.test");
    const result = desiredState(reference, { owners, at: MARCH });
    expect("errors" in result && result.errors.map((e) => e.rep)).toEqual([
      "gina.park@acme.test",
      "mia.lopez@acme.test",
    ]);
  });

  it("stops with owner_ambiguous when two active owners share a rep's email", () => {
    const owners = [...ownersOf(), { id: "999", email: "ava.reed@acme.test", archived: false }];
    const result = desiredState(reference, { owners, at: MARCH });
    expect("errors" in result && result.errors.map((e) => e.code)).toEqual(["owner_ambiguous"]);
  });

  it("matches reps to owners by email in any case", () => {
    const owners = ownersOf().map((o) => ({ ...o, email: o.email.toUpperCase() }));
    expect("state" in desiredState(reference, { owners, at: MARCH })).toBe(true);
  });

  it("stops with replacement_chain_broken when an inactive rep names no replacement", () => {
    const config = structuredClone(reference);
    const ivan = config.reps.find((r) => r.email === "ivan.petrov@acme.test");
    if (ivan) delete ivan.replacedBy;
    const result = desiredState(config, { owners: ownersOf(config), at: MARCH });
    expect("errors" in result && result.errors.map((e) => [e.code, e.path])).toEqual([
      ["replacement_chain_broken", "reps[8].replacedBy"],
    ]);
  });
});

describe("action types", () => {
  it("returns the used action types the portal lacks, each with an error naming the flows", () => {
    const usage = actionTypeUsage(compile());
    const portal = DEFAULT_ACTION_TYPES.filter((t) => t.actionTypeId !== "0-11").map((t) => ({
      actionTypeId: t.actionTypeId,
    }));
    const missing = checkActionTypes(usage, portal);
    expect(missing.map((m) => m.actionTypeId)).toEqual(["0-11"]);
    expect(missing[0]?.error.code).toBe("action_type_missing");
    expect(missing[0]?.error.message).toContain("RouteOps: inbound routing");
  });

  it("finds nothing missing when the portal has every type the flows use", () => {
    const usage = actionTypeUsage(compile());
    expect(
      checkActionTypes(
        usage,
        DEFAULT_ACTION_TYPES.map((t) => t.actionTypeId),
      ),
    ).toEqual([]);
  });
});
