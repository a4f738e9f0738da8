/**
 * Bench: wall time of `node bin/routeops.js test`, process start included, on the reference
 * fixture suite (target < 2 s) and on 10,000 fixtures generated in a temp folder (target < 5 s).
 * Each figure is the median of a few runs; the fastest run is printed too, since a loaded
 * machine only ever makes runs slower. `FIXTURES_BENCH_RUNS` changes the number of runs.
 *
 * The 10,000 fixtures are the reference suite's, copied under new names until there are 10,000,
 * in 100 files of 100: every one passes, so the figure is that of a green CI run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { loadFixtureSources } from "../src/files/fixture-loader";
import { parseFixtureText } from "../src/fixtures";

const ROOT = path.join(__dirname, "..");
/** The reference organisation, laid out like an adopter's repository (routing/, test/fixtures/). */
const REFERENCE = path.join(ROOT, "test", "reference");
const RUNS = Number(process.env.FIXTURES_BENCH_RUNS ?? 5);
const GENERATED = 10_000;
const PER_FILE = 100;

interface Figure {
  median: number;
  fastest: number;
  summary: string;
}

/** Runs the CLI as a user would, from the repository root, and times the whole process. */
function timeCli(args: string[]): Figure {
  const times: number[] = [];
  let summary = "";
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [path.join(ROOT, "bin", "routeops.js"), "test", ...args], {
      cwd: REFERENCE,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    summary = result.stdout.trimEnd().split("\n").pop() ?? "";
    if (result.status !== 0) {
      throw new Error(`routeops test ${args.join(" ")} exited ${result.status}: ${summary}\n${result.stderr}`);
    }
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] as number, fastest: times[0] as number, summary };
}

function generateFixtures(dir: string): void {
  const reference = loadFixtureSources("test/fixtures", { cwd: REFERENCE })
    .flatMap((source) => parseFixtureText(source).entries)
    .map((entry) => entry.value as { name: string });
  const all = Array.from({ length: GENERATED }, (_, i) => {
    const fixture = reference[i % reference.length] as { name: string };
    return { ...fixture, name: `${fixture.name} (copy ${i})` };
  });
  for (let file = 0; file * PER_FILE < all.length; file++) {
    const chunk = all.slice(file * PER_FILE, (file + 1) * PER_FILE);
    writeFileSync(path.join(dir, `generated-${String(file).padStart(3, "0")}.yaml`), stringify(chunk));
  }
}

function report(label: string, figure: Figure, targetMs: number): boolean {
  const ok = figure.median < targetMs;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  process.stdout.write(
    `${label}: median ${s(figure.median)}, fastest ${s(figure.fastest)} over ${RUNS} runs ` +
      `(target < ${s(targetMs)}: ${ok ? "met" : "MISSED"}); ${figure.summary}\n`,
  );
  return ok;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "routeops-fixtures-bench-"));
try {
  const reference = timeCli([]);
  generateFixtures(dir);
  const generated = timeCli(["--fixtures", dir]);
  const okReference = report("reference suite (test/fixtures)", reference, 2000);
  const okGenerated = report(`${GENERATED} generated fixtures`, generated, 5000);
  process.exitCode = okReference && okGenerated ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
