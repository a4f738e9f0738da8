/** The loop guard, delays on the emulator's clock, un-enrolment, the run log endpoint and reset. */
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_DEPTH } from "../../src/emulator";
import {
  and,
  call,
  createContact,
  createFlow,
  eventBased,
  filter,
  flowEmulator,
  FORM,
  isTrue,
  listBased,
  MINUTE,
  ok,
  raiseEvent,
  readContact,
  setValue,
  single,
  START,
  updateContact,
} from "./support";
import { createRequestOf, putRequestOf } from "../../src/hubspot-contract";

const isFalse = (property: string) =>
  filter(property, { operationType: "BOOL", operator: "IS_EQUAL_TO", value: false });

describe("the loop guard", () => {
  it("stops two list-based flows that keep re-enrolling each other at the maximum depth, and says so in the run log", async () => {
    const { emu } = await flowEmulator();
    await createFlow(emu, {
      name: "turn on",
      actions: [setValue("1", "test_flag", "true")],
      enrollmentCriteria: listBased(and(isFalse("test_flag")), { reEnroll: [and(isFalse("test_flag"))] }),
    });
    await createFlow(emu, {
      name: "turn off",
      actions: [setValue("1", "test_flag", "false")],
      enrollmentCriteria: listBased(and(isTrue("test_flag")), { reEnroll: [and(isTrue("test_flag"))] }),
    });
    const contact = await createContact(emu, { test_flag: "true" });
    const runs = emu.workflows.runsOf(contact);
    expect(runs).toHaveLength(DEFAULT_MAX_DEPTH + 1);
    expect(runs.slice(0, -1).map((run) => run.depth)).toEqual([...Array(DEFAULT_MAX_DEPTH).keys()].map((d) => d + 1));
    expect(runs.at(-1)).toMatchObject({
      status: "stopped",
      depth: DEFAULT_MAX_DEPTH + 1,
      reason: `loop guard: enrolment depth ${DEFAULT_MAX_DEPTH} reached, the contact was not enrolled`,
      steps: [],
    });
  });

  it("stops a run whose actions loop, after the maximum number of actions", async () => {
    const { emu } = await flowEmulator();
    const flow = await createFlow(emu, {
      actions: [setValue("1", "test_text", "again", "2"), setValue("2", "test_copy", "and again", "1")],
      enrollmentCriteria: { type: "MANUAL", shouldReEnroll: true },
    });
    const run = emu.workflows.enroll(flow, await createContact(emu));
    expect(run).toMatchObject({ status: "stopped", reason: "loop guard: more than 1000 actions in one run" });
    expect(run.steps).toHaveLength(1000);
  });
});

