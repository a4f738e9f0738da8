import { describe, expect, it } from "vitest";
import { DEFAULT_ACTION_TYPES } from "../../src/emulator";
import { contactFlowProblems, putRequestOf, type ContactFlowCreateRequest } from "../../src/hubspot-contract";
import { contactFlowBody } from "../support/flow-body";
import { call, emulator, pinnedClock } from "./harness";

/** A small contact flow that satisfies HubSpot's contract: set a property, then notify in-app. */
function contactFlow(name = "RouteOps: inbound demo request"): ContactFlowCreateRequest {
  return contactFlowBody(name, {
    actions: [
      {
        actionId: "1",
        type: "SINGLE_CONNECTION",
        actionTypeId: "0-5",
        actionTypeVersion: 0,
        fields: { property_name: "routeops_rule", value: { type: "STATIC_VALUE", staticValue: "inbound-high-intent" } },
        connection: { edgeType: "STANDARD", nextActionId: "2" },
      },
      {
        actionId: "2",
        type: "SINGLE_CONNECTION",
        actionTypeId: "0-9",
        actionTypeVersion: 0,
        fields: { subject: "New lead", body: "Call them", owner_properties: ["hubspot_owner_id"] },
      },
    ],
    enrollmentCriteria: {
      type: "LIST_BASED",
      shouldReEnroll: false,
      unEnrollObjectsNotMeetingCriteria: false,
      reEnrollmentTriggersFilterBranches: [],
      listFilterBranch: {
        filterBranchType: "OR",
        filterBranchOperator: "OR",
        filters: [],
        filterBranches: [
          {
            filterBranchType: "AND",
            filterBranchOperator: "AND",
            filterBranches: [],
            filters: [
              {
                filterType: "PROPERTY",
                property: "routeops_source_type",
                operation: {
                  operationType: "ENUMERATION",
                  operator: "IS_ANY_OF",
                  values: ["inbound_demo_request"],
                  includeObjectsWithNoValueSet: false,
                },
              },
            ],
          },
        ],
      },
    },
  });
}

