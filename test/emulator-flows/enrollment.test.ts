/** Enrolment: event-based flows on their events, list-based flows on their filter, re-enrolment, disabled flows. */
import { describe, expect, it } from "vitest";
import {
  call,
  createContact,
  createFlow,
  eventBased,
  filter,
  flowEmulator,
  FORM,
  isTrue,
  listBased,
  and,
  ok,
  raiseEvent,
  readContact,
  setValue,
  updateContact,
} from "./support";

const formIs = (formId: string) =>
  filter("hs_form_id", { operationType: "MULTISTRING", operator: "IS_EQUAL_TO", values: [formId] });

describe("event-based enrolment", () => {
  it("enrols the contact once per matching event occurrence and runs at once, inside the event's request", async () => {
    const { emu } = await flowEmulator();
    await createFlow(emu, {
      actions: [
        setValue("1", "test_text", {
          type: "ENROLLMENT_EVENT_PROPERTY",
          enrollmentEventPropertyToken: "{{ enrollment_events.enrollment_event_4_1639801.hs_form_id }}",
        }),
      ],
      enrollmentCriteria: eventBased(FORM, [formIs("demo-request")]),
    });
    const contact = await createContact(emu, { email: "a@x.example" });
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "demo-request" });
    expect((await readContact(emu, contact, ["test_text"])).test_text).toBe("demo-request");
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "demo-request" });
    expect(emu.workflows.runsOf(contact)).toHaveLength(2);
  });

  it("does not enrol on an event whose properties fail the filters, or on another event type", async () => {
    const { emu } = await flowEmulator();
    await createFlow(emu, {
      actions: [setValue("1", "test_text", "enrolled")],
      enrollmentCriteria: eventBased(FORM, [formIs("demo-request")]),
    });
    const contact = await createContact(emu);
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "newsletter" });
    await raiseEvent(emu, contact, { kind: "chat_completed", qualified: true });
    expect(emu.workflows.runsOf(contact)).toEqual([]);
    expect((await readContact(emu, contact, ["test_text"])).test_text).toBeNull();
  });

  it("enrols only once when shouldReEnroll is false", async () => {
    const { emu } = await flowEmulator();
    await createFlow(emu, {
      actions: [setValue("1", "test_text", "x")],
      enrollmentCriteria: eventBased(FORM, [], false),
    });
    const contact = await createContact(emu);
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "a" });
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "b" });
    expect(emu.workflows.runsOf(contact)).toHaveLength(1);
  });

  it("raises the enrolled-in-sequence event for an injected sequence enrolment, with the enrolling owner", async () => {
    const { emu, ownerId } = await flowEmulator();
    await createFlow(emu, {
      actions: [
        setValue(
          "1",
          "test_owner",
          {
            type: "ENROLLMENT_EVENT_PROPERTY",
            enrollmentEventPropertyToken: "{{ enrollment_events.enrollment_event_4_675777.hubspot_owner_id }}",
          },
          "2",
        ),
        setValue("2", "test_at", {
          type: "ENROLLMENT_EVENT_PROPERTY",
          enrollmentEventPropertyToken: "{{ enrollment_events.enrollment_event_4_675777.hs_timestamp }}",
        }),
      ],
      enrollmentCriteria: eventBased("4-675777"),
    });
    const contact = await createContact(emu, { email: "seq@x.example" });
    const enrolledAt = Date.parse("2026-05-01T09:30:00Z");
    ok(
      await call(emu, "POST", "/_emulator/enrollments", {
        contactId: contact,
        sequenceId: "q2",
        sequenceName: "Q2",
        enrolledByEmail: "ben.ortiz@acme.test",
        enrolledAt,
      }),
    );
    const read = await readContact(emu, contact, ["test_owner", "test_at"]);
    expect(read).toMatchObject({ test_owner: ownerId("ben.ortiz@acme.test"), test_at: "2026-05-01T09:30:00.000Z" });
  });
});

