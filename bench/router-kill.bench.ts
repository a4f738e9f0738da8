/**
 * Exactly once under kill -9: a burst of leads (ROUTER_KILL_LEADS, default 2,000) waits in an
 * emulator portal with HubSpot's rate limits on; `routeops router` runs as a child process and is
 * killed with SIGKILL at ROUTER_KILL_TIMES (default 20) moments while it works (each after a
 * random number of its HubSpot calls), restarted each time, and finally run with `--once` to
 * finish. Then: every lead routed (owner, routing properties, pending cleared), none decided
 * twice, no duplicate task, each contact's owner the one its decision log row names.
 *
 * `npm run bench -- router-kill`. ROUTER_KILL_DB=postgres runs on a throwaway PostgreSQL server
 * (needs Debian's postgresql package) instead of the embedded database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MANAGED_GROUP, MANAGED_PROPERTIES as M } from "../src/deploy/managed-names";
import { managedProperties } from "../src/deploy/compile/properties";
import { seedFromRouting, startEmulator } from "../src/emulator";
import { loadAndValidate } from "../src/files/config-loader";
import { createRandom } from "../src/sample/prng";
import { openDatabase } from "../src/router";
import { startPostgres } from "../test/router/postgres-server";

const LEADS = Number(process.env.ROUTER_KILL_LEADS ?? 2000);
const KILLS = Number(process.env.ROUTER_KILL_TIMES ?? 20);
const USE_POSTGRES = process.env.ROUTER_KILL_DB === "postgres";
const repoRoot = path.resolve(__dirname, "..");
/** The reference organisation, laid out like an adopter's repository (the product never reads routing/). */
const REFERENCE = path.join(repoRoot, "test", "reference");
const COUNTRIES = ["Germany", "France", "Spain", "US", "Canada", "Japan", "United Kingdom", "Brazil"];
const FORMS = ["demo-request", "contact-us", "ebook-guide", "newsletter"];

async function main(): Promise<void> {
  const started = Date.now();
  const loaded = loadAndValidate("routing/index.ts", { cwd: REFERENCE });
  if (!loaded.config) throw new Error("routing/ does not validate");
  const config = loaded.config;
  const emulator = await startEmulator({
    seed: {
      ...seedFromRouting(config, { contacts: 0 }),
      deployed: {
        group: MANAGED_GROUP,
        properties: [
          ...managedProperties(config),
          {
            name: M.routeRequestedAt,
            label: "Routing requested at",
            type: "datetime",
            fieldType: "date",
            groupName: MANAGED_GROUP.name,
            description: "When the capture workflows asked the router to route the contact.",
            hasUniqueValue: false,
            formField: false,
            hidden: false,
          },
        ],
        flows: [],
      },
    },
  });
  const random = createRandom(13);
  const ids: string[] = [];
  const burstAt = Date.now();
  for (let i = 0; i < LEADS; i++) {
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const properties: Record<string, string> = {
      email: `lead${i}@burst.test`,
      country,
      [M.eventKind]: "form_submission",
      [M.eventFormId]: FORMS[random.int(0, FORMS.length - 1)]!,
      [M.routeRequestedAt]: new Date(burstAt + i).toISOString(),
      [M.routingPending]: "true",
    };
    if (country === "US") properties.state = i % 2 ? "CA" : "NY";
    ids.push(emulator.portal.contacts.create(properties, burstAt + i, "api").id);
  }

  const work = mkdtempSync(path.join(os.tmpdir(), "routeops-router-kill-"));
  const postgres = USE_POSTGRES ? await startPostgres() : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUBSPOT_ACCESS_TOKEN: emulator.token,
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
  };
  const common = [
    "--config",
    "routing/index.ts",
    "--data-dir",
    path.join(work, "db"),
    "--hubspot-base-url",
    emulator.baseUrl,
    "--replica-id",
    "router-1",
  ];
  const spawnRouter = (args: string[]): ChildProcess =>
    spawn(process.execPath, [path.join(repoRoot, "bin", "routeops.js"), "router", ...common, ...args], {
      cwd: REFERENCE,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });

  let kills = 0;
  for (let k = 0; k < KILLS; k++) {
    const child = spawnRouter(["--port", "0", "--poll-interval", "200"]);
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const before = emulator.requests.count();
    const calls = random.int(1, 8);
    let gone = false;
    void exited.then(() => (gone = true));
    while (!gone && emulator.requests.count() < before + calls) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, random.int(0, 150)));
    if (!gone) {
      child.kill("SIGKILL");
      kills++;
    }
    await exited;
  }
  const finish = spawnRouter(["--once"]);
  let finishErr = "";
  finish.stderr!.on("data", (chunk: Buffer) => (finishErr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => finish.once("exit", resolve));
  if (code !== 0) throw new Error(`the final --once run failed (${code}): ${finishErr.slice(0, 2000)}`);

  const db = await openDatabase(postgres ? { databaseUrl: postgres.url } : { dataDir: path.join(work, "db") });
  const decisions = await db.query<{ contact_id: string; requested_at: unknown; owner_id: string | null }>(
    "SELECT contact_id, requested_at, owner_id FROM decisions",
  );
  const decidedPer = new Map<string, number>();
  const ownerOf = new Map<string, string | null>();
  for (const row of decisions.rows) {
    decidedPer.set(row.contact_id, (decidedPer.get(row.contact_id) ?? 0) + 1);
    ownerOf.set(row.contact_id, row.owner_id);
  }
  let lost = 0;
  let twice = 0;
  let duplicateTasks = 0;
  let ownerMismatch = 0;
  for (const id of ids) {
    const p = emulator.portal.contacts.get(id)!.properties;
    const routed =
      p[M.routingPending] === "false" &&
      p[M.routedAt] &&
      Date.parse(p[M.routedAt]!) === Date.parse(p[M.routeRequestedAt]!);
    if (!routed || !decidedPer.has(id)) lost++;
    if ((decidedPer.get(id) ?? 0) > 1) twice++;
    if (emulator.portal.tasks.forContact(id).length > 1) duplicateTasks++;
    const expectedOwner = ownerOf.get(id);
    if (expectedOwner && p.hubspot_owner_id !== expectedOwner) ownerMismatch++;
  }
  const taskRows = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM outbox WHERE kind = 'task_create'");
  await db.close();
  postgres?.stop();
  const [load1] = os.loadavg();
  process.stdout.write(
    [
      `router kill -9: ${LEADS} leads, ${kills} kills (SIGKILL at random points of the router's HubSpot calls), database ${postgres ? "PostgreSQL" : "PGlite"}`,
      `  lost: ${lost}   decided twice: ${twice}   duplicate tasks: ${duplicateTasks}   owner differs from the decision log: ${ownerMismatch}`,
      `  tasks: ${emulator.portal.tasks.size} created for ${Number(taskRows.rows[0]!.n)} task writes in the outbox`,
      `  HubSpot requests: ${emulator.requests.count()}   total time ${((Date.now() - started) / 1000).toFixed(1)} s   load average ${load1!.toFixed(1)}`,
    ].join("\n") + "\n",
  );
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
  if (lost || twice || duplicateTasks || ownerMismatch) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
