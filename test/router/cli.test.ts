import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { captureIO } from "../support/cli-io";
import { bench, createLead, pgliteFolder } from "./support";

const T0 = Date.parse("2026-03-03T15:00:00Z");

describe("routeops router --once and routeops why", () => {
  it("routes what is pending and exits; why explains the lead from the decision log; no secret is printed", async () => {
    const b = await bench();
    const id = createLead(b, { email: "cli@lead.test", country: "Germany", formId: "demo-request", requestedAt: T0 });
    const dataDir = await pgliteFolder();
    const env = { HUBSPOT_ACCESS_TOKEN: b.emulator.token, ROUTEOPS_WEBHOOK_SECRET: "whsec-never-printed" };
    const io = captureIO(env);
    const code = await main(["router", "--once", "--data-dir", dataDir, "--hubspot-base-url", b.emulator.baseUrl], io);
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    expect(io.out()).toMatch(/^Routed 1 leads \(1 pending requests found, 1 decided/);
    expect(b.emulator.portal.contacts.get(id)!.properties.hubspot_owner_id).toBeTruthy();

    const why = captureIO({});
    expect(await main(["why", "cli@lead.test", "--data-dir", dataDir], why)).toBe(0);
    expect(why.out()).toContain(`Contact ${id} (cli@lead.test)`);
    expect(why.out()).toContain(`with config ${b.config.version}`);
    expect(why.out()).toMatch(/written to HubSpot/);
    const json = captureIO({});
    expect(await main(["why", id, "--data-dir", dataDir, "--format", "json"], json)).toBe(0);
    expect(JSON.parse(json.out()).decisions[0].contactId).toBe(id);
    for (const text of [io.out(), why.out(), json.out()]) {
      expect(text).not.toContain(b.emulator.token);
      expect(text).not.toContain("whsec-never-printed");
    }
    const none = captureIO({});
    expect(await main(["why", "nobody@lead.test", "--data-dir", dataDir], none)).toBe(1);
    expect(none.out()).toBe("No routing of nobody@lead.test in the decision log.\n");
  });

  it("refuses to start without a token, and says so", async () => {
    const io = captureIO({});
    expect(await main(["router", "--once"], io)).toBe(2);
    expect(io.err()).toContain("set HUBSPOT_ACCESS_TOKEN to a private app token");
  });

  it("a DATABASE_URL that cannot be reached is reported without the URL's password", async () => {
    const b = await bench();
    const io = captureIO({
      HUBSPOT_ACCESS_TOKEN: b.emulator.token,
      DATABASE_URL: "postgres://router:s3cret-pass@127.0.0.1:1/routeops",
    });
    expect(await main(["router", "--once", "--hubspot-base-url", b.emulator.baseUrl], io)).toBe(1);
    expect(io.err()).toMatch(/^routeops router: Could not connect to PostgreSQL \(DATABASE_URL\)/);
    expect(io.err()).not.toContain("s3cret-pass");
  });

  it("why refuses a --data-dir that holds no router database, and creates none there", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "routeops-why-"));
    const missing = path.join(parent, "router-db-typo");
    const io = captureIO({});
    expect(await main(["why", "cli@lead.test", "--data-dir", missing], io)).toBe(1);
    expect(io.err()).toBe(
      `routeops why: the router database folder ${missing} does not exist; expected the folder \`routeops router --data-dir\` writes (default .routeops/router-db, holding PG_VERSION), or DATABASE_URL for PostgreSQL\n`,
    );
    expect(existsSync(missing)).toBe(false);
    const file = path.join(parent, "a-file");
    writeFileSync(file, "not a database");
    const onFile = captureIO({});
    expect(await main(["why", "cli@lead.test", "--data-dir", file], onFile)).toBe(1);
    expect(onFile.err()).toContain(`${file} is a file, not a router database folder`);
    const empty = captureIO({});
    expect(await main(["why", "cli@lead.test", "--data-dir", parent], empty)).toBe(1);
    expect(empty.err()).toContain(`${parent} holds no router database`);
    expect(existsSync(path.join(parent, "PG_VERSION"))).toBe(false);
  });
});
