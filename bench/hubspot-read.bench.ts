/**
 * Bench: reading contacts through the HubSpot adapter from a seeded emulator with HubSpot's rate
 * limits on (190 requests per rolling 10 s, 5 searches per second), for portals of 10,000 and
 * 100,000 contacts: every contact, and the contacts created in a recent window (the newest 10%).
 *
 * For each read it prints the access path the adapter chose, the API calls used and the wall
 * time, each against the floor HubSpot's limits set for that path:
 *   list:   ceil(N / 100) requests at 19 per second (190 per 10 s)
 *   search: ceil(K / 200) requests at 5 per second
 * and the floor of the other path, to show the faster one was chosen where both can answer.
 *
 * The emulator runs in a child process, so that its work does not slow the adapter's process.
 * `HUBSPOT_READ_BENCH_SIZES=10000` runs only the given portal sizes.
 *
 * Targets: API calls within 1.05x of the floor, wall time within 1.2x, the faster path chosen.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { createHubSpotAdapter, type ReadContactsOptions } from "../src/hubspot";

const SIZES = (process.env.HUBSPOT_READ_BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const ROOT = path.join(__dirname, "..");
const SEED_NOW = "2026-11-27T12:00:00Z";
const RECENT_SHARE = 0.1;
const LIST = { perPage: 100, perSecond: 19 };
const SEARCH = { perPage: 200, perSecond: 5 };
const CALL_TARGET = 1.05;
const TIME_TARGET = 1.2;

interface EmulatorProcess {
  child: ChildProcess;
  baseUrl: string;
  token: string;
  /** Epoch ms from which the newest RECENT_SHARE of contacts were created, and how many they are. */
  recentFrom: number;
  recentCount: number;
}

/** A seeded emulator (reference organisation's reps) in its own process. */
function startEmulatorProcess(contacts: number): Promise<EmulatorProcess> {
  const code = `
    const routing = require(${JSON.stringify(path.join(ROOT, "test/reference/routing/index.ts"))}).default;
    const { startEmulator } = require(${JSON.stringify(path.join(ROOT, "src/emulator"))});
    const reps = routing.reps.map((rep) => {
      const [firstName, ...rest] = rep.name.split(" ");
      return { email: rep.email, firstName, lastName: rest.join(" "), active: rep.active !== false };
    });
    startEmulator({ seed: { reps, contacts: ${contacts}, seed: 11, now: Date.parse(${JSON.stringify(SEED_NOW)}) } })
      .then((emulator) => {
        const created = [...emulator.portal.contacts.all()].map((c) => c.createdAt).sort((a, b) => a - b);
        const recentFrom = created[Math.floor(created.length * (1 - ${RECENT_SHARE}))];
        const recentCount = created.filter((at) => at >= recentFrom).length;
        process.stdout.write(JSON.stringify({ baseUrl: emulator.baseUrl, token: emulator.token, recentFrom, recentCount }) + "\\n");
        process.stdin.on("end", () => emulator.close().then(() => process.exit(0)));
        process.stdin.resume();
      }, (error) => { process.stderr.write(String(error && error.stack || error) + "\\n"); process.exit(1); });
  `;
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", code], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_COMPILER_OPTIONS: '{"module":"commonjs","moduleResolution":"node10"}' },
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve({ child, ...(JSON.parse(line) as Omit<EmulatorProcess, "child">) }));
    child.once("exit", (status) => reject(new Error(`the emulator process exited (${status}) before listening`)));
  });
}

/** Clears the emulator's rate-limit windows, so that every read starts from a fresh window. */
async function resetEmulator(emulator: EmulatorProcess): Promise<void> {
  const response = await fetch(`${emulator.baseUrl}/_emulator/reset`, {
    method: "POST",
    headers: { authorization: `Bearer ${emulator.token}` },
  });
  if (!response.ok) throw new Error(`emulator reset answered ${response.status}`);
}

function floorOf(path: "list" | "search", contacts: number) {
  const limits = path === "list" ? LIST : SEARCH;
  const calls = Math.max(1, Math.ceil(contacts / limits.perPage));
  return { calls, seconds: calls / limits.perSecond };
}

