/**
 * The router's secrets (the HubSpot token, the webhook secret, the decision endpoint's token and
 * DATABASE_URL with its password) never leave it: `routeops router` runs as a service on a real
 * PostgreSQL server with HubSpot faults (so that it logs retries and failures), takes webhooks
 * (forged ones too), answers /metrics and the decision endpoint, and then `--once` and
 * `routeops why` run; none of what they print, log or answer, and no row of the database (the
 * decision log, the requests, the outbox, the ledger) holds any of the secrets. The router's
 * HubSpot retries wait on a virtual clock and a failed write is retried after 20 ms instead of
 * 2 s (RouterServiceDeps): the faults no longer cost 10 s of real time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { createRouterCommand } from "../../src/cli/commands/router";
import { openDatabase, signWebhookV3 } from "../../src/router";
import { captureIO } from "../support/cli-io";
import { instantTime } from "../support/instant-time";
import { startPostgres, type PostgresServer } from "./postgres-server";
import { bench, createLead } from "./support";

const T0 = Date.parse("2026-03-03T15:00:00Z");
const WEBHOOK_SECRET = "whsec-never-shown-0123456789";
const ROUTER_TOKEN = "decisions-never-shown-9876";
const DB_PASSWORD = "pg-pass-never-shown-4242";

/** The service's HubSpot waits on a clock of its own, and its retries of failed writes come soon. */
function fastRetries() {
  const { now, sleep } = instantTime();
  return { hubspotTime: { now, sleep }, retryDelayMs: 20 };
}

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.stop());

describe("the router's secrets", () => {
  it("appear in no output, log line, metric, HTTP answer or database row, and the service binds 127.0.0.1 by default", async () => {
    const b = await bench({ faults: { rate: 0.5, seed: 21, kinds: ["5xx", "drop"] } });
    const ids = ["a", "b", "c", "d"].map((name, i) =>
      createLead(b, {
        email: `${name}@secret.test`,
        country: i % 2 ? "Germany" : "US",
        state: "CA",
        formId: "demo-request",
        requestedAt: T0 + i,
      }),
    );
    // Trust authentication ignores the password; the router must still never show it.
    const databaseUrl = server.url.replace("://routeops@", `://routeops:${DB_PASSWORD}@`);
    expect(databaseUrl).toContain(DB_PASSWORD);
    const db = await openDatabase({ databaseUrl: server.url });
    await db.query("TRUNCATE outbox, decisions, rotation_ledger, routing_requests RESTART IDENTITY CASCADE");
    const env = {
      HUBSPOT_ACCESS_TOKEN: b.emulator.token,
      ROUTEOPS_WEBHOOK_SECRET: WEBHOOK_SECRET,
      ROUTEOPS_ROUTER_TOKEN: ROUTER_TOKEN,
      DATABASE_URL: databaseUrl,
    };
    const answers: string[] = [];

    // The service: listening with the default host, a forged and a signed webhook, /metrics and
    // the decision endpoint, then stopped.
    const service = captureIO(env);
    let url = "";
    const command = createRouterCommand(async () => {
      url = /listening at (\S+)/.exec(service.out())![1]!;
      const body = JSON.stringify(
        ids.map((id, i) => ({
          eventId: i + 1,
          subscriptionType: "contact.propertyChange",
          objectId: Number(id),
          propertyName: "routeops_route_requested_at",
          propertyValue: String(T0 + i),
          occurredAt: T0 + i,
          attemptNumber: 0,
        })),
      );
      const deliver = async (secret: string) => {
        const timestamp = String(Date.now());
        const response = await fetch(`${url}/webhooks/hubspot`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-hubspot-signature-v3": signWebhookV3(secret, "POST", `${url}/webhooks/hubspot`, body, timestamp),
            "x-hubspot-request-timestamp": timestamp,
          },
          body,
        });
        answers.push(`${response.status} ${await response.text()}`);
        return response.status;
      };
      expect(await deliver("forged-secret-000000")).toBe(401);
      expect(await deliver(WEBHOOK_SECRET)).toBe(200);
      // The service routes in the background; wait for the decisions (faults make it retry).
      for (let i = 0; i < 600; i++) {
        const done = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM routing_requests WHERE status = 'done'",
        );
        if (done.rows[0]!.n === ids.length) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      answers.push(await (await fetch(`${url}/metrics`)).text());
      const decisions = await fetch(`${url}/decisions/a%40secret.test`, {
        headers: { authorization: `Bearer ${ROUTER_TOKEN}` },
      });
      expect(decisions.status).toBe(200);
      answers.push(await decisions.text());
      const refused = await fetch(`${url}/decisions/a%40secret.test`, {
        headers: { authorization: "Bearer wrong-token" },
      });
      answers.push(`${refused.status} ${await refused.text()}`);
    }, fastRetries());
    expect(await command.run(["--port", "0", "--hubspot-base-url", b.emulator.baseUrl], service)).toBe(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // The command itself, as for the service (with the same fast retries): without main's redactor
    // of the HubSpot token, what it prints must hold no secret on its own.
    const once = captureIO(env);
    const onceCommand = createRouterCommand(undefined, fastRetries());
    expect(await onceCommand.run(["--once", "--hubspot-base-url", b.emulator.baseUrl], once)).toBe(0);
    const why = captureIO(env);
    expect(await main(["why", "a@secret.test", "--format", "json"], why)).toBe(0);
    expect(why.out()).toContain("a@secret.test");

    // The faults did happen (so failure paths were logged or retried), and every lead was routed.
    expect(b.emulator.requests.entries.filter((e) => e.fault).length).toBeGreaterThan(0);
    for (const id of ids) expect(b.emulator.portal.contacts.get(id)!.properties.routeops_routing_pending).toBe("false");

    const rows: string[] = [];
    for (const table of ["routing_requests", "decisions", "outbox", "rotation_ledger", "schema_migrations"]) {
      const result = await db.query(`SELECT * FROM ${table}`);
      rows.push(JSON.stringify(result.rows));
    }
    await db.close();
    const everything = [
      service.out(),
      service.err(),
      once.out(),
      once.err(),
      why.out(),
      why.err(),
      ...answers,
      ...rows,
    ];
    expect(rows.join("")).toContain("a@secret.test"); // the scan does look at the decision log
    for (const secret of [b.emulator.token, WEBHOOK_SECRET, ROUTER_TOKEN, DB_PASSWORD, databaseUrl]) {
      for (const text of everything) expect(text).not.toContain(secret);
    }
  });
});