describe("list-based enrolment", () => {
  it("enrols a contact that an API update makes meet the filter, before the update's answer is read", async () => {
    const { emu } = await flowEmulator();
    await createFlow(emu, {
      actions: [setValue("1", "test_text", "listed")],
      enrollmentCriteria: listBased(and(isTrue("test_flag"))),
    });
    const contact = await createContact(emu);
    expect(emu.workflows.runsOf(contact)).toEqual([]);
    await updateContact(emu, contact, { test_flag: "true" });
    expect((await readContact(emu, contact, ["test_text"])).test_text).toBe("listed");
    expect(emu.workflows.runsOf(contact)[0]?.trigger).toEqual({ type: "list" });
  });

  it("never re-enrols without shouldReEnroll, however often the filter turns true", async () => {
    const { emu } = await flowEmulator();
    await createFlow(emu, {
      actions: [setValue("1", "test_text", "x")],
      enrollmentCriteria: listBased(and(isTrue("test_flag"))),
    });
    const contact = await createContact(emu, { test_flag: "true" });
    await updateContact(emu, contact, { test_flag: "false" });
    await updateContact(emu, contact, { test_flag: "true" });
    expect(emu.workflows.runsOf(contact)).toHaveLength(1);
  });

  it("re-enrols only when a re-enrolment trigger turns true, not while it stays true", async () => {
    const { emu } = await flowEmulator();
    const trigger = and(isTrue("test_flag"));
    await createFlow(emu, {
      actions: [setValue("1", "test_count", { type: "TIMESTAMP", timestampType: "EXECUTION_TIME" })],
      enrollmentCriteria: listBased(trigger, { reEnroll: [trigger] }),
    });
    const contact = await createContact(emu, { test_flag: "true" });
    await updateContact(emu, contact, { test_text: "unrelated change" });
    expect(emu.workflows.runsOf(contact)).toHaveLength(1);
    await updateContact(emu, contact, { test_flag: "false" });
    await updateContact(emu, contact, { test_flag: "true" });
    expect(emu.workflows.runsOf(contact)).toHaveLength(2);
  });

  it("evaluates list-based flows after another flow's run completes: the run hands the contact on", async () => {
    const { emu } = await flowEmulator();
    const first = await createFlow(emu, {
      name: "classify",
      actions: [setValue("1", "test_text", "classified", "2"), setValue("2", "test_flag", "true")],
      enrollmentCriteria: eventBased(FORM),
    });
    const second = await createFlow(emu, {
      name: "route",
      actions: [
        setValue("1", "test_copy", { type: "OBJECT_PROPERTY", propertyName: "test_text" }, "2"),
        setValue("2", "test_flag", "false"),
      ],
      enrollmentCriteria: listBased(and(isTrue("test_flag")), { reEnroll: [and(isTrue("test_flag"))] }),
    });
    const contact = await createContact(emu);
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "a" });
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "b" });
    const runs = emu.workflows.runsOf(contact).map((run) => [run.flowId, run.depth, run.status]);
    expect(runs).toEqual([
      [first, 0, "completed"],
      [second, 1, "completed"],
      [first, 0, "completed"],
      [second, 1, "completed"],
    ]);
    expect(await readContact(emu, contact, ["test_copy", "test_flag"])).toMatchObject({
      test_copy: "classified",
      test_flag: "false",
    });
  });
});

describe("disabled flows", () => {
  it("do nothing: no enrolment on events or on list filters", async () => {
    const { emu } = await flowEmulator();
    await createFlow(emu, {
      isEnabled: false,
      actions: [setValue("1", "test_text", "x")],
      enrollmentCriteria: eventBased(FORM),
    });
    await createFlow(emu, {
      isEnabled: false,
      actions: [setValue("1", "test_text", "y")],
      enrollmentCriteria: listBased(and(isTrue("test_flag"))),
    });
    const contact = await createContact(emu, { test_flag: "true" });
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "a" });
    expect(emu.workflows.runs).toEqual([]);
    expect((await readContact(emu, contact, ["test_text"])).test_text).toBeNull();
  });
});
