/** Actions: set and copy property (tokens, copies, timestamps), rotation, tasks, notifications, sequences. */
import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import {
  call,
  createContact,
  createFlow,
  eventBased,
  flowEmulator,
  FORM,
  FORM_TOKEN,
  MINUTE,
  ok,
  raiseEvent,
  readContact,
  setValue,
  single,
  START,
} from "./support";

const PRIMARY_COMPANY = {
  name: "primary_company",
  type: "ASSOCIATION",
  objectTypeId: "0-2",
  associationCategory: "HUBSPOT_DEFINED",
  associationTypeId: 1,
};

const eventValue = (property: string) => ({
  type: "ENROLLMENT_EVENT_PROPERTY",
  enrollmentEventPropertyToken: FORM_TOKEN(property),
});

/** The HubSpot user behind an owner: rotation and notifications name users. */
const userIdOf = (emu: RunningEmulator, ownerId: string) => {
  const owner = emu.portal.owners.get(ownerId);
  if (owner?.userId === undefined) throw new Error(`owner ${ownerId} has no user`);
  return String(owner.userId);
};

async function manualFlow(emu: RunningEmulator, actions: Record<string, unknown>[], dataSources?: unknown[]) {
  return createFlow(emu, {
    actions,
    enrollmentCriteria: { type: "MANUAL", shouldReEnroll: true },
    ...(dataSources ? { dataSources } : {}),
  });
}

describe("set property value", () => {
  it("writes enrollment event properties, clears with an empty one, and reads the primary company through the data source", async () => {
    const { emu, ownerId } = await flowEmulator();
    await createFlow(emu, {
      actions: [
        setValue("1", "test_text", eventValue("hs_page_url"), "2"),
        setValue("2", "test_copy", eventValue("hubspot_owner_id"), "3"),
        setValue("3", "hubspot_owner_id", {
          type: "FETCHED_OBJECT_PROPERTY",
          propertyToken: "{{ fetched_objects.primary_company.hubspot_owner_id }}",
        }),
      ],
      enrollmentCriteria: eventBased(FORM),
      dataSources: [PRIMARY_COMPANY],
    });
    const ava = ownerId("ava.reed@acme.test");
    const company = ok(await call(emu, "POST", "/crm/v3/objects/companies", { properties: { hubspot_owner_id: ava } }));
    const contact = await createContact(emu, { test_copy: "old", associatedcompanyid: company.id });
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "f", pageUrl: "https://acme.test/pricing" });
    expect(await readContact(emu, contact, ["test_text", "test_copy", "hubspot_owner_id"])).toMatchObject({
      test_text: "https://acme.test/pricing",
      test_copy: null,
      hubspot_owner_id: ava,
    });
  });

  it("copies another property (OBJECT_PROPERTY) and writes a STATIC_VALUE literally, tokens included", async () => {
    const { emu } = await flowEmulator();
    const flow = await manualFlow(emu, [
      setValue("1", "test_copy", { type: "OBJECT_PROPERTY", propertyName: "firstname" }, "2"),
      setValue("2", "test_text", "{{ enrolled_object.lastname }}"),
    ]);
    const contact = await createContact(emu, { firstname: "Nora", lastname: "Quinn" });
    emu.workflows.enroll(flow, contact);
    expect(await readContact(emu, contact, ["test_copy", "test_text"])).toMatchObject({
      test_copy: "Nora",
      test_text: "{{ enrolled_object.lastname }}",
    });
  });

  it("writes the execution time (TIMESTAMP) and times relative to it (RELATIVE_DATETIME, UTC), stored as ISO", async () => {
    const { emu } = await flowEmulator();
    const ANY_DAY = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
    const stamp = (delay?: Record<string, unknown>) =>
      delay
        ? { type: "RELATIVE_DATETIME", timeDelay: { daysOfWeek: ANY_DAY, ...delay } }
        : { type: "TIMESTAMP", timestampType: "EXECUTION_TIME" };
    const flow = await manualFlow(emu, [
      setValue("1", "test_at", stamp(), "2"),
      setValue("2", "test_count", stamp({ delta: 90, timeUnit: "MINUTES" }), "3"),
      setValue("3", "test_text", stamp({ delta: 0, timeUnit: "DAYS", timeOfDay: { hour: 11, minute: 0 } }), "4"),
      setValue("4", "test_copy", stamp({ delta: 1, timeUnit: "DAYS", timeOfDay: { hour: 17, minute: 0 } })),
    ]);
    const contact = await createContact(emu);
    emu.workflows.enroll(flow, contact);
    const read = await readContact(emu, contact, ["test_at", "test_count", "test_text", "test_copy"]);
    expect(read.test_at).toBe("2026-06-17T12:00:00.000Z");
    expect(Number(read.test_count)).toBe(START + 90 * MINUTE);
    // 11:00 has passed at 12:00: the next day's 11:00.
    expect(Number(read.test_text)).toBe(Date.parse("2026-06-18T11:00:00Z"));
    expect(Number(read.test_copy)).toBe(Date.parse("2026-06-18T17:00:00Z"));
  });

  it("moves a relative time forward to the first of its daysOfWeek", async () => {
    const { emu } = await flowEmulator();
    // START is Wednesday 2026-06-17 12:00 UTC; two days later is a Friday.
    const flow = await manualFlow(emu, [
      setValue("1", "test_at", {
        type: "RELATIVE_DATETIME",
        timeDelay: { delta: 2, timeUnit: "DAYS", daysOfWeek: ["MONDAY"], timeOfDay: { hour: 9, minute: 0 } },
      }),
    ]);
    const contact = await createContact(emu);
    emu.workflows.enroll(flow, contact);
    expect((await readContact(emu, contact, ["test_at"])).test_at).toBe("2026-06-22T09:00:00.000Z");
  });

  it("logs a value HubSpot refuses as the action's error and goes on with the next action", async () => {
    const { emu } = await flowEmulator();
    const flow = await manualFlow(emu, [
      setValue("1", "test_flag", "perhaps", "2"),
      setValue("2", "hubspot_owner_id", "999", "3"),
      setValue("3", "test_text", "after"),
    ]);
    const contact = await createContact(emu);
    const run = emu.workflows.enroll(flow, contact);
    expect(run.status).toBe("completed");
    expect(run.steps.map((s) => s.error)).toEqual([
      "perhaps was not a valid boolean (true or false).",
      "999 is not a valid owner id",
      undefined,
    ]);
    expect((await readContact(emu, contact, ["test_text"])).test_text).toBe("after");
  });

  it("sends its writes through the store: search finds the value", async () => {
    const { emu } = await flowEmulator();
    const flow = await manualFlow(emu, [setValue("1", "test_text", "findable")]);
    const contact = await createContact(emu);
    emu.workflows.enroll(flow, contact);
    const found = ok(
      await call(emu, "POST", "/crm/v3/objects/contacts/search", {
        filterGroups: [{ filters: [{ propertyName: "test_text", operator: "EQ", value: "findable" }] }],
      }),
    );
    expect(found.results.map((r: { id: string }) => r.id)).toEqual([contact]);
  });
});

