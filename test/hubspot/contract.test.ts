import { describe, expect, it } from "vitest";
import {
  createRequestProblems,
  knownEventTypeIds,
  putRequestOf,
  putRequestProblems,
  requestBodyProblems,
  requestContractKey,
  type ContactFlowCreateRequest,
} from "../../src/hubspot-contract";

/** A small contact flow that satisfies ContactFlowCreateRequest. */
function flow(): ContactFlowCreateRequest {
  return {
    type: "CONTACT_FLOW",
    objectTypeId: "0-1",
    flowType: "WORKFLOW",
    name: "test",
    description: "a test flow",
    isEnabled: false,
    startActionId: "1",
    actions: [
      {
        actionId: "1",
        type: "LIST_BRANCH",
        listBranches: [
          {
            branchName: "big",
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
                    {
                      filterType: "PROPERTY",
                      property: "numberofemployees",
                      operation: {
                        operationType: "NUMBER_RANGED",
                        operator: "IS_BETWEEN",
                        lowerBound: 200,
                        upperBound: 999,
                        includeObjectsWithNoValueSet: false,
                      },
                    },
                  ],
                },
              ],
            },
            connection: { edgeType: "STANDARD", nextActionId: "2" },
          },
        ],
        defaultBranchName: "small",
      },
      {
        actionId: "2",
        type: "SINGLE_CONNECTION",
        actionTypeId: "0-5",
        actionTypeVersion: 0,
        fields: { property_name: "x", value: { type: "TIMESTAMP", timestampType: "EXECUTION_TIME" } },
      },
    ],
    enrollmentCriteria: {
      type: "EVENT_BASED",
      shouldReEnroll: true,
      eventFilterBranches: [
        {
          filterBranchType: "UNIFIED_EVENTS",
          filterBranchOperator: "AND",
          eventTypeId: "4-1639801",
          operator: "HAS_COMPLETED",
          filters: [],
          filterBranches: [],
        },
      ],
      listMembershipFilterBranches: [],
    },
    timeWindows: [],
    blockedDates: [],
    customProperties: {},
    dataSources: [],
    suppressionListIds: [],
    canEnrollFromSalesforce: false,
  };
}

type Json = Record<string, unknown>;
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Json;
const listBranches = (body: Json) => ((body.actions as Json[])[0] as Json).listBranches as Json[];
const topBranch = (body: Json) => (listBranches(body)[0] as Json).filterBranch as Json;
const andBranch = (body: Json) => (topBranch(body).filterBranches as Json[])[0] as Json;
const firstFilter = (body: Json) => (andBranch(body).filters as Json[])[0] as Json;

