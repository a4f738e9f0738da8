/** LIST_BRANCH and STATIC_BRANCH: AND/OR filters, operators, empty values, primary company, time points. */
import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import {
  and,
  call,
  createContact,
  createFlow,
  DAY,
  filter,
  flowEmulator,
  listBranch,
  ok,
  or,
  primaryCompany,
  readContact,
  setValue,
} from "./support";

/** Runs a one-branch flow by hand on a new contact; returns which branch it took ("yes" or "no"). */
async function branchTaken(emu: RunningEmulator, filterBranch: unknown, properties: Record<string, string> = {}) {
  const flow = await createFlow(emu, {
    actions: [
      listBranch("1", [{ name: "yes", filterBranch, to: "2" }], "3"),
      setValue("2", "test_text", "yes"),
      setValue("3", "test_text", "no"),
    ],
    enrollmentCriteria: { type: "MANUAL", shouldReEnroll: true },
  });
  const contact = await createContact(emu, properties);
  const run = emu.workflows.enroll(flow, contact);
  expect(run.status, JSON.stringify(run)).toBe("completed");
  return (await readContact(emu, contact, ["test_text"])).test_text;
}

const text = (operator: string, values: string[], extra = {}) =>
  filter("test_text", { operationType: "MULTISTRING", operator, values, ...extra });