describe("emulator automation v4 flows", () => {
  it("creates a flow (201) answered in the contract's ContactFlow shape, with id, revisionId and nextAvailableActionId", async () => {
    const emu = await emulator({ clock: pinnedClock().now });
    const created = await call(emu, "POST", "/automation/v4/flows", contactFlow());
    expect(created.status).toBe(201);
    const flow = created.body;
    expect(flow).toMatchObject({
      revisionId: "1",
      isEnabled: false,
      crmObjectCreationStatus: "COMPLETE",
      createdAt: "2026-11-27T12:00:00.000Z",
      timeWindows: [],
      blockedDates: [],
      canEnrollFromSalesforce: false,
      nextAvailableActionId: "3",
    });
    expect(flow.id).toMatch(/^\d+$/);
    expect(contactFlowProblems(flow)).toEqual([]);
    const read = (await call(emu, "GET", `/automation/v4/flows/${flow.id}`)).body;
    expect(read).toEqual(flow);
    expect(contactFlowProblems(read)).toEqual([]);
  });

  it("refuses a flow without required fields with 400 VALIDATION_ERROR listing them", async () => {
    const emu = await emulator();
    const answer = await call(emu, "POST", "/automation/v4/flows", { actions: [] });
    expect(answer.status).toBe(400);
    expect(answer.body.category).toBe("VALIDATION_ERROR");
    const missing = answer.body.errors.filter((e: { code: string }) => e.code === "MISSING_FIELD");
    expect(missing.map((e: { in: string }) => e.in).sort()).toEqual(
      [
        "type",
        "isEnabled",
        "blockedDates",
        "canEnrollFromSalesforce",
        "customProperties",
        "suppressionListIds",
        "timeWindows",
        "objectTypeId",
        "flowType",
        "dataSources",
      ].sort(),
    );
  });

  it("refuses an action whose actionTypeId is not in the portal's action types", async () => {
    const emu = await emulator({
      actionTypes: DEFAULT_ACTION_TYPES.filter((t) => t.actionTypeId !== "0-9"),
    });
    const answer = await call(emu, "POST", "/automation/v4/flows", contactFlow());
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain("actions[1].actionTypeId 0-9 is not an action type of this portal");
    expect(emu.portal.flows.list()).toHaveLength(0);
  });

  it("refuses missing required action fields and dangling connections", async () => {
    const emu = await emulator();
    const flow = contactFlow();
    const first = flow.actions[0] as { fields: unknown; connection: unknown };
    first.fields = {};
    first.connection = { edgeType: "STANDARD", nextActionId: "9" };
    const answer = await call(emu, "POST", "/automation/v4/flows", flow);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain("actions[0].fields.property_name is required");
    expect(answer.body.message).toContain("nextActionId 9 is not an action of this flow");
  });

  it("replaces with PUT only at the current revisionId: stale is 409, success increments it", async () => {
    const emu = await emulator();
    const flow = (await call(emu, "POST", "/automation/v4/flows", contactFlow())).body;
    const replaced = await call(emu, "PUT", `/automation/v4/flows/${flow.id}`, {
      ...putRequestOf(contactFlow("Renamed"), flow.revisionId),
      isEnabled: true,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: flow.id, revisionId: "2", name: "Renamed", isEnabled: true });
    expect(replaced.body.createdAt).toBe(flow.createdAt);
    const stale = await call(emu, "PUT", `/automation/v4/flows/${flow.id}`, putRequestOf(contactFlow(), "1"));
    expect(stale.status).toBe(409);
    expect(stale.body.category).toBe("CONFLICT");
    const { revisionId: _r, ...noRevision } = putRequestOf(contactFlow(), "2");
    const missing = await call(emu, "PUT", `/automation/v4/flows/${flow.id}`, noRevision);
    expect(missing.status).toBe(400);
    expect(emu.portal.flows.get(flow.id)!.name).toBe("Renamed");
  });

  it("lists summaries only, paged", async () => {
    const emu = await emulator();
    for (const n of [1, 2, 3]) await call(emu, "POST", "/automation/v4/flows", contactFlow(`Flow ${n}`));
    const first = await call(emu, "GET", "/automation/v4/flows?limit=2");
    expect(first.body.results.map((f: { name: string }) => f.name)).toEqual(["Flow 1", "Flow 2"]);
    expect(Object.keys(first.body.results[0]).sort()).toEqual(
      ["createdAt", "flowType", "id", "isEnabled", "name", "objectTypeId", "revisionId", "updatedAt"].sort(),
    );
    const second = await call(emu, "GET", `/automation/v4/flows?limit=2&after=${first.body.paging.next.after}`);
    expect(second.body.results.map((f: { name: string }) => f.name)).toEqual(["Flow 3"]);
    expect(second.body.paging).toBeUndefined();
  });

  it("batch reads full flows, with 207 errors for unknown ids", async () => {
    const emu = await emulator();
    const flow = (await call(emu, "POST", "/automation/v4/flows", contactFlow())).body;
    const answer = await call(emu, "POST", "/automation/v4/flows/batch/read", {
      inputs: [
        { flowId: flow.id, type: "FLOW_ID" },
        { flowId: "123", type: "FLOW_ID" },
      ],
    });
    expect(answer.status).toBe(207);
    expect(answer.body.results).toEqual([flow]);
    expect(answer.body.errors[0]).toMatchObject({ category: "OBJECT_NOT_FOUND", context: { flowId: ["123"] } });
  });

  it("deletes (204), after which the flow is 404", async () => {
    const emu = await emulator();
    const flow = (await call(emu, "POST", "/automation/v4/flows", contactFlow())).body;
    expect((await call(emu, "DELETE", `/automation/v4/flows/${flow.id}`)).status).toBe(204);
    expect((await call(emu, "GET", `/automation/v4/flows/${flow.id}`)).status).toBe(404);
    expect((await call(emu, "DELETE", `/automation/v4/flows/${flow.id}`)).status).toBe(404);
  });
});

describe("emulator action types", () => {
  it("lists the portal's action types as HubSpot documents them: actionName, groupId, inputFieldDefinitions", async () => {
    const emu = await emulator();
    const answer = await call(emu, "GET", "/automation/2026-09-beta/action-types?objectTypeId=0-1");
    expect(answer.status).toBe(200);
    const ids = answer.body.results.map((t: { actionTypeId: string }) => t.actionTypeId);
    expect(ids).toEqual(["0-1", "0-3", "0-5", "0-8", "0-9", "0-11", "0-46510720"]);
    const rotate = answer.body.results.find((t: { actionTypeId: string }) => t.actionTypeId === "0-11");
    expect(Object.keys(rotate).sort()).toEqual(
      ["actionName", "actionTypeId", "groupId", "inputFieldDefinitions", "objectTypeIds"].sort(),
    );
    expect(rotate.actionName).toBe("Rotate record to owner");
    expect(rotate.inputFieldDefinitions[0]).toEqual({
      fieldDefinitionType: "SIMPLE",
      isRequired: true,
      name: "user_ids",
      type: "array",
      description: "User ids (the owners' userId) to rotate between.",
      label: "user_ids",
    });
    expect(rotate.inputFieldDefinitions.map((f: { name: string }) => f.name)).toEqual([
      "user_ids",
      "target_property",
      "overwrite_current_owner",
    ]);
  });

  it("leaves out what the portal lacks, and what does not apply to the object type", async () => {
    const emu = await emulator({ actionTypes: DEFAULT_ACTION_TYPES.filter((t) => t.actionTypeId !== "0-46510720") });
    const contacts = await call(emu, "GET", "/automation/2026-09-beta/action-types?objectTypeId=0-1");
    expect(contacts.body.results.map((t: { actionTypeId: string }) => t.actionTypeId)).not.toContain("0-46510720");
    const companies = await call(emu, "GET", "/automation/2026-09-beta/action-types?objectTypeId=0-2");
    expect(companies.body.results).toHaveLength(6);
  });
});
