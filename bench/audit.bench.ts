/**
 * Bench: `routeops audit` of a seeded portal of 100,000 contacts, with the emulator's HubSpot
 * rate limits on (190 requests per rolling 10 s). Prints the API calls and wall time against the
 * floor HubSpot's limits set for the list path (ceil(N/100) contact pages, plus the owner pages
 * and the five reads drift needs, at 19 requests per second), and the peak memory of the audit's
 * process. The portal has routing/ deployed to it, so managed-object drift is compared too.
 *
 * The emulator runs in a child process, so that the memory figures are the audit's own and not
 * the 100,000 records the emulator holds. `AUDIT_BENCH_CONTACTS` changes the portal's size.
 *
 * Targets: API calls and wall time within 1.2x of the floor; peak RSS under 500 MB.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { main } from "../src/cli/main";

const CONTACTS = Number(process.env.AUDIT_BENCH_CONTACTS ?? 100_000);
const ROOT = path.join(__dirname, "..");
/** The seed's "today"; the audit's now and window are pinned to it. */
const SEED_NOW = "2026-11-27T12:00:00Z";
const REQUESTS_PER_SECOND = 19;
const OWNER_PAGES = 2; // active owners, then archived owners: one page each for the reference org
/**
 * Managed-object reads drift needs: the group, properties (active, archived), the flow list, one
 * batch read. (The shared live-state reader also lists action types: one request over the floor.)
 */
const MANAGED_READS = 5;
const TARGET_RATIO = 1.2;
const TARGET_RSS_MB = 500;

/** The emulator, seeded with the reference organisation's reps, in its own process. */
interface EmulatorProcess {
  child: ChildProcess;
  baseUrl: string;
  token: string;
  /** Closes the emulator and returns what it saw of the requests after it was ready. */
  stop(): Promise<{ requests: number; limited: number; pauses: number[] }>;
}

function startEmulatorProcess(): Promise<EmulatorProcess> {
  const code = `
    const routing = require(${JSON.stringify(path.join(ROOT, "test/reference/routing/index.ts"))}).default;
    const { startEmulator } = require(${JSON.stringify(path.join(ROOT, "src/emulator"))});
    const reps = routing.reps.map((rep) => {
      const [firstName, ...rest] = rep.name.split(" ");
      return { email: rep.email, firstName, lastName: rest.join(" "), active: rep.active !== false };
    });
    startEmulator({ seed: { reps, contacts: ${CONTACTS}, seed: 7, now: Date.parse(${JSON.stringify(SEED_NOW)}) } })
      .then(async (emulator) => {
        // Deploy routing/ (group, properties, workflows) as deploy would, so that drift is compared too.
        await require(${JSON.stringify(path.join(ROOT, "test/audit/seeded-portal.ts"))}).deployRouting(emulator);
        // Let the deploy's requests leave the rolling window before the audit starts.
        await new Promise((resolve) => setTimeout(resolve, 10_100));
        process.stdout.write(JSON.stringify({ baseUrl: emulator.baseUrl, token: emulator.token }) + "\\n");
        const before = emulator.requests.entries.length;
        process.stdin.on("end", () => {
          // What the emulator saw of the audit: requests, 429s, and the pauses between requests.
          const seen = emulator.requests.entries.slice(before);
          const pauses = seen.slice(1).map((entry, i) => entry.at - seen[i].at).filter((gap) => gap >= 1000);
          const limited = seen.filter((entry) => entry.rateLimit.verdict === "limited").length;
          process.stdout.write(JSON.stringify({ requests: seen.length, limited, pauses }) + "\\n");
          emulator.close().then(() => process.exit(0));
        });
        process.stdin.resume();
      }, (error) => { process.stderr.write(String(error && error.stack || error) + "\\n"); process.exit(1); });
  `;
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", code], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_COMPILER_OPTIONS: '{"module":"commonjs","moduleResolution":"node10"}' },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const { value, done } = await lines.next();
    if (done) throw new Error("the emulator process exited unexpectedly");
    return value as string;
  };
  return nextLine().then((line) => ({
    child,
    ...(JSON.parse(line) as { baseUrl: string; token: string }),
    async stop() {
      child.stdin!.end();
      return JSON.parse(await nextLine()) as { requests: number; limited: number; pauses: number[] };
    },
  }));
}

function sampleMemory(): { stop(): { rssMb: number; heapMb: number } } {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 25);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { rssMb: rss / 2 ** 20, heapMb: heap / 2 ** 20 };
    },
  };
}

async function run(): Promise<void> {
  process.stdout.write(`Seeding an emulated portal of ${CONTACTS.toLocaleString("en-US")} contacts...\n`);
  const seeding = Date.now();
  const emulator = await startEmulatorProcess();
  process.stdout.write(`Seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s; auditing...\n`);
  (globalThis as { gc?: () => void }).gc?.();
  const baselineMb = process.memoryUsage().rss / 2 ** 20;

  let out = "";
  let err = "";
  const memory = sampleMemory();
  const started = performance.now();
  const code = await main(
    ["audit", "--format", "json", "--now", SEED_NOW, "--since", "30d", "--hubspot-base-url", emulator.baseUrl],
    {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      env: { HUBSPOT_ACCESS_TOKEN: emulator.token },
      cwd: path.join(ROOT, "test", "reference"),
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  const seen = await emulator.stop();

  if (code !== 0 && code !== 3) throw new Error(`the audit failed (exit ${code}): ${err.trim()}`);
  const envelope = JSON.parse(out) as { apiCalls: number; report: { contactsRead: number } };
  const floorCalls = Math.ceil(CONTACTS / 100) + OWNER_PAGES + MANAGED_READS;
  const floorSeconds = floorCalls / REQUESTS_PER_SECOND;
  const callRatio = envelope.apiCalls / floorCalls;
  const timeRatio = seconds / floorSeconds;
  const rows: [string, string, string, boolean][] = [
    [
      "contacts read",
      envelope.report.contactsRead.toLocaleString("en-US"),
      `${CONTACTS}`,
      envelope.report.contactsRead === CONTACTS,
    ],
    [
      "API calls",
      `${envelope.apiCalls}`,
      `floor ${floorCalls}, ratio ${callRatio.toFixed(3)} <= ${TARGET_RATIO}`,
      callRatio <= TARGET_RATIO,
    ],
    [
      "wall time",
      `${seconds.toFixed(1)} s`,
      `floor ${floorSeconds.toFixed(1)} s at ${REQUESTS_PER_SECOND}/s, ratio ${timeRatio.toFixed(3)} <= ${TARGET_RATIO}`,
      timeRatio <= TARGET_RATIO,
    ],
    [
      "peak RSS",
      `${peak.rssMb.toFixed(0)} MB`,
      `< ${TARGET_RSS_MB} MB (baseline ${baselineMb.toFixed(0)} MB)`,
      peak.rssMb < TARGET_RSS_MB,
    ],
    ["peak heap used", `${peak.heapMb.toFixed(0)} MB`, "", true],
    ["429 answers", `${seen.limited}`, "", true],
    ["pauses >= 1 s", `${seen.pauses.length}`, seen.pauses.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", "), true],
  ];
  for (const [name, value, target, ok] of rows) {
    process.stdout.write(
      `${name.padEnd(16)} ${value.padStart(12)}   ${target}${target ? (ok ? "  ok" : "  MISSED") : ""}\n`,
    );
  }
  if (rows.some(([, , , ok]) => !ok)) process.exitCode = 1;
}

run().catch((error: unknown) => {
  process.stderr.write(`audit bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