describe("the flow contract (SDK ContactFlowCreateRequest / ContactFlowPutRequest)", () => {
  it("accepts a conformant create body and the PUT body made from it", () => {
    expect(createRequestProblems(flow())).toEqual([]);
    expect(putRequestProblems(putRequestOf(flow(), "3"))).toEqual([]);
  });

  it("rejects nextAvailableActionId in a create body: only responses have it", () => {
    const body = { ...json(flow()), nextAvailableActionId: "3" };
    expect(createRequestProblems(body)).toEqual([
      expect.objectContaining({ path: "nextAvailableActionId", code: "UNKNOWN_FIELD" }),
    ]);
  });

  it("rejects dataSources, objectTypeId and flowType in a PUT body", () => {
    const body = { ...json(flow()), revisionId: "3" };
    expect(
      putRequestProblems(body)
        .map((p) => p.path)
        .sort(),
    ).toEqual(["dataSources", "flowType", "objectTypeId"]);
  });

  it("requires filterBranchOperator on every filter branch, naming its path", () => {
    const body = json(flow());
    delete andBranch(body).filterBranchOperator;
    expect(createRequestProblems(body)).toEqual([
      {
        path: "actions[0].listBranches[0].filterBranch.filterBranches[0].filterBranchOperator",
        code: "MISSING_FIELD",
        message: "actions[0].listBranches[0].filterBranch.filterBranches[0].filterBranchOperator is required (string)",
      },
    ]);
  });

  it("requires includeObjectsWithNoValueSet on every property operation", () => {
    const body = json(flow());
    delete (firstFilter(body).operation as Json).includeObjectsWithNoValueSet;
    expect(createRequestProblems(body).map((p) => p.path)).toEqual([
      "actions[0].listBranches[0].filterBranch.filterBranches[0].filters[0].operation.includeObjectsWithNoValueSet",
    ]);
  });

  it("has no bounds on a NUMBER operation: ranges are NUMBER_RANGED", () => {
    const body = json(flow());
    (firstFilter(body).operation as Json).operationType = "NUMBER";
    const paths = createRequestProblems(body).map((p) => p.path);
    expect(paths).toContain("actions[0].listBranches[0].filterBranch.filterBranches[0].filters[0].operation.value");
    expect(paths).toContain(
      "actions[0].listBranches[0].filterBranch.filterBranches[0].filters[0].operation.lowerBound",
    );
  });

  it("requires type and timePoint.zoneId on TIME_POINT operations", () => {
    const body = json(flow());
    firstFilter(body).operation = {
      operationType: "TIME_POINT",
      operator: "IS_AFTER",
      includeObjectsWithNoValueSet: false,
      timePoint: { timeType: "INDEXED", indexReference: { referenceType: "NOW" }, offset: { days: -1 } },
    };
    const at = "actions[0].listBranches[0].filterBranch.filterBranches[0].filters[0].operation";
    expect(createRequestProblems(body).map((p) => p.path)).toEqual([`${at}.type`, `${at}.timePoint.zoneId`]);
  });

  it("names a wrong discriminator and what it allows", () => {
    const body = json(flow());
    topBranch(body).filterBranchType = "EITHER";
    expect(createRequestProblems(body)).toEqual([
      {
        path: "actions[0].listBranches[0].filterBranch.filterBranchType",
        code: "INVALID_DISCRIMINATOR",
        message:
          'actions[0].listBranches[0].filterBranch.filterBranchType is "EITHER"; expected one of AND, OR, UNIFIED_EVENTS, ASSOCIATION',
      },
    ]);
  });

  it("refuses more than 20 branches in one if/then branch action", () => {
    const body = json(flow());
    const branches = listBranches(body);
    while (branches.length < 21) branches.push({ ...(branches[0] as Json), branchName: `b${branches.length}` });
    expect(createRequestProblems(body)).toEqual([
      expect.objectContaining({ path: "actions[0].listBranches", code: "LIMIT_EXCEEDED" }),
    ]);
  });

  it("knows no placeholder event type ids", () => {
    const ids = [...knownEventTypeIds().keys()];
    expect(ids.every((id) => /^4-\d+$/.test(id))).toBe(true);
  });
});

describe("CRM request bodies (official client models)", () => {
  it("maps concrete requests to their contract, literal paths first", () => {
    expect(requestContractKey("POST", "/automation/v4/flows/batch/read")).toBe("POST /automation/v4/flows/batch/read");
    expect(requestContractKey("PUT", "/automation/v4/flows/12")).toBe("PUT /automation/v4/flows/{flowId}");
    expect(requestContractKey("POST", "/crm/v3/objects/contacts/search")).toBe(
      "POST /crm/v3/objects/{objectType}/search",
    );
  });

  it("flags an unknown key in a property create and a search filter without an operator", () => {
    expect(
      requestBodyProblems("POST", "/crm/v3/properties/contacts/batch/create", {
        inputs: [{ name: "a", label: "A", type: "string", fieldType: "text", groupName: "g", colour: "red" }],
      }),
    ).toEqual([expect.objectContaining({ path: "inputs[0].colour", code: "UNKNOWN_FIELD" })]);
    expect(
      requestBodyProblems("POST", "/crm/v3/objects/contacts/search", {
        filterGroups: [{ filters: [{ propertyName: "email" }] }],
      }).map((p) => p.path),
    ).toEqual(["filterGroups[0].filters[0].operator"]);
  });
});
