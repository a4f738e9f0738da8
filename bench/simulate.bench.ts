/**
 * Impact simulation speed: 100,000 contacts replayed through the reference config and a changed
 * one (a new rule, other pool weights, a shorter SLA), in a pull request's time. Target: under
 * 10 s for the whole `routeops simulate` process on a 2-core machine.
 *
 * Figures: the core alone (contacts generated beforehand; CPU and wall-clock), the core with the
 * generator streaming into it (what `--contacts generated:N` does), and the CLI as a user runs it,
 * process start included, with generated contacts and with a JSON Lines export of 100,000 lines.
 * The heap is measured after 10,000 and after 100,000 contacts: streaming keeps it flat.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import config from "../test/reference/routing";
import type { RoutingConfig } from "../src/config";
import { compileRouting } from "../src/engine";
import { generateRouteInputList, generateRouteInputs } from "../src/sample";
import { simulate, type SimulationReport } from "../src/simulate";

const ROOT = path.join(__dirname, "..");
/** The reference organisation, laid out like an adopter's repository (routing/, test/fixtures/). */
const REFERENCE = path.join(ROOT, "test", "reference");
const TOTAL = 100_000;
const TARGET_MS = 10_000;
const WINDOW = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2027-01-01T00:00:00Z") };

const HEAD_CHANGE = `
head.version = "2026.11.2";
head.pools[0].members = [{ rep: "ava.reed@acme.test", weight: 1 }, { rep: "dan.kim@acme.test", weight: 1 }];
head.systems.inbound.rules.splice(1, 0, {
  id: "inbound-emea-enterprise",
  when: { territory: ["emea"], segment: ["enterprise"] },
  outcome: { type: "queue", queue: "routing-desk" },
  sla: "inbound-high",
  notification: "urgent",
});
head.slaPolicies.find((p) => p.id === "inbound-standard").target = { unit: "business_hours", amount: 2 };
`;

function headConfig(): RoutingConfig {
  const head = structuredClone(config);
  new Function("head", HEAD_CHANGE)(head);
  return head;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

function timed<T>(work: () => T): { result: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, ms, cpuMs: (used.user + used.system) / 1000 };
}

const base = compileRouting(config);
const head = compileRouting(headConfig());

// The core alone: contacts generated beforehand, outside the timing.
const inputs = generateRouteInputList(config, { seed: 7, count: TOTAL, ...WINDOW });
const core = timed(() => simulate(base, head, inputs, { examples: 3 }));

// The core with the generator streaming into it, and the heap after 10,000 and 100,000 contacts.
const heapBefore = heapMb();
const small = simulate(base, head, generateRouteInputs(config, { seed: 8, count: 10_000, ...WINDOW }), { examples: 3 });
const heapSmall = heapMb() - heapBefore;
const streamed = timed(() => simulate(base, head, generateRouteInputs(config, { seed: 9, count: TOTAL, ...WINDOW })));
const heapLarge = heapMb() - heapBefore;

// The CLI, as a user runs it: a head config module, generated contacts, then a JSON Lines export.
const dir = mkdtempSync(path.join(os.tmpdir(), "routeops-simulate-bench-"));
const headFile = path.join(dir, "head.ts");
writeFileSync(
  headFile,
  `import base from ${JSON.stringify(path.join(REFERENCE, "routing"))};\nconst head: any = structuredClone(base);\n${HEAD_CHANGE}\nexport default head;\n`,
);
const jsonl = path.join(dir, "contacts.jsonl");
writeFileSync(
  jsonl,
  inputs
    .map((input) =>
      JSON.stringify({
        ...input,
        at: new Date(input.at).toISOString(),
        contact: {
          ...input.contact,
          ...(input.contact.history
            ? { history: input.contact.history.map((t) => ({ ...t, at: new Date(t.at).toISOString() })) }
            : {}),
        },
      }),
    )
    .join("\n") + "\n",
);

function cli(contacts: string): { ms: number; report: { contacts: { count: number }; changed: number } } {
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin/routeops.js"), "simulate", "--config", headFile, "--base", "routing/index.ts"].concat([
      "--contacts",
      contacts,
      "--format",
      "json",
    ]),
    { cwd: REFERENCE, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`routeops simulate failed (${run.status}): ${run.stderr}`);
  return { ms, report: JSON.parse(run.stdout) };
}

let generatedCli: ReturnType<typeof cli>;
let jsonlCli: ReturnType<typeof cli>;
try {
  generatedCli = cli(`generated:${TOTAL}:9`);
  jsonlCli = cli(jsonl);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const describe = (r: { ms: number; cpuMs: number; result: SimulationReport }) =>
  `${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU, ` +
  `${fmt((r.result.contacts / r.ms) * 1000)} contacts/s; ${fmt(r.result.changed)} decisions change`;
const met = (ms: number) => (ms < TARGET_MS ? "met" : "NOT MET");
const lines = [
  `impact simulation: ${fmt(TOTAL)} contacts through the reference config and a changed one (trace off, 3 examples traced)`,
  `  core, contacts in memory      ${describe(core)}`,
  `  core + generator (streaming)  ${describe(streamed)}`,
  `  heap after 10,000 / 100,000   ${small.contacts ? heapSmall.toFixed(1) : "?"} MB / ${heapLarge.toFixed(1)} MB above the start (no decision kept)`,
  `  ${`CLI, generated:${TOTAL}`.padEnd(30)}${(generatedCli.ms / 1000).toFixed(2)} s wall, process start included (${fmt(generatedCli.report.changed)} change)`,
  `  CLI, 100,000-line .jsonl      ${(jsonlCli.ms / 1000).toFixed(2)} s wall, process start included (${fmt(jsonlCli.report.changed)} change)`,
  `  target                        whole CLI run < ${TARGET_MS / 1000} s: generated ${met(generatedCli.ms)}, JSON Lines ${met(jsonlCli.ms)}`,
];
process.stdout.write(lines.join("\n") + "\n");
if (generatedCli.ms >= TARGET_MS || jsonlCli.ms >= TARGET_MS) process.exitCode = 1;
