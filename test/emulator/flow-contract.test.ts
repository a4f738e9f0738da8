/**
 * The emulator refuses, like HubSpot, each way a flow body can depart from HubSpot's published
 * contract (SDK ContactFlowCreateRequest / ContactFlowPutRequest), with a 400 VALIDATION_ERROR
 * whose `errors[].in` names the path. One test per mismatch found in RouteOps' own bodies (issue 11).
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_ACTION_TYPES, type RunningEmulator } from "../../src/emulator";
import { putRequestOf, type ContactFlowCreateRequest } from "../../src/hubspot-contract";
import { contactFlowBody, delayAction } from "../support/flow-body";
import { call, emulator } from "./harness";

type Json = Record<string, unknown>;

/** A flow with one if/then branch on a property filter, then `action`. */
function flowWith(filterOperation: Json, action: Json = delayAction("2") as unknown as Json): ContactFlowCreateRequest {
  return contactFlowBody("contract test", {
    actions: [
      {
        actionId: "1",
        type: "LIST_BRANCH",
        listBranches: [
          {
            branchName: "match",
            filterBranch: {
              filterBranchType: "OR",
              filterBranchOperator: "OR",
              filters: [],
              filterBranches: [
                {
                  filterBranchType: "AND",
                  filterBranchOperator: "AND",
                  filterBranches: [],
                  filters: [
                    { filterType: "PROPERTY", property: "numberofemployees", operation: filterOperation as never },
                  ],
                },
              ],
            },
            connection: { edgeType: "STANDARD", nextActionId: "2" },
          },
        ],
        defaultBranchName: "no match",
      },
      { ...action, actionId: "2" } as never,
    ],
  });
}

const RANGE = {
  operationType: "NUMBER_RANGED",
  operator: "IS_BETWEEN",
  lowerBound: 200,
  upperBound: 999,
  includeObjectsWithNoValueSet: false,
};

async function refused(emu: RunningEmulator, body: unknown, method = "POST", path = "/automation/v4/flows") {
  const answer = await call(emu, method, path, body);
  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ status: "error", category: "VALIDATION_ERROR" });
  expect(answer.body.correlationId).toEqual(expect.any(String));
  return answer.body.errors as { in: string; code: string; message: string }[];
}

const paths = (errors: { in: string }[]) => errors.map((e) => e.in);
const json = <T>(value: T): T & Json => JSON.parse(JSON.stringify(value));

