/**
 * SLA escalation and Slack in the router: a lead nobody touches escalates step by step (each step
 * recorded in the decision log), is reassigned as the engine decides, and every message reaches
 * the local Slack stand-in over HTTP; a Slack outage delays messages but never a decision.
 */
import { afterEach, describe, expect, it } from "vitest";
import { compileRouting, route } from "../../src/engine";
import { operationsSection } from "../../src/audit/operations";
import { escalationLog } from "../../src/router";
import { readDecisionLog } from "../../src/router/decision-log";
import { createSlackClient, startSlackStandin, type SlackStandin } from "../../src/slack";
import { bench, createLead, memoryDatabase, benchRouter, californiaDemoRequest } from "./support";

// Fri 2026-06-19 23:30Z is 16:30 in Los Angeles: a NA-west demo request, due Mon 09:30 PDT.
const T0 = Date.parse("2026-06-19T23:30:00Z");
const MINUTE = 60_000;

let standins: SlackStandin[] = [];
afterEach(async () => {
  await Promise.all(standins.map((s) => s.close()));
  standins = [];
});

async function slackStandin() {
  const s = await startSlackStandin({ token: "xoxb-router-test-token" });
  standins.push(s);
  return s;
}

describe("routeops router: SLA escalation and Slack", () => {
  it("escalates an untouched lead across the weekend, reassigns it as the engine decides, and posts every message", async () => {
    const b = await bench({ start: "2026-06-19T23:30:00Z" });
    const db = await memoryDatabase();
    const slack = await slackStandin();
    const id = createLead(b, californiaDemoRequest("ana@lead.test", T0));
    b.clock.set(T0 + MINUTE);
    const router = await benchRouter(b, db, {
      slack: createSlackClient({
        connection: {
          kind: "bot",
          token: "xoxb-router-test-token",
          apiUrl: slack.apiUrl,
          defaultChannel: "#inbound-leads",
        },
        sleep: async () => undefined,
      }),
    });
    await router.poll();
    await router.drain();
    // The urgent lead message, to the picked rep by direct message.
    expect(slack.messages).toHaveLength(1);
    expect(slack.messages[0]).toMatchObject({ channel: "U0BENORTIZ" });
    expect(slack.messages[0]!.text).toMatch(/^Contact now: ana@lead\.test/);

    // Saturday: nothing is due yet.
    b.clock.set(Date.parse("2026-06-20T18:00:00Z"));
    await router.cycle();
    expect(await escalationLog(db, { contactId: id, requestedAt: T0 })).toEqual([]);

    // Monday 10:45 PDT, still untouched: all three steps, at Monday-morning business times.
    b.clock.set(Date.parse("2026-06-22T17:45:00Z"));
    await router.cycle();
    const log = await escalationLog(db, { contactId: id, requestedAt: T0 });
    expect(log.map((s) => [s.action, new Date(s.dueAt).toISOString(), s.target])).toEqual([
      ["notify_rep", "2026-06-22T16:30:00.000Z", "ben.ortiz@acme.test"],
      ["notify_manager", "2026-06-22T17:00:00.000Z", "mia.lopez@acme.test"],
      ["reassign", "2026-06-22T17:30:00.000Z", "chloe.nguyen@acme.test"],
    ]);
    // The reassignment is the engine's: the same lead routed without Ben.
    const input = (await router.why("ana@lead.test"))[0]!.input as Parameters<typeof route>[1];
    const expected = route(
      compileRouting(b.config),
      { ...input, at: Date.parse("2026-06-22T17:30:00Z") },
      {
        exclude: ["ben.ortiz@acme.test"],
      },
    );
    expect(expected.owner).toBe("chloe.nguyen@acme.test");
    expect(b.ownerOf(id)).toBe("chloe.nguyen@acme.test");
    expect(slack.messages.map((m) => m.channel)).toEqual(["U0BENORTIZ", "U0BENORTIZ", "U0MIALOPEZ", "U0CHLOENGU"]);
    expect(slack.messages[1]!.text).toMatch(/^SLA breach: /);

    // Nothing runs twice.
    b.clock.advance(60 * MINUTE);
    await router.cycle();
    expect(await escalationLog(db, { contactId: id, requestedAt: T0 })).toHaveLength(3);
    expect(slack.messages).toHaveLength(4);

    // The audit reads it back from the decision log: Chloe has the lead now, the SLA was breached and escalated.
    const logged = await readDecisionLog(db, T0, T0 + 1);
    expect(logged).toMatchObject([
      {
        contactId: id,
        pool: "inbound-ae-na-west",
        owner: "chloe.nguyen@acme.test",
        escalations: [{ action: "notify_rep" }, { action: "notify_manager" }, { action: "reassign" }],
      },
    ]);
    const section = operationsSection(b.config, logged, () => null, { from: T0, to: T0 + 1, now: b.clock.now() });
    expect(section.sla).toEqual([{ system: "inbound", leads: 1, met: 0, breached: 1, escalated: 1, pending: 0 }]);
    expect(section.pools.find((p) => p.pool === "inbound-ae-na-west")!.members.map((m) => [m.rep, m.leads])).toEqual([
      ["ben.ortiz@acme.test", 0],
      ["chloe.nguyen@acme.test", 1],
    ]);
    await router.close();
  });

  it("keeps routing while Slack is down and delivers the message on a later cycle", async () => {
    const b = await bench({ start: "2026-06-17T17:00:00Z" });
    const db = await memoryDatabase();
    const slack = await slackStandin();
    slack.failNext(4, 503);
    const at = Date.parse("2026-06-17T17:00:00Z");
    const id = createLead(b, {
      email: "bo@lead.test",
      country: "US",
      state: "NY",
      formId: "demo-request",
      requestedAt: at,
    });
    b.clock.set(at + MINUTE);
    const router = await benchRouter(b, db, {
      slack: createSlackClient({
        connection: {
          kind: "bot",
          token: "xoxb-router-test-token",
          apiUrl: slack.apiUrl,
          defaultChannel: "#inbound-leads",
        },
        sleep: async () => undefined,
      }),
    });
    await router.poll();
    const report = await router.drain();
    expect(report.finished).toBe(1);
    expect(b.emulator.portal.contacts.get(id)!.properties.hubspot_owner_id).toBeTruthy();
    expect(slack.messages).toHaveLength(0);
    // Later: the queued message goes out.
    b.clock.advance(5 * MINUTE);
    await router.cycle();
    expect(slack.messages).toHaveLength(1);
    expect(slack.messages[0]!.text).toMatch(/^Contact now: bo@lead\.test/);
    await router.close();
  });
});
