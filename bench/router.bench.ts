/**
 * The router's speed and cost, on the emulator with HubSpot's rate limits on (190 requests per
 * 10 s, search 5 per second), `routeops router` running as its own process (its memory measured
 * alone) on a fresh embedded database:
 *
 * 1. latency with webhooks: leads arrive one by one (ROUTER_BENCH_RATE per second,
 *    ROUTER_BENCH_LATENCY_LEADS of them); the emulator delivers the signed `contact.propertyChange`
 *    webhook; time from the routing request (the stamp) to the owner written (the contact update
 *    that writes the owner and routed-at), p50 and p99;
 * 2. the same with polling only (no webhook subscription; the reconciliation poll every
 *    ROUTER_BENCH_POLL_MS, default 5,000 as the router's default);
 * 3. a burst: ROUTER_BENCH_BURST leads (default 10,000) stamped at once, webhooks on: total time
 *    until every lead is routed, HubSpot calls per 100 leads against the floor of batch calls
 *    (one contacts batch read, one contacts batch update per 100 leads, one tasks batch create per
 *    100 tasks; the target is within 1.1x of it), 429 answers, and the router's peak memory (RSS).
 *
 * `npm run bench -- router.bench`. Smaller runs: ROUTER_BENCH_BURST=2000 ROUTER_BENCH_LATENCY_LEADS=40;
 * ROUTER_BENCH_ONLY=latency|burst runs only those phases.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { MANAGED_GROUP, MANAGED_PROPERTIES as M } from "../src/deploy/managed-names";
import { managedProperties } from "../src/deploy/compile/properties";
import { seedFromRouting, startEmulator, type RunningEmulator } from "../src/emulator";
import { loadAndValidate } from "../src/files/config-loader";
import { openDatabase } from "../src/router";

const LATENCY_LEADS = Number(process.env.ROUTER_BENCH_LATENCY_LEADS ?? 100);
const RATE = Number(process.env.ROUTER_BENCH_RATE ?? 5);
const POLL_MS = Number(process.env.ROUTER_BENCH_POLL_MS ?? 5000);
const BURST = Number(process.env.ROUTER_BENCH_BURST ?? 10_000);
/** `latency` or `burst` runs only those phases. */
const ONLY = process.env.ROUTER_BENCH_ONLY;
const repoRoot = path.resolve(__dirname, "..");
/** The reference organisation, laid out like an adopter's repository (the product never reads routing/). */
const REFERENCE = path.join(repoRoot, "test", "reference");
const COUNTRIES = ["Germany", "France", "Spain", "US", "Canada", "Japan", "United Kingdom", "Brazil"];
const FORMS = ["demo-request", "contact-us", "ebook-guide", "newsletter"];
const WEBHOOK_PATH = "/webhooks/hubspot";
const BATCH = 100;

const loaded = loadAndValidate("routing/index.ts", { cwd: REFERENCE });
if (!loaded.config) throw new Error("test/reference/routing/ does not validate");
const config = loaded.config;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Peak resident memory of a process (Linux `VmHWM`), MiB; null where /proc is not there. */
function peakRssMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

interface Phase {
  emulator: RunningEmulator;
  router: ChildProcess;
  /** Wall time each contact's routing was written (routed-at set), by contact id. */
  written: Map<string, number>;
  /** Wall time each lead was stamped, by contact id. */
  stamped: Map<string, number>;
  routerErr: () => string;
  stop(): Promise<void>;
}

