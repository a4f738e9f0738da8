/**
 * `routeops audit` end to end: the official HubSpot client against a seeded emulator portal, the
 * figures checked against plain counts over the portal's own records.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEnvelope } from "../../src/audit";
import { main } from "../../src/cli/main";
import type { RunningEmulator } from "../../src/emulator";
import {
  captureIO,
  contactsOf,
  NOW,
  PREVIOUS,
  routedIn,
  SEED_NOW,
  seededPortal,
  slaBreaches,
  unclassifiedIn,
  unowned,
  WINDOW,
} from "./seeded-portal";

const DAY = 86_400_000;
let emulator: RunningEmulator;
let envelope: AuditEnvelope;
let exitCode: number;

async function audit(args: string[] = []): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO({ HUBSPOT_ACCESS_TOKEN: emulator.token });
  const code = await main(
    [
      "audit",
      "--now",
      SEED_NOW,
      "--since",
      "30d",
      "--hubspot-base-url",
      emulator.baseUrl,
      "--portal-id",
      "4242",
      ...args,
    ],
    io,
  );
  return { code, out: io.out(), err: io.err() };
}

beforeAll(async () => {
  emulator = await seededPortal(1200, 11);
  const portal = emulator.portal;
  // A known bad import: 25 contacts without a source type (more than any seeded group), hostile names.
  for (let i = 0; i < 25; i++) {
    portal.contacts.create(
      {
        createdate: new Date(NOW - 2 * DAY + i * 60_000).toISOString(),
        firstname: `<b>Mallory</b> @octocat ${i}`,
        hs_analytics_source: "OFFLINE",
        hs_analytics_source_data_1: "IMPORT",
        hs_analytics_source_data_2: "known-bad-list.csv",
      },
      NOW - 2 * DAY,
      "api",
    );
  }
  // Known SLA breach: an inbound demo request routed three days ago, due an hour later, never engaged.
  portal.contacts.create(
    {
      createdate: new Date(NOW - 3 * DAY).toISOString(),
      routeops_source_type: "inbound_demo_request",
      routeops_system: "inbound",
      routeops_rule: "inbound-high-intent",
      routeops_pool: "inbound-ae-na-east",
      routeops_routed_at: new Date(NOW - 3 * DAY).toISOString(),
      routeops_sla_due_at: new Date(NOW - 3 * DAY + 3_600_000).toISOString(),
      hubspot_owner_id: portal.owners.byEmail("ava.reed@acme.test")!.id,
    },
    NOW - 3 * DAY,
    "api",
  );
  // Known owner drift: an active pool member's user deactivated in HubSpot.
  portal.owners.deactivate(portal.owners.byEmail("ben.ortiz@acme.test")!.id, NOW);

  const run = await audit(["--format", "json"]);
  exitCode = run.code;
  envelope = JSON.parse(run.out) as AuditEnvelope;
});

afterAll(async () => {
  await emulator?.close();
});

describe("routeops audit of a seeded portal", () => {
  it("runs and answers one JSON envelope", () => {
    expect(exitCode).toBe(0);
    expect(envelope).toMatchObject({ schema: "routeops.audit/v1", status: "ok", error: null });
    expect(envelope.report?.contactsRead).toBe(contactsOf(emulator).length);
  });

  it("counts unclassified contacts of this and the previous window as the portal holds them", () => {
    const records = contactsOf(emulator);
    expect(envelope.report?.unclassified.trend.current).toBe(unclassifiedIn(records, WINDOW).length);
    expect(envelope.report?.unclassified.trend.previous).toBe(unclassifiedIn(records, PREVIOUS).length);
    expect(envelope.report?.findings.unclassified).toBe(unclassifiedIn(records, WINDOW).length);
  });

  it("lists the known bad import first, with examples", () => {
    const first = envelope.report?.unclassified.groups[0];
    expect(first).toMatchObject({ source: "OFFLINE", detail1: "IMPORT", detail2: "known-bad-list.csv" });
    expect(first?.trend).toMatchObject({ current: 25, previous: 0 });
    expect(first?.examples.map((e) => e.name)).toEqual([0, 1, 2].map((i) => `<b>Mallory</b> @octocat ${i}`));
    expect(first?.examples[0]?.url).toMatch(/^https:\/\/app\.hubspot\.com\/contacts\/4242\/record\/0-1\/\d+$/);
  });

  it("counts leads per system, this window and the previous one", () => {
    const records = contactsOf(emulator);
    for (const figures of envelope.report?.unified.systems ?? []) {
      expect(figures.volume.current, figures.system).toBe(routedIn(records, figures.system).length);
      expect(figures.volume.previous, figures.system).toBe(routedIn(records, figures.system, PREVIOUS).length);
    }
  });

  it("counts SLA breaches over every system, the known one included", () => {
    const records = contactsOf(emulator);
    const routed = ["inbound", "outbound", "reengagement", "unclassified"].flatMap((s) => routedIn(records, s));
    expect(envelope.report?.findings.slaBreaches).toBe(slaBreaches(routed));
    expect(envelope.report?.unified.totals.sla.breached).toBe(slaBreaches(routed));
  });

  it("counts unowned inbound leads, deactivated owners included", () => {
    const records = contactsOf(emulator);
    expect(envelope.report?.inbound.unowned.total).toBe(unowned(emulator, routedIn(records, "inbound")));
  });

  it("reports the deactivated pool member as drift", () => {
    expect(envelope.report?.drift.items).toContainEqual(
      expect.objectContaining({ object: "pool_member", name: "ben.ortiz@acme.test", change: "deactivated" }),
    );
  });

  it("says why managed objects were not compared while a pool member is deactivated", () => {
    expect(envelope.report?.drift.checked).toBe(false);
    expect(envelope.report?.drift.uncheckedReason).toContain("ben.ortiz@acme.test");
  });

  it("counts the HubSpot API calls it made", () => {
    expect(envelope.apiCalls).toBeGreaterThanOrEqual(Math.ceil(contactsOf(emulator).length / 100));
  });

  it("turns findings into exit code 3 with --fail-on", async () => {
    const run = await audit(["--fail-on", "sla", "--format", "json"]);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.out)).toMatchObject({ status: "failed", exitCode: 3, failOn: ["sla"], failed: ["sla"] });
    expect(run.err).toContain("--fail-on sla: findings present (exit 3)");
  });

  it("shows progress on stderr when it is a terminal, and clears it", async () => {
    const io = captureIO({ HUBSPOT_ACCESS_TOKEN: emulator.token });
    io.stderr.isTTY = true;
    const code = await main(
      ["audit", "--now", SEED_NOW, "--hubspot-base-url", emulator.baseUrl, "--format", "json", "--skip-drift"],
      io,
    );
    expect(code).toBe(0);
    expect(io.err()).toContain("\r\u001b[2KReading HubSpot owners...");
    expect(io.err()).toContain("Reading contacts: 1,000");
    expect(io.err().endsWith("\r\u001b[2K")).toBe(true);
    expect(() => JSON.parse(io.out())).not.toThrow();
  });

  it("never prints the token", async () => {
    const run = await audit(["--format", "markdown"]);
    expect(run.out + run.err).not.toContain(emulator.token);
    expect(JSON.stringify(envelope)).not.toContain(emulator.token);
  });
});

describe("routeops audit of a portal with nothing to report", () => {
  it("exits 0 with every --fail-on check", async () => {
    const empty = await seededPortal(0, 1);
    try {
      const io = captureIO({ HUBSPOT_ACCESS_TOKEN: empty.token });
      const code = await main(
        ["audit", "--now", SEED_NOW, "--hubspot-base-url", empty.baseUrl, "--fail-on", "drift,unclassified,sla"],
        io,
      );
      expect(io.err()).toBe("");
      expect(code).toBe(0);
    } finally {
      await empty.close();
    }
  });

  it("says what went wrong when HubSpot refuses the token, without printing it", async () => {
    const empty = await seededPortal(0, 1);
    try {
      const io = captureIO({ HUBSPOT_ACCESS_TOKEN: "pat-wrong-token-0123456789" });
      const code = await main(["audit", "--now", SEED_NOW, "--hubspot-base-url", empty.baseUrl], io);
      expect(code).toBe(1);
      expect(io.err()).toMatch(/^routeops audit: HubSpot GET \S+ failed \(HTTP 401/m);
      expect(io.err()).not.toContain("HubSpot: HubSpot");
      expect(io.err()).not.toContain("pat-wrong-token-0123456789");
    } finally {
      await empty.close();
    }
  });
});