describe("list branches", () => {
  it("takes the first branch that holds, else the default", async () => {
    const { emu } = await flowEmulator();
    const flow = await createFlow(emu, {
      actions: [
        listBranch(
          "1",
          [
            { name: "first", filterBranch: or(and(text("STARTS_WITH", ["ab"]))), to: "2" },
            { name: "second", filterBranch: or(and(text("STARTS_WITH", ["a"]))), to: "3" },
          ],
          "4",
        ),
        setValue("2", "test_copy", "first"),
        setValue("3", "test_copy", "second"),
        setValue("4", "test_copy", "default"),
      ],
      enrollmentCriteria: { type: "MANUAL", shouldReEnroll: true },
    });
    const results = [];
    for (const value of ["abc", "axe", "zzz"]) {
      const contact = await createContact(emu, { test_text: value });
      emu.workflows.enroll(flow, contact);
      results.push((await readContact(emu, contact, ["test_copy"])).test_copy);
    }
    expect(results).toEqual(["first", "second", "default"]);
  });

  it("reads values an earlier action of the same run wrote", async () => {
    const { emu } = await flowEmulator();
    const flow = await createFlow(emu, {
      actions: [
        setValue("1", "test_text", "now set", "2"),
        listBranch("2", [{ name: "set", filterBranch: and(text("IS_EQUAL_TO", ["now set"])), to: "3" }]),
        setValue("3", "test_copy", "saw it"),
      ],
      enrollmentCriteria: { type: "MANUAL", shouldReEnroll: true },
    });
    const contact = await createContact(emu);
    emu.workflows.enroll(flow, contact);
    expect((await readContact(emu, contact, ["test_copy"])).test_copy).toBe("saw it");
  });

  it("ANDs filters and ORs branches; an OR without branches never holds", async () => {
    const { emu } = await flowEmulator();
    const both = and(
      text("CONTAINS", ["x"]),
      filter("test_count", { operationType: "NUMBER_RANGED", operator: "IS_BETWEEN", lowerBound: 1, upperBound: 3 }),
    );
    expect(await branchTaken(emu, both, { test_text: "axe", test_count: "3" })).toBe("yes");
    expect(await branchTaken(emu, both, { test_text: "axe", test_count: "4" })).toBe("no");
    expect(
      await branchTaken(emu, or(and(text("IS_EQUAL_TO", ["q"])), both), { test_text: "axe", test_count: "2" }),
    ).toBe("yes");
    expect(await branchTaken(emu, or(), { test_text: "axe" })).toBe("no");
  });

  it("compares text ignoring case and surrounding white space", async () => {
    const { emu } = await flowEmulator();
    expect(await branchTaken(emu, and(text("IS_EQUAL_TO", ["United States"])), { test_text: "  united STATES " })).toBe(
      "yes",
    );
    expect(await branchTaken(emu, and(text("IS_NOT_EQUAL_TO", ["ca"])), { test_text: "CA" })).toBe("no");
  });

  it("fails every operator on an empty value unless it includes records with no value; IS_UNKNOWN holds", async () => {
    const { emu } = await flowEmulator();
    expect(await branchTaken(emu, and(text("IS_NOT_EQUAL_TO", ["ca"])), {})).toBe("no");
    expect(
      await branchTaken(emu, and(text("IS_NOT_EQUAL_TO", ["ca"], { includeObjectsWithNoValueSet: true })), {}),
    ).toBe("yes");
    expect(
      await branchTaken(emu, and(text("IS_NOT_EQUAL_TO", ["ca"], { includeObjectsWithNoValueSet: true })), {
        test_text: "ca",
      }),
    ).toBe("no");
    const unknown = and(filter("test_text", { operationType: "ALL_PROPERTY", operator: "IS_UNKNOWN" }));
    expect(await branchTaken(emu, unknown, { test_text: "   " })).toBe("yes");
    expect(await branchTaken(emu, unknown, { test_text: "x" })).toBe("no");
  });

  it("compares enumerations, booleans and numbers; a value that is no number fails", async () => {
    const { emu, ownerId } = await flowEmulator();
    const ava = ownerId("ava.reed@acme.test");
    const anyOf = and(filter("test_owner", { operationType: "ENUMERATION", operator: "IS_ANY_OF", values: [ava] }));
    const noneOf = and(filter("test_owner", { operationType: "ENUMERATION", operator: "IS_NONE_OF", values: [ava] }));
    expect(await branchTaken(emu, anyOf, { test_owner: ava })).toBe("yes");
    expect(await branchTaken(emu, noneOf, { test_owner: ava })).toBe("no");
    expect(await branchTaken(emu, noneOf, {})).toBe("no");
    const no = and(filter("test_flag", { operationType: "BOOL", operator: "IS_EQUAL_TO", value: false }));
    expect(await branchTaken(emu, no, { test_flag: "false" })).toBe("yes");
    expect(await branchTaken(emu, no, {})).toBe("no");
    const atLeast = and(
      filter("test_text", { operationType: "NUMBER", operator: "IS_GREATER_THAN_OR_EQUAL_TO", value: 200 }),
    );
    expect(await branchTaken(emu, atLeast, { test_text: "200" })).toBe("yes");
    expect(await branchTaken(emu, atLeast, { test_text: "1,200" })).toBe("no");
  });

  it("splits every datetime at a time point N days before the evaluation instant: IS_AFTER includes it", async () => {
    const { emu, clock } = await flowEmulator();
    const point = (operator: string) =>
      and(
        filter("test_at", {
          operationType: "TIME_POINT",
          operator,
          type: "TIME_POINT",
          timePoint: {
            timeType: "INDEXED",
            zoneId: "UTC",
            indexReference: { referenceType: "NOW" },
            offset: { days: -365 },
          },
        }),
      );
    const exactly = new Date(clock.now() - 365 * DAY).toISOString();
    const justBefore = new Date(clock.now() - 365 * DAY - 1).toISOString();
    expect(await branchTaken(emu, point("IS_AFTER"), { test_at: exactly })).toBe("yes");
    expect(await branchTaken(emu, point("IS_BEFORE"), { test_at: exactly })).toBe("no");
    expect(await branchTaken(emu, point("IS_AFTER"), { test_at: justBefore })).toBe("no");
    expect(await branchTaken(emu, point("IS_BEFORE"), { test_at: justBefore })).toBe("yes");
    expect(await branchTaken(emu, point("IS_AFTER"), {})).toBe("no");
  });

  it("tests the primary company's properties in an association branch; no primary company fails it", async () => {
    const { emu } = await flowEmulator();
    const big = primaryCompany(
      filter("numberofemployees", { operationType: "NUMBER", operator: "IS_GREATER_THAN_OR_EQUAL_TO", value: 1000 }),
    );
    const company = ok(
      await call(emu, "POST", "/crm/v3/objects/companies", { properties: { numberofemployees: "1200" } }),
    );
    expect(await branchTaken(emu, big, { associatedcompanyid: company.id })).toBe("yes");
    expect(await branchTaken(emu, big, {})).toBe("no");
    const small = ok(await call(emu, "POST", "/crm/v3/objects/companies", { properties: { numberofemployees: "50" } }));
    expect(await branchTaken(emu, big, { associatedcompanyid: small.id })).toBe("no");
  });

  it("stops the run and says where when a filter uses an operator it does not know", async () => {
    const { emu } = await flowEmulator();
    const flow = await createFlow(emu, {
      actions: [
        listBranch("1", [{ name: "odd", filterBranch: and(text("SOUNDS_LIKE", ["x"])), to: "2" }]),
        setValue("2", "test_text", "x"),
      ],
      enrollmentCriteria: { type: "MANUAL", shouldReEnroll: true },
    });
    const run = emu.workflows.enroll(flow, await createContact(emu, { test_text: "x" }));
    expect(run.status).toBe("stopped");
    expect(run.reason).toBe(
      "action 1: listBranches[0].filterBranch.filters[0].operation: MULTISTRING operator SOUNDS_LIKE is not emulated",
    );
  });
});

describe("static branches", () => {
  it("follow the branch whose value equals the input value, else the default", async () => {
    const { emu } = await flowEmulator();
    const flow = await createFlow(emu, {
      actions: [
        {
          actionId: "1",
          type: "STATIC_BRANCH",
          inputValue: { type: "OBJECT_PROPERTY", propertyName: "test_text" },
          staticBranches: [{ branchValue: "east", connection: { edgeType: "STANDARD", nextActionId: "2" } }],
          defaultBranchName: "elsewhere",
          defaultBranch: { edgeType: "STANDARD", nextActionId: "3" },
        },
        setValue("2", "test_copy", "went east"),
        setValue("3", "test_copy", "went elsewhere"),
      ],
      enrollmentCriteria: { type: "MANUAL", shouldReEnroll: true },
    });
    const east = await createContact(emu, { test_text: "east" });
    const west = await createContact(emu, { test_text: "west" });
    emu.workflows.enroll(flow, east);
    emu.workflows.enroll(flow, west);
    expect((await readContact(emu, east, ["test_copy"])).test_copy).toBe("went east");
    expect((await readContact(emu, west, ["test_copy"])).test_copy).toBe("went elsewhere");
  });
});