/** Emulator (rate limits on, webhooks to the router when asked) and the router as a child process. */
async function startPhase(template: string, webhooks: boolean): Promise<Phase> {
  const port = await freePort();
  const secret = randomBytes(16).toString("hex");
  const emulator = await startEmulator({
    rateLimits: {},
    ...(webhooks
      ? { webhooks: { targetUrl: `http://127.0.0.1:${port}${WEBHOOK_PATH}`, secret, properties: [M.routeRequestedAt] } }
      : {}),
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
  const written = new Map<string, number>();
  emulator.portal.onPropertyChange((change) => {
    if (change.objectType === "contacts" && change.property === M.routedAt && change.value)
      written.set(change.objectId, Date.now());
  });
  const work = mkdtempSync(path.join(os.tmpdir(), "routeops-router-bench-"));
  cpSync(template, path.join(work, "db"), { recursive: true });
  const router = spawn(
    process.execPath,
    [
      path.join(repoRoot, "bin", "routeops.js"),
      "router",
      "--config",
      "routing/index.ts",
      "--data-dir",
      path.join(work, "db"),
      "--hubspot-base-url",
      emulator.baseUrl,
      "--port",
      String(port),
      "--poll-interval",
      String(POLL_MS),
    ],
    {
      cwd: REFERENCE,
      env: {
        ...process.env,
        HUBSPOT_ACCESS_TOKEN: emulator.token,
        ...(webhooks ? { ROUTEOPS_WEBHOOK_SECRET: secret } : { ROUTEOPS_WEBHOOK_SECRET: "" }),
        DATABASE_URL: "",
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let err = "";
  router.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  // Ready when it answers /readyz (it reads the owners and opens the database first).
  for (let i = 0; ; i++) {
    if (router.exitCode !== null) throw new Error(`the router exited (${router.exitCode}): ${err.slice(0, 2000)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 1200) throw new Error(`the router did not become ready in 10 minutes: ${err.slice(0, 2000)}`);
    await sleep(500);
  }
  return {
    emulator,
    router,
    written,
    stamped: new Map(),
    routerErr: () => err,
    async stop() {
      const exited = new Promise((resolve) => router.once("exit", resolve));
      router.kill("SIGTERM");
      await exited;
      await emulator.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Creates a lead as the capture workflows leave it (facts, stamp = now, pending). */
function stampLead(phase: Phase, i: number, at: number): string {
  const country = COUNTRIES[i % COUNTRIES.length]!;
  const properties: Record<string, string> = {
    email: `lead${i}@bench.test`,
    country,
    [M.eventKind]: "form_submission",
    [M.eventFormId]: FORMS[i % FORMS.length]!,
    [M.routeRequestedAt]: new Date(at).toISOString(),
    [M.routingPending]: "true",
  };
  if (country === "US") properties.state = i % 2 ? "CA" : "NY";
  const id = phase.emulator.portal.contacts.create(properties, at, "api").id;
  phase.stamped.set(id, at);
  return id;
}

async function waitRouted(phase: Phase, ids: string[], deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (ids.some((id) => !phase.written.has(id))) {
    if (phase.router.exitCode !== null)
      throw new Error(`the router exited (${phase.router.exitCode}): ${phase.routerErr().slice(0, 2000)}`);
    if (Date.now() > until) {
      const missing = ids.filter((id) => !phase.written.has(id)).length;
      throw new Error(`${missing} of ${ids.length} leads not routed after ${deadlineMs / 1000} s`);
    }
    await sleep(20);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

async function latency(template: string, webhooks: boolean): Promise<string> {
  const phase = await startPhase(template, webhooks);
  const loadBefore = load();
  const ids: string[] = [];
  for (let i = 0; i < LATENCY_LEADS; i++) {
    ids.push(stampLead(phase, i, Date.now()));
    await sleep(1000 / RATE);
  }
  await waitRouted(phase, ids, 10 * 60_000);
  const times = ids.map((id) => phase.written.get(id)! - phase.stamped.get(id)!).sort((a, b) => a - b);
  const limited = phase.emulator.requests.limited().length;
  await phase.stop();
  return (
    `  ${webhooks ? "webhooks     " : "polling only "} ${LATENCY_LEADS} leads at ${RATE}/s: request -> owner written ` +
    `p50 ${percentile(times, 50)} ms, p99 ${percentile(times, 99)} ms, max ${times.at(-1)} ms; 429s ${limited}` +
    `${webhooks ? "" : ` (poll every ${POLL_MS} ms)`}   load ${loadBefore} -> ${load()}`
  );
}

async function burst(template: string): Promise<string[]> {
  const phase = await startPhase(template, true);
  const loadBefore = load();
  const callsBefore = phase.emulator.requests.count();
  const started = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < BURST; i++) ids.push(stampLead(phase, i, started));
  await waitRouted(phase, ids, 60 * 60_000);
  const total = Date.now() - started;
  const memory = peakRssMiB(phase.router.pid);
  // Tasks are written after the contact update: wait until the router has no open write left.
  const settleUntil = Date.now() + 5 * 60_000;
  let tasks = phase.emulator.portal.tasks.size;
  for (;;) {
    await sleep(1000);
    const now = phase.emulator.portal.tasks.size;
    if (now === tasks || Date.now() > settleUntil) break;
    tasks = now;
  }
  const entries = phase.emulator.requests.entries.slice(callsBefore);
  const byEndpoint = new Map<string, number>();
  for (const e of entries) byEndpoint.set(e.endpoint, (byEndpoint.get(e.endpoint) ?? 0) + 1);
  const limited = entries.filter((e) => e.rateLimit.verdict === "limited").length;
  // The config matches leads to accounts by email domain: one companies search per 100 leads
  // (100 domains per IN filter) is then part of the floor too.
  const accountLookups = byEndpoint.has("POST /crm/v3/objects/companies/search") ? Math.ceil(BURST / BATCH) : 0;
  const floor = 2 * Math.ceil(BURST / BATCH) + Math.ceil(tasks / BATCH) + accountLookups;
  const calls = entries.length;
  const loadAfter = load();
  await phase.stop();
  const per100 = (n: number) => ((n / BURST) * 100).toFixed(2);
  return [
    `  burst of ${BURST} leads, webhooks on: all routed (owner written) in ${(total / 1000).toFixed(1)} s ` +
      `(${((BURST / total) * 1000).toFixed(0)} leads/s); ${tasks} SLA tasks`,
    `  HubSpot calls: ${calls} = ${per100(calls)} per 100 leads; floor ${floor} = ${per100(floor)} per 100 ` +
      `(contacts read + update${accountLookups ? " + account search" : ""} per 100 leads, task create per 100 tasks); ` +
      `ratio ${(calls / floor).toFixed(3)}x ` +
      `(target <= 1.1x: ${calls <= floor * 1.1 ? "met" : "NOT met"}); 429s ${limited}`,
    `  by endpoint: ${[...byEndpoint]
      .sort((a, b) => b[1] - a[1])
      .map(([endpoint, n]) => `${endpoint} ${n}`)
      .join("; ")}`,
    `  router peak memory (RSS): ${memory === null ? "n/a" : `${memory.toFixed(0)} MiB`}   load ${loadBefore} -> ${loadAfter}`,
  ];
}

async function main(): Promise<void> {
  const started = Date.now();
  // One migrated database folder, copied for each phase (a first start runs initdb: slow).
  const template = mkdtempSync(path.join(os.tmpdir(), "routeops-router-bench-template-"));
  await (await openDatabase({ dataDir: template })).close();
  const lines = [`router: reference organisation, emulator with HubSpot's rate limits, embedded database`];
  if (ONLY !== "burst") {
    lines.push(await latency(template, true));
    lines.push(await latency(template, false));
  }
  if (ONLY !== "latency") lines.push(...(await burst(template)));
  lines.push(`  bench total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  rmSync(template, { recursive: true, force: true });
  process.stdout.write(lines.join("\n") + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