interface Row {
  portal: number;
  read: string;
  path: string;
  contacts: number;
  calls: number;
  floorCalls: number;
  seconds: number;
  floorSeconds: number;
  otherSeconds: number;
  /** Median time of one request, as the adapter saw it. */
  latencyMs: number;
  ok: { contacts: boolean; calls: boolean; time: boolean; path: boolean };
}

async function measure(
  emulator: EmulatorProcess,
  portal: number,
  read: string,
  options: ReadContactsOptions,
  expected: number,
): Promise<Row> {
  await resetEmulator(emulator);
  const latencies: number[] = [];
  const hubspot = createHubSpotAdapter({
    accessToken: emulator.token,
    baseUrl: emulator.baseUrl,
    onRequest: (info) => latencies.push(info.durationMs),
  });
  const started = performance.now();
  const result = await hubspot.readContacts({ ...options, properties: ["email", "hubspot_owner_id", "country"] });
  const seen = new Set<string>();
  for await (const contact of result.contacts) seen.add(contact.id);
  const seconds = (performance.now() - started) / 1000;
  const floor = floorOf(result.path, result.path === "list" ? portal : expected);
  const other = floorOf(result.path === "list" ? "search" : "list", result.path === "list" ? expected : portal);
  const calls = hubspot.requests.count();
  latencies.sort((a, b) => a - b);
  return {
    latencyMs: latencies[Math.floor(latencies.length / 2)] ?? 0,
    portal,
    read,
    path: result.path,
    contacts: seen.size,
    calls,
    floorCalls: floor.calls,
    seconds,
    floorSeconds: floor.seconds,
    otherSeconds: other.seconds,
    ok: {
      contacts: seen.size === expected,
      calls: calls <= floor.calls * CALL_TARGET,
      time: seconds <= floor.seconds * TIME_TARGET,
      path: floor.seconds <= other.seconds,
    },
  };
}

function print(rows: Row[]): void {
  const header = [
    "portal",
    "read",
    "path",
    "contacts",
    "calls",
    "floor",
    "ratio",
    "wall s",
    "floor s",
    "ratio",
    "other path s",
    "p50 request ms",
    "targets",
  ];
  const lines = rows.map((row) => {
    const missed = Object.entries(row.ok)
      .filter(([, ok]) => !ok)
      .map(([name]) => name);
    return [
      row.portal.toLocaleString("en-US"),
      row.read,
      row.path,
      row.contacts.toLocaleString("en-US"),
      String(row.calls),
      String(row.floorCalls),
      (row.calls / row.floorCalls).toFixed(3),
      row.seconds.toFixed(1),
      row.floorSeconds.toFixed(1),
      (row.seconds / row.floorSeconds).toFixed(3),
      row.otherSeconds.toFixed(1),
      row.latencyMs.toFixed(0),
      missed.length === 0 ? "ok" : `MISSED: ${missed.join(", ")}`,
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column]!)).join("  ");
  process.stdout.write(`${format(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}\n`);
  for (const line of lines) process.stdout.write(`${format(line)}\n`);
  process.stdout.write(
    `\nFloors: list ceil(N/100) calls at ${LIST.perSecond}/s; search ceil(K/200) calls at ${SEARCH.perSecond}/s. ` +
      `Targets: calls <= ${CALL_TARGET}x floor, wall <= ${TIME_TARGET}x floor, chosen path's floor <= the other's.\n`,
  );
}

async function run(): Promise<void> {
  const rows: Row[] = [];
  for (const size of SIZES) {
    process.stdout.write(`Seeding an emulated portal of ${size.toLocaleString("en-US")} contacts...\n`);
    const emulator = await startEmulatorProcess(size);
    try {
      rows.push(await measure(emulator, size, "all", {}, size));
      const recent = `newest ${RECENT_SHARE * 100}%`;
      rows.push(await measure(emulator, size, recent, { createdAfter: emulator.recentFrom }, emulator.recentCount));
    } finally {
      emulator.child.stdin!.end();
    }
  }
  print(rows);
  if (rows.some((row) => Object.values(row.ok).some((ok) => !ok))) process.exitCode = 1;
}

run().catch((error: unknown) => {
  process.stderr.write(`hubspot-read bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
