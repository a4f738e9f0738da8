/**
 * Bench: `routeops deploy` of the reference organisation to an empty emulated portal (seeded with
 * the reference owners), then `routeops plan` of the deployed portal (no changes), with the
 * emulator's HubSpot rate limits on (190 requests per rolling 10 s). Prints the API calls by
 * endpoint, the 429s the emulator answered and the wall time of each command.
 *
 * Targets: a plan (empty portal, or no changes) in at most 8 API calls; the deploy's properties
 * created in batches (ceil(properties / 100) batch requests, no single creates); the deploy in at
 * most 8 reads plus one group create, the batches, and a create and an enable per workflow; no 429.
 */
import routing from "../test/reference/routing";
import { main } from "../src/cli/main";
import { desiredState, type OwnerDirectory } from "../src/deploy";
import { seedFromRouting, startEmulator, type RunningEmulator } from "../src/emulator";

const AT = "2026-03-02";
const PLAN_CALL_TARGET = 8;
const BATCH = 100;

interface Measured {
  code: number;
  seconds: number;
  calls: number;
  byEndpoint: Record<string, number>;
  limited: number;
  err: string;
}

async function measure(emulator: RunningEmulator, argv: string[]): Promise<Measured> {
  const before = emulator.requests.entries.length;
  let err = "";
  const started = performance.now();
  const code = await main([...argv, "--at", AT, "--hubspot-base-url", emulator.baseUrl], {
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => (err += chunk) },
    env: { HUBSPOT_ACCESS_TOKEN: emulator.token },
    cwd: process.cwd(),
  });
  const seconds = (performance.now() - started) / 1000;
  const seen = emulator.requests.entries.slice(before);
  const byEndpoint: Record<string, number> = {};
  for (const entry of seen) byEndpoint[entry.endpoint] = (byEndpoint[entry.endpoint] ?? 0) + 1;
  const limited = seen.filter((entry) => entry.rateLimit.verdict === "limited").length;
  return { code, seconds, calls: seen.length, byEndpoint, limited, err };
}

function row(name: string, value: string, target: string, ok: boolean | null): boolean {
  const verdict = ok === null ? "" : ok ? "  ok" : "  MISSED";
  process.stdout.write(`${name.padEnd(34)} ${value.padStart(10)}   ${target}${verdict}\n`);
  return ok !== false;
}

async function run(): Promise<void> {
  const emulator = await startEmulator({ seed: seedFromRouting(routing, { contacts: 0 }) });
  try {
    const owners: OwnerDirectory = emulator.portal.owners
      .dump()
      .map((owner) => ({ id: owner.id, email: owner.email, archived: owner.archived }));
    const compiled = desiredState(routing, { owners, at: Date.parse(`${AT}T12:00:00Z`) });
    if ("errors" in compiled) throw new Error(compiled.errors.map((error) => error.message).join("; "));
    const properties = compiled.state.properties.length;
    const flows = compiled.state.flows.length;

    // The first command pays for loading modules; its own figures are those of a plan of an empty portal.
    const empty = await measure(emulator, ["plan"]);
    if (empty.code !== 0) throw new Error(`plan failed (exit ${empty.code}): ${empty.err.trim()}`);
    const first = await measure(emulator, ["deploy"]);
    if (first.code !== 0) throw new Error(`deploy failed (exit ${first.code}): ${first.err.trim()}`);
    const noChange = await measure(emulator, ["plan", "--detailed-exitcode"]);
    if (noChange.code !== 0) throw new Error(`the plan after the deploy is not "No changes" (exit ${noChange.code})`);

    const batches = first.byEndpoint["POST /crm/v3/properties/contacts/batch/create"] ?? 0;
    const singles = first.byEndpoint["POST /crm/v3/properties/contacts"] ?? 0;
    const writes = 1 + Math.ceil(properties / BATCH) + 2 * flows;
    const floor = PLAN_CALL_TARGET + writes;

    process.stdout.write(
      `Reference organisation: ${properties} properties, ${flows} workflows; emulator limits 190 per 10 s.\n\n`,
    );
    process.stdout.write("deploy from an empty portal, API calls by endpoint:\n");
    for (const [endpoint, count] of Object.entries(first.byEndpoint).sort()) {
      process.stdout.write(`  ${endpoint.padEnd(52)} ${count}\n`);
    }
    process.stdout.write("\nno-change plan, API calls by endpoint:\n");
    for (const [endpoint, count] of Object.entries(noChange.byEndpoint).sort()) {
      process.stdout.write(`  ${endpoint.padEnd(52)} ${count}\n`);
    }
    process.stdout.write("\n");
    const results = [
      row(
        "no-change plan: API calls",
        `${noChange.calls}`,
        `<= ${PLAN_CALL_TARGET}`,
        noChange.calls <= PLAN_CALL_TARGET,
      ),
      row("no-change plan: wall time", `${noChange.seconds.toFixed(2)} s`, "", null),
      row("empty-portal plan: API calls", `${empty.calls}`, `<= ${PLAN_CALL_TARGET}`, empty.calls <= PLAN_CALL_TARGET),
      row("empty-portal plan: wall time", `${empty.seconds.toFixed(2)} s`, "(first command: loads the modules)", null),
      row(
        "deploy: API calls",
        `${first.calls}`,
        `<= ${floor} (${PLAN_CALL_TARGET} reads, group, batches, create + enable per workflow)`,
        first.calls <= floor,
      ),
      row(
        "deploy: property batch creates",
        `${batches}`,
        `${Math.ceil(properties / BATCH)} for ${properties} properties, 0 single creates (${singles})`,
        batches === Math.ceil(properties / BATCH) && singles === 0,
      ),
      row("deploy: wall time", `${first.seconds.toFixed(2)} s`, "", null),
      row(
        "429 answers",
        `${empty.limited + first.limited + noChange.limited}`,
        "0",
        empty.limited + first.limited + noChange.limited === 0,
      ),
    ];
    if (results.includes(false)) process.exitCode = 1;
  } finally {
    await emulator.close();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`deploy bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