describe("rotate record to owner", () => {
  it("hands out the listed owners round robin, repeated ids getting more turns", async () => {
    const { emu, ownerId } = await flowEmulator();
    const [a, b] = [ownerId("ava.reed@acme.test"), ownerId("ben.ortiz@acme.test")];
    const [ua, ub] = [userIdOf(emu, a), userIdOf(emu, b)];
    const flow = await manualFlow(emu, [
      single("1", "0-11", { user_ids: [ua, ub, ua], target_property: "hubspot_owner_id" }),
    ]);
    const owners = [];
    for (let i = 0; i < 6; i++) {
      const contact = await createContact(emu);
      emu.workflows.enroll(flow, contact);
      owners.push((await readContact(emu, contact, ["hubspot_owner_id"])).hubspot_owner_id);
    }
    expect(owners).toEqual([a, b, a, a, b, a]);
  });

  it("keeps one position per rotate action: two actions with the same owners take turns independently", async () => {
    const { emu, ownerId } = await flowEmulator();
    const [a, b] = [ownerId("ava.reed@acme.test"), ownerId("ben.ortiz@acme.test")];
    const users = [userIdOf(emu, a), userIdOf(emu, b)];
    const flow = await manualFlow(emu, [
      single("1", "0-11", { user_ids: users, target_property: "hubspot_owner_id" }, "2"),
      single("2", "0-11", { user_ids: users, target_property: "test_owner" }),
    ]);
    const first = await createContact(emu);
    const second = await createContact(emu);
    emu.workflows.enroll(flow, first);
    emu.workflows.enroll(flow, second);
    expect(await readContact(emu, first, ["hubspot_owner_id", "test_owner"])).toMatchObject({
      hubspot_owner_id: a,
      test_owner: a,
    });
    expect(await readContact(emu, second, ["hubspot_owner_id", "test_owner"])).toMatchObject({
      hubspot_owner_id: b,
      test_owner: b,
    });
    expect(emu.workflows.rotationPositions()).toEqual({ [`${flow}/1`]: 2, [`${flow}/2`]: 2 });
  });

  it("leaves an owned record alone when overwrite_current_owner is false, without using a turn", async () => {
    const { emu, ownerId } = await flowEmulator();
    const [a, b, c] = ["ava.reed@acme.test", "ben.ortiz@acme.test", "chloe.nguyen@acme.test"].map(ownerId);
    const flow = await manualFlow(emu, [
      single("1", "0-11", {
        user_ids: [userIdOf(emu, a!), userIdOf(emu, b!)],
        target_property: "hubspot_owner_id",
        overwrite_current_owner: "false",
      }),
    ]);
    const owned = await createContact(emu, { hubspot_owner_id: c! });
    const unowned = await createContact(emu);
    emu.workflows.enroll(flow, owned);
    emu.workflows.enroll(flow, unowned);
    expect((await readContact(emu, owned, ["hubspot_owner_id"])).hubspot_owner_id).toBe(c);
    expect((await readContact(emu, unowned, ["hubspot_owner_id"])).hubspot_owner_id).toBe(a);
  });
});

