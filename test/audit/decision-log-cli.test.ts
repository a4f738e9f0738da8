/**
 * `routeops audit --decision-log` through the CLI entry: a real decision log (the embedded
 * database `routeops router --once` wrote against the emulator) is read back into the fairness
 * and health sections; a bad database folder or a value given to the switch is refused with a
 * message saying what was expected.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { captureIO } from "../support/cli-io";
import { bench, createLead, pgliteFolder, type Bench } from "../router/support";

// Wed 2026-06-17 17:00Z is 13:00 in New York: demo requests go to inbound-ae-na-east.
const T0 = Date.parse("2026-06-17T17:00:00Z");
const LEADS = 6;
const POOL = "inbound-ae-na-east";

async function routedPortal(): Promise<{ b: Bench; dataDir: string; ids: string[]; env: Record<string, string> }> {
  const b = await bench({ start: "2026-06-17T17:00:00Z" });
  const ids = Array.from({ length: LEADS }, (_, i) =>
    createLead(b, {
      email: `lead${i}@audit-log.test`,
      country: "US",
      state: "NY",
      formId: "demo-request",
      requestedAt: T0 + i * 60_000,
    }),
  );
  const dataDir = await pgliteFolder();
  const env = { HUBSPOT_ACCESS_TOKEN: b.emulator.token };
  const io = captureIO(env);
  const code = await main(["router", "--once", "--data-dir", dataDir, "--hubspot-base-url", b.emulator.baseUrl], io);
  expect(io.err()).toBe("");
  expect(code).toBe(0);
  return { b, dataDir, ids, env };
}

const window = ["--from", "2026-06-17", "--to", "2026-06-17", "--now", "2026-06-19T00:00:00Z", "--skip-drift"];

describe("routeops audit --decision-log (CLI)", () => {
  it("prints fairness per pool, SLA per system and time to first touch from the router's decision log", async () => {
    const { b, dataDir, ids, env } = await routedPortal();
    // The first lead is touched 20 minutes after its request, within its 60-minute SLA.
    const first = b.emulator.portal.contacts.get(ids[0]!)!;
    b.emulator.portal.contacts.update(
      first,
      { hs_sa_first_engagement_date: new Date(T0 + 20 * 60_000).toISOString() },
      T0 + 20 * 60_000,
      "api",
    );
    const owners = ids.map((id) => b.emailOfOwner(b.emulator.portal.contacts.get(id)!.properties.hubspot_owner_id));
    const pool = b.config.pools.find((p) => p.id === POOL)!;
    const total = pool.members.reduce((sum, m) => sum + (m.weight ?? 1), 0);

    const io = captureIO(env);
    const args = ["audit", "--decision-log", "--router-data-dir", dataDir, "--hubspot-base-url", b.emulator.baseUrl];
    expect(await main([...args, ...window], io)).toBe(0);
    expect(io.err()).toBe("");
    const text = io.out();
    const section = text.slice(text.indexOf("Routing operations (from the router's decision log)"));
    expect(section).toContain(`${LEADS} lead(s) routed by the router in the window.`);
    expect(section).toMatch(new RegExp(`Pool .*\\(${POOL}\\): ${LEADS} lead\\(s\\)`));
    for (const member of pool.members) {
      const leads = owners.filter((o) => o === member.rep).length;
      const weightShare = `${(((member.weight ?? 1) / total) * 100).toFixed(1)}%`;
      const leadShare = `${((leads / LEADS) * 100).toFixed(1)}%`;
      expect(section).toMatch(
        new RegExp(
          `${member.rep.replace(/\./g, "\\.")}\\s+${weightShare}\\s+${leadShare}\\s+${leads}\\s+0\\s+0\\s+#*\\.*`,
        ),
      );
    }
    // Two days later: one met, the five untouched ones breached, none escalated (no steps ran).
    expect(section).toMatch(/SLA per system\n.*\n\s*-+\n\s+inbound\s+6\s+1\s+5\s+0\s+0\n/);
    expect(section).toMatch(
      /Time to first touch by source type\n.*\n\s*-+\n\s+inbound_demo_request\s+6\s+1\s+20 min\s+20 min\s+5\n/,
    );

    const md = captureIO(env);
    expect(await main([...args, ...window, "--format", "markdown"], md)).toBe(0);
    expect(md.out()).toContain("## Routing operations");
    const json = captureIO(env);
    expect(await main([...args, ...window, "--format", "json"], json)).toBe(0);
    const operations = JSON.parse(json.out()).report.operations;
    expect(operations.leads).toBe(LEADS);
    expect(operations.sla).toEqual([expect.objectContaining({ system: "inbound", leads: 6, met: 1, breached: 5 })]);
  });

  it("refuses a database folder that is missing, a file or not a router database, naming what was expected", async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), "routeops-audit-log-"));
    try {
      const file = path.join(scratch, "decisions.db");
      writeFileSync(file, "not a database");
      const cases: [string, RegExp][] = [
        [
          path.join(scratch, "missing"),
          /the router database folder .*missing does not exist; expected the folder `routeops router --data-dir` writes/,
        ],
        [file, /decisions\.db is a file, not a router database folder; expected/],
        [scratch, /routeops-audit-log-\w+ holds no router database; expected .*PG_VERSION.*or DATABASE_URL/],
      ];
      for (const [dir, message] of cases) {
        const io = captureIO({ HUBSPOT_ACCESS_TOKEN: "pat-x" });
        expect(await main(["audit", "--decision-log", "--router-data-dir", dir, ...window], io)).toBe(2);
        expect(io.err()).toMatch(message);
        expect(io.err()).not.toMatch(/\n\s+at /);
      }
      // Nothing was created where the folder was missing.
      const json = captureIO({ HUBSPOT_ACCESS_TOKEN: "pat-x" });
      const missing = path.join(scratch, "missing");
      expect(
        await main(["audit", "--decision-log", "--router-data-dir", missing, ...window, "--format", "json"], json),
      ).toBe(2);
      expect(JSON.parse(json.out()).error.code).toBe("no_decision_log");
      expect(() => writeFileSync(path.join(missing, "x"), "")).toThrow();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it.each([
    [["--decision-log=yes"], "--decision-log is a switch and takes no value: write --decision-log alone"],
    [["--router-data-dir", "somewhere"], "--router-data-dir needs --decision-log"],
  ])("rejects %j with exit 2 and the usage", async (given, message) => {
    const io = captureIO({ HUBSPOT_ACCESS_TOKEN: "pat-x" });
    expect(await main(["audit", ...given], io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain("Usage: routeops audit");
  });
});
