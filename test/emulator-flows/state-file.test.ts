/** Rotation positions in the state file: an emulator restarted from `--state FILE` continues each rotation. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import {
  call,
  createContact,
  createFlow,
  eventBased,
  FORM,
  MINUTE,
  OWNERS,
  raiseEvent,
  readContact,
  single,
  START,
  TestClock,
} from "./support";

const dirs: string[] = [];
const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emu) => emu.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function statePath(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "routeops-rotation-"));
  dirs.push(dir);
  return path.join(dir, "portal.json");
}

async function start(file: string, clock = new TestClock()): Promise<RunningEmulator> {
  const emu = await startEmulator({
    statePath: file,
    seed: { reps: OWNERS, contacts: 0, now: START },
    rateLimits: false,
    clock: clock.now,
  });
  running.push(emu);
  return emu;
}

async function stop(emu: RunningEmulator): Promise<void> {
  running.splice(running.indexOf(emu), 1);
  await emu.close();
}

const ownerIds = (emu: RunningEmulator) => OWNERS.map((o) => emu.portal.owners.byEmail(o.email)!.id);
/** Rotation names HubSpot users: the owners' user ids. */
const userIds = (emu: RunningEmulator) => OWNERS.map((o) => String(emu.portal.owners.byEmail(o.email)!.userId));

/** A form submission flow that rotates the contact's owner over the three owners; returns its id. */
async function rotationFlow(emu: RunningEmulator): Promise<string> {
  return createFlow(emu, {
    actions: [single("1", "0-11", { user_ids: userIds(emu), target_property: "hubspot_owner_id" })],
    enrollmentCriteria: eventBased(FORM),
  });
}

/** A new contact submits a form; returns the owner the rotation gave it. */
async function routeOne(emu: RunningEmulator): Promise<string | undefined> {
  const contact = await createContact(emu);
  await raiseEvent(emu, contact, { kind: "form_submission", formId: "f" });
  return (await readContact(emu, contact, ["hubspot_owner_id"])).hubspot_owner_id;
}

describe("rotation positions in the state file", () => {
  it("continue each rotation where it stopped when the emulator restarts from the file", async () => {
    const file = await statePath();
    const first = await start(file);
    const flow = await rotationFlow(first);
    const [a, b, c] = ownerIds(first);
    expect([await routeOne(first), await routeOne(first)]).toEqual([a, b]);
    await stop(first);

    const second = await start(file);
    expect(second.workflows.rotationPositions()).toEqual({ [`${flow}/1`]: 2 });
    expect([await routeOne(second), await routeOne(second)]).toEqual([c, a]);
  });

  it("start afresh from a state file written before positions were kept (no rotationPositions field)", async () => {
    const file = await statePath();
    const first = await start(file);
    await rotationFlow(first);
    const [a, b] = ownerIds(first);
    expect(await routeOne(first)).toBe(a);
    await stop(first);
    const { rotationPositions, ...older } = JSON.parse(await readFile(file, "utf8"));
    expect(Object.keys(rotationPositions as object)).toHaveLength(1);
    await writeFile(file, JSON.stringify(older));

    const second = await start(file);
    expect(second.workflows.rotationPositions()).toEqual({});
    expect([await routeOne(second), await routeOne(second)]).toEqual([a, b]);
  });

  it("are saved after a request whose only change was a turn (a resumed run whose owner write was refused)", async () => {
    const file = await statePath();
    const clock = new TestClock();
    const first = await start(file, clock);
    const flow = await createFlow(first, {
      actions: [
        single("1", "0-1", { delta: "10", time_unit: "MINUTES" }, "2"),
        single("2", "0-11", { user_ids: [userIds(first)[0]], target_property: "hubspot_owner_id" }),
      ],
      enrollmentCriteria: eventBased(FORM),
    });
    // The only user of the rotation is deactivated before the run reaches it.
    first.portal.owners.deactivate(ownerIds(first)[0]!, clock.now());
    const contact = await createContact(first);
    await raiseEvent(first, contact, { kind: "form_submission", formId: "f" });
    const before = await readFile(file, "utf8");
    clock.advance(11 * MINUTE);
    // A read: the waiting run resumes, takes a turn, and cannot assign (the user is deactivated).
    await call(first, "GET", "/crm/v3/owners");
    expect(first.workflows.runsOf(contact)[0]!.steps.some((step) => step.error !== undefined)).toBe(true);
    expect(first.portal.contacts.get(contact)!.properties.hubspot_owner_id ?? "").toBe("");
    expect(await readFile(file, "utf8")).not.toBe(before);
    await stop(first);

    const second = await start(file, clock);
    expect(second.workflows.rotationPositions()).toEqual({ [`${flow}/2`]: 1 });
  });
});