describe("tasks, notifications and sequence enrolments", () => {
  it("are recorded with their owner, recipients and due time; an empty owner property notifies nobody", async () => {
    const { emu, ownerId } = await flowEmulator();
    const ava = ownerId("ava.reed@acme.test");
    const flow = await manualFlow(emu, [
      single(
        "1",
        "0-3",
        {
          task_type: "TODO",
          subject: "Contact {{ enrolled_object.firstname }}",
          body: "Soon",
          priority: "HIGH",
          owner_assignment: { type: "CUSTOM", value: { type: "OBJECT_PROPERTY", propertyName: "hubspot_owner_id" } },
          due_time: {
            type: "RELATIVE_DATETIME",
            timeDelay: { delta: 60, timeUnit: "MINUTES", daysOfWeek: ["WEDNESDAY", "THURSDAY"] },
          },
        },
        "2",
      ),
      single(
        "2",
        "0-9",
        {
          delivery_method: "APP",
          subject: "New lead",
          body: "b",
          user_ids: [],
          owner_properties: ["hubspot_owner_id"],
        },
        "3",
      ),
      single("3", "0-8", { subject: "Collaborate", body: "b", user_ids: [], owner_properties: ["test_owner"] }, "4"),
      single(
        "4",
        "0-46510720",
        {
          sequenceId: "nurture-content",
          senderType: "CONTACT_OWNER",
          contactOwnerProperty: "hubspot_owner_id",
          shouldUseContactTimeZone: "true",
        },
        undefined,
        6,
      ),
    ]);
    const contact = await createContact(emu, { firstname: "Nora", hubspot_owner_id: ava });
    const run = emu.workflows.enroll(flow, contact);
    const common = { runId: run.id, flowId: flow, contactId: contact, at: START };
    expect(emu.workflows.actionsOf(contact)).toEqual([
      {
        kind: "task",
        ...common,
        actionId: "1",
        subject: "Contact Nora",
        body: "Soon",
        taskType: "TODO",
        priority: "HIGH",
        ownerId: ava,
        dueAt: START + 60 * MINUTE,
      },
      { kind: "in_app_notification", ...common, actionId: "2", subject: "New lead", body: "b", recipients: [ava] },
      { kind: "email_notification", ...common, actionId: "3", subject: "Collaborate", body: "b", recipients: [] },
      { kind: "sequence_enrollment", ...common, actionId: "4", sequenceId: "nurture-content", senderOwnerId: ava },
    ]);
    const listed = ok(await call(emu, "GET", `/_emulator/flow-actions?contactId=${contact}&kind=task`));
    expect(listed.results).toEqual([
      expect.objectContaining({ kind: "task", at: "2026-06-17T12:00:00.000Z", dueAt: "2026-06-17T13:00:00.000Z" }),
    ]);
  });
});

describe("actions the executor does not emulate", () => {
  it("are logged as not executed and the run goes on", async () => {
    const { emu, ownerId } = await flowEmulator();
    const flow = await createFlow(emu, {
      actions: [setValue("1", "test_text", "x")],
      enrollmentCriteria: eventBased(FORM),
    });
    // Swap in an action type the portal lists but the executor does not run, straight in the store.
    const stored = emu.portal.flows.get(flow)!;
    emu.portal.flows.put({
      ...stored,
      actions: [single("1", "0-999", {}, "2"), setValue("2", "test_text", "after")] as never,
    });
    const contact = await createContact(emu, { hubspot_owner_id: ownerId("ava.reed@acme.test") });
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "f" });
    const [run] = emu.workflows.runsOf(contact);
    expect(run?.steps[0]).toMatchObject({
      outcome: "not executed",
      error: "action type 0-999 is not emulated by the flow executor",
    });
    expect((await readContact(emu, contact, ["test_text"])).test_text).toBe("after");
  });
});