describe("delays", () => {
  async function delayedFlow() {
    const setup = await flowEmulator();
    const flow = await createFlow(setup.emu, {
      actions: [
        setValue("1", "test_text", "before", "2"),
        single("2", "0-1", { delta: "10", time_unit: "MINUTES" }, "3"),
        setValue("3", "test_copy", { type: "TIMESTAMP", timestampType: "EXECUTION_TIME" }),
      ],
      enrollmentCriteria: eventBased(FORM),
    });
    const contact = await createContact(setup.emu);
    await raiseEvent(setup.emu, contact, { kind: "form_submission", formId: "f" });
    return { ...setup, flow, contact };
  }

  it("park the run until the emulator's clock reaches the end of the delay; the next request resumes it at that instant", async () => {
    const { emu, clock, contact } = await delayedFlow();
    expect(emu.workflows.runsOf(contact)[0]).toMatchObject({ status: "waiting", wakeAt: START + 10 * MINUTE });
    clock.advance(9 * MINUTE);
    expect((await readContact(emu, contact, ["test_text", "test_copy"])).test_copy).toBeNull();
    clock.advance(30 * MINUTE);
    const read = await readContact(emu, contact, ["test_text", "test_copy"]);
    expect(read).toEqual(expect.objectContaining({ test_text: "before", test_copy: String(START + 10 * MINUTE) }));
    expect(emu.workflows.runsOf(contact)[0]).toMatchObject({ status: "completed", endedAt: START + 10 * MINUTE });
  });

  it("end the waiting run when its flow is turned off in the meantime", async () => {
    const { emu, clock, contact, flow } = await delayedFlow();
    const current = ok(await call(emu, "GET", `/automation/v4/flows/${flow}`));
    const disabled = { ...putRequestOf(createRequestOf(current), current.revisionId), isEnabled: false };
    ok(await call(emu, "PUT", `/automation/v4/flows/${flow}`, disabled));
    clock.advance(10 * MINUTE);
    expect((await readContact(emu, contact, ["test_copy"])).test_copy).toBeNull();
    expect(emu.workflows.runsOf(contact)[0]).toMatchObject({
      status: "stopped",
      reason: "the flow was turned off while the run waited",
    });
  });

  it("keep a waiting contact from enrolling in the same flow again", async () => {
    const { emu, contact } = await delayedFlow();
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "g" });
    expect(emu.workflows.runsOf(contact)).toHaveLength(1);
  });

  it("un-enrol a waiting contact that no longer meets a list filter that un-enrols", async () => {
    const { emu, clock } = await flowEmulator();
    await createFlow(emu, {
      actions: [single("1", "0-1", { delta: "1", time_unit: "HOURS" }, "2"), setValue("2", "test_text", "done")],
      enrollmentCriteria: listBased(and(isTrue("test_flag")), { unEnroll: true }),
    });
    const contact = await createContact(emu, { test_flag: "true" });
    await updateContact(emu, contact, { test_flag: "false" });
    clock.advance(2 * 60 * MINUTE);
    expect((await readContact(emu, contact, ["test_text"])).test_text).toBeNull();
    expect(emu.workflows.runsOf(contact)[0]).toMatchObject({
      status: "unenrolled",
      reason: "no longer meets the enrollment criteria",
    });
  });
});

describe("the run log", () => {
  it("is served at /_emulator/flow-runs with each step, ISO instants and the rotation positions", async () => {
    const { emu } = await flowEmulator();
    const flow = await createFlow(emu, {
      name: "log me",
      actions: [setValue("1", "test_text", "x")],
      enrollmentCriteria: eventBased(FORM),
    });
    const contact = await createContact(emu);
    await raiseEvent(emu, contact, { kind: "form_submission", formId: "f" });
    const answer = ok(await call(emu, "GET", `/_emulator/flow-runs?contactId=${contact}`));
    expect(answer).toEqual({
      results: [
        {
          id: "1",
          flowId: flow,
          flowName: "log me",
          contactId: contact,
          trigger: { type: "event", eventTypeId: FORM, occurrenceId: "event:1" },
          depth: 0,
          startedAt: "2026-06-17T12:00:00.000Z",
          endedAt: "2026-06-17T12:00:00.000Z",
          status: "completed",
          steps: [
            {
              actionId: "1",
              action: "SINGLE_CONNECTION 0-5",
              at: "2026-06-17T12:00:00.000Z",
              outcome: 'set test_text = "x"',
            },
          ],
        },
      ],
      rotationPositions: {},
    });
  });

  it("is emptied by a reset, with the rest of the portal", async () => {
    const { emu } = await flowEmulator();
    await createFlow(emu, { actions: [setValue("1", "test_text", "x")], enrollmentCriteria: eventBased(FORM) });
    await raiseEvent(emu, await createContact(emu), { kind: "form_submission", formId: "f" });
    expect(emu.workflows.runs).toHaveLength(1);
    expect((await call(emu, "POST", "/_emulator/reset")).status).toBe(204);
    expect(emu.workflows.runs).toEqual([]);
    expect(ok(await call(emu, "GET", "/_emulator/flow-runs")).results).toEqual([]);
  });
});