describe("the strict emulator, per mismatch of issue 11", () => {
  it("accepts the conformant body the tests start from", async () => {
    const emu = await emulator();
    expect((await call(emu, "POST", "/automation/v4/flows", flowWith(RANGE))).status).toBe(201);
  });

  it("refuses nextAvailableActionId in a create body (only responses have it)", async () => {
    const emu = await emulator();
    const errors = await refused(emu, { ...flowWith(RANGE), nextAvailableActionId: "3" });
    expect(errors).toEqual([expect.objectContaining({ in: "nextAvailableActionId", code: "UNKNOWN_FIELD" })]);
  });

  it("refuses dataSources, objectTypeId, flowType and nextAvailableActionId in a PUT body", async () => {
    const emu = await emulator();
    const created = (await call(emu, "POST", "/automation/v4/flows", flowWith(RANGE))).body;
    const body = { ...flowWith(RANGE), nextAvailableActionId: "3", revisionId: created.revisionId };
    const errors = await refused(emu, body, "PUT", `/automation/v4/flows/${created.id}`);
    expect(paths(errors).sort()).toEqual(["dataSources", "flowType", "nextAvailableActionId", "objectTypeId"]);
    const conformant = putRequestOf(flowWith(RANGE), created.revisionId);
    expect((await call(emu, "PUT", `/automation/v4/flows/${created.id}`, conformant)).status).toBe(200);
  });

  it("refuses a filter branch without filterBranchOperator, naming its path", async () => {
    const emu = await emulator();
    const body = json(flowWith(RANGE));
    delete (body as never as { actions: { listBranches: { filterBranch: Json }[] }[] }).actions[0]!.listBranches[0]!
      .filterBranch.filterBranchOperator;
    const errors = await refused(emu, body);
    expect(errors).toEqual([
      expect.objectContaining({
        in: "actions[0].listBranches[0].filterBranch.filterBranchOperator",
        code: "MISSING_FIELD",
      }),
    ]);
  });

  it("refuses a property operation without includeObjectsWithNoValueSet", async () => {
    const emu = await emulator();
    const { includeObjectsWithNoValueSet: _dropped, ...operation } = RANGE;
    const errors = await refused(emu, flowWith(operation));
    expect(paths(errors)).toEqual([
      "actions[0].listBranches[0].filterBranch.filterBranches[0].filters[0].operation.includeObjectsWithNoValueSet",
    ]);
  });

  it("refuses a range sent as NUMBER with lowerBound and upperBound (the ranged type is NUMBER_RANGED)", async () => {
    const emu = await emulator();
    const errors = await refused(emu, flowWith({ ...RANGE, operationType: "NUMBER" }));
    const at = "actions[0].listBranches[0].filterBranch.filterBranches[0].filters[0].operation";
    expect(paths(errors).sort()).toEqual([`${at}.lowerBound`, `${at}.upperBound`, `${at}.value`]);
  });

  it("refuses a TIME_POINT operation without type and timePoint.zoneId", async () => {
    const emu = await emulator();
    const errors = await refused(
      emu,
      flowWith({
        operationType: "TIME_POINT",
        operator: "IS_AFTER",
        includeObjectsWithNoValueSet: false,
        timePoint: { timeType: "INDEXED", indexReference: { referenceType: "NOW" }, offset: { days: -365 } },
      }),
    );
    const at = "actions[0].listBranches[0].filterBranch.filterBranches[0].filters[0].operation";
    expect(paths(errors)).toEqual([`${at}.type`, `${at}.timePoint.zoneId`]);
  });

  it("refuses a TIMESTAMP value with an offset (times relative to the run are RELATIVE_DATETIME)", async () => {
    const emu = await emulator();
    const action = {
      type: "SINGLE_CONNECTION",
      actionTypeId: "0-5",
      actionTypeVersion: 0,
      fields: {
        property_name: "routeops_sla_due_at",
        value: { type: "TIMESTAMP", timestampType: "EXECUTION_TIME", offset: { delta: 4, timeUnit: "HOURS" } },
      },
    };
    const errors = await refused(emu, flowWith(RANGE, action));
    expect(errors).toEqual([expect.objectContaining({ in: "actions[1].fields.value.offset", code: "UNKNOWN_FIELD" })]);
  });

  it("refuses a value type the contract does not have", async () => {
    const emu = await emulator();
    const action = {
      type: "SINGLE_CONNECTION",
      actionTypeId: "0-5",
      actionTypeVersion: 0,
      fields: { property_name: "firstname", value: { type: "TOKEN", token: "{{ contact.firstname }}" } },
    };
    const errors = await refused(emu, flowWith(RANGE, action));
    expect(errors).toEqual([
      expect.objectContaining({ in: "actions[1].fields.value.type", code: "INVALID_DISCRIMINATOR" }),
    ]);
  });

  it("refuses owner ids in rotate record to owner's user_ids (it takes user ids)", async () => {
    const emu = await emulator({
      seed: { reps: [{ email: "ava.reed@acme.test", firstName: "Ava", lastName: "Reed", active: true }], contacts: 0 },
    });
    const owner = emu.portal.owners.list().find((o) => !o.archived && o.userId !== undefined)!;
    const action = (ids: string[]) => ({
      type: "SINGLE_CONNECTION",
      actionTypeId: "0-11",
      actionTypeVersion: 0,
      fields: { user_ids: ids, target_property: "hubspot_owner_id", overwrite_current_owner: "true" },
    });
    const errors = await refused(emu, flowWith(RANGE, action([owner.id])));
    expect(errors).toEqual([
      expect.objectContaining({
        in: "actions[1].fields.user_ids[0]",
        message: expect.stringContaining("user ids, not owner ids"),
      }),
    ]);
    expect(
      (await call(emu, "POST", "/automation/v4/flows", flowWith(RANGE, action([String(owner.userId)])))).status,
    ).toBe(201);
  });

  it("refuses enroll in sequence without sequenceId and senderType, and with fields it does not take", async () => {
    const emu = await emulator();
    const action = {
      type: "SINGLE_CONNECTION",
      actionTypeId: "0-46510720",
      actionTypeVersion: 6,
      fields: { sequence_id: "123" },
    };
    const errors = await refused(emu, flowWith(RANGE, action));
    expect(paths(errors).sort()).toEqual(
      ["actions[1].fields.senderType", "actions[1].fields.sequenceId", "actions[1].fields.sequence_id"].sort(),
    );
  });

  it("refuses a placeholder event type id no portal has", async () => {
    const emu = await emulator();
    const body = contactFlowBody("chats", {
      enrollmentCriteria: {
        type: "EVENT_BASED",
        shouldReEnroll: true,
        listMembershipFilterBranches: [],
        eventFilterBranches: [
          {
            filterBranchType: "UNIFIED_EVENTS",
            filterBranchOperator: "AND",
            eventTypeId: "UNKNOWN-chat_completed",
            operator: "HAS_COMPLETED",
            filters: [],
            filterBranches: [],
          },
        ],
      },
    });
    const errors = await refused(emu, body);
    expect(errors).toEqual([
      expect.objectContaining({
        in: "enrollmentCriteria.eventFilterBranches[0].eventTypeId",
        message: expect.stringContaining("UNKNOWN-chat_completed is not an event type HubSpot raises"),
      }),
    ]);
  });

  it("refuses an action type id the portal's listing lacks", async () => {
    const emu = await emulator({ actionTypes: DEFAULT_ACTION_TYPES.filter((t) => t.actionTypeId !== "0-5") });
    const action = {
      type: "SINGLE_CONNECTION",
      actionTypeId: "0-5",
      actionTypeVersion: 0,
      fields: { property_name: "firstname", value: { type: "STATIC_VALUE", staticValue: "x" } },
    };
    expect(paths(await refused(emu, flowWith(RANGE, action)))).toEqual(["actions[1].actionTypeId"]);
  });

  it("refuses more than 20 branches in one if/then branch action", async () => {
    const emu = await emulator();
    const body = json(flowWith(RANGE)) as never as { actions: { listBranches: Json[] }[] };
    const branches = body.actions[0]!.listBranches;
    while (branches.length < 21) branches.push({ ...branches[0]!, branchName: `b${branches.length}` });
    const errors = await refused(emu, body);
    expect(errors).toEqual([
      expect.objectContaining({
        in: "actions[0].listBranches",
        code: "LIMIT_EXCEEDED",
        message: "actions[0].listBranches has 21 branches; an if/then branch allows at most 20",
      }),
    ]);
  });

  it("keeps the create-only fields of a flow a PUT replaced, answering the contract's ContactFlow shape", async () => {
    const emu = await emulator();
    const created = (await call(emu, "POST", "/automation/v4/flows", flowWith(RANGE))).body;
    const replaced = await call(
      emu,
      "PUT",
      `/automation/v4/flows/${created.id}`,
      putRequestOf({ ...flowWith(RANGE), name: "renamed" }, created.revisionId),
    );
    expect(replaced.body).toMatchObject({
      name: "renamed",
      objectTypeId: "0-1",
      flowType: "WORKFLOW",
      dataSources: [],
      nextAvailableActionId: "3",
    });
  });
});
