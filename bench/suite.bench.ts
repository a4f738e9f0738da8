/**
 * Test suite time: how long `vitest run` takes, and where the time goes. Target (issue 12): the
 * whole suite under 3 minutes on a 2-core machine.
 *
 * By default the suite runs as one vitest process, as `npm test` runs it. On a machine that others
 * share, `--per-dir` runs each `test/<dir>` as its own vitest process one after another and sums
 * them: that is an upper bound (each process pays vitest's start-up again), kinder to neighbours.
 * `--dirs a,b` restricts either mode to some directories. The report gives the wall time, the
 * load average before and after (a figure is meaningless without it), the number of tests, and
 * the slowest files with their own duration.
 *
 *   npm run bench -- suite                  # whole suite, one process
 *   npm run bench -- suite --per-dir        # dir by dir, summed
 *   npm run bench -- suite --per-dir --dirs hubspot,router
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(__dirname, "..");
const TARGET_MS = 180_000;
const args = process.argv.slice(2);
const perDir = args.includes("--per-dir");
const dirsArg = args.indexOf("--dirs");
const only = dirsArg >= 0 ? (args[dirsArg + 1] ?? "").split(",").filter(Boolean) : [];

interface FileResult {
  file: string;
  ms: number;
  tests: number;
  failed: number;
}

interface Run {
  label: string;
  wallMs: number;
  /** CPU time of vitest and every process it waited for (user + system): what load does not change much. */
  cpuMs: number;
  files: FileResult[];
  exit: number;
}

function load(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}

/**
 * CPU time of the children this process has waited for, in milliseconds (fields cutime and cstime
 * of /proc/self/stat, in clock ticks of 1/100 s), or NaN off Linux.
 */
function childCpuMs(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields after the command name start at field 3 (state): cutime is field 16, cstime field 17.
    return (Number(fields[16 - 3]) + Number(fields[17 - 3])) * 10;
  } catch {
    return Number.NaN;
  }
}

function runVitest(label: string, targets: string[]): Run {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "routeops-suite-bench-"));
  const out = path.join(tmp, "result.json");
  const cpuBefore = childCpuMs();
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "vitest", "vitest.mjs"),
      "run",
      ...targets,
      "--reporter=json",
      `--outputFile=${out}`,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TZ: "Pacific/Chatham" },
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    },
  );
  const wallMs = performance.now() - started;
  const cpuMs = childCpuMs() - cpuBefore;
  const files: FileResult[] = [];
  try {
    const json = JSON.parse(readFileSync(out, "utf8")) as {
      testResults: { name: string; startTime: number; endTime: number; assertionResults: { status: string }[] }[];
    };
    for (const r of json.testResults) {
      files.push({
        file: path.relative(ROOT, r.name),
        ms: r.endTime - r.startTime,
        tests: r.assertionResults.length,
        failed: r.assertionResults.filter((a) => a.status === "failed").length,
      });
    }
  } catch {
    process.stderr.write(`${label}: no JSON result (exit ${result.status})\n${result.stderr.slice(-2000)}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { label, wallMs, cpuMs, files, exit: result.status ?? 1 };
}

/** Whether a folder holds a test file, at any depth. */
function holdsTests(dir: string): boolean {
  return readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory() ? holdsTests(path.join(dir, entry.name)) : entry.name.endsWith(".test.ts"),
  );
}

const testDirs = readdirSync(path.join(ROOT, "test"))
  .filter((d) => d !== "reference" && d !== "fixtures")
  .filter((d) => statSync(path.join(ROOT, "test", d)).isDirectory() && holdsTests(path.join(ROOT, "test", d)))
  .filter((d) => only.length === 0 || only.includes(d))
  .sort();

const loadBefore = load();
const runs: Run[] = [];
if (perDir) {
  for (const dir of testDirs) {
    const run = runVitest(`test/${dir}`, [`test/${dir}/`]);
    runs.push(run);
    process.stdout.write(
      `  ${run.label.padEnd(28)} ${(run.wallMs / 1000).toFixed(1).padStart(6)} s  cpu ${(run.cpuMs / 1000).toFixed(1).padStart(6)} s  ${String(run.files.reduce((n, f) => n + f.tests, 0)).padStart(4)} tests  load ${load()}\n`,
    );
  }
  if (only.length === 0) {
    const top = runVitest("test/*.test.ts", ["test/cli.test.ts"]);
    runs.push(top);
    process.stdout.write(
      `  ${top.label.padEnd(28)} ${(top.wallMs / 1000).toFixed(1).padStart(6)} s  cpu ${(top.cpuMs / 1000).toFixed(1).padStart(6)} s  load ${load()}\n`,
    );
  }
} else {
  runs.push(
    runVitest(
      "whole suite",
      only.map((d) => `test/${d}/`),
    ),
  );
}
const loadAfter = load();

const files = runs.flatMap((r) => r.files);
const wall = runs.reduce((n, r) => n + r.wallMs, 0);
const cpu = runs.reduce((n, r) => n + r.cpuMs, 0);
const tests = files.reduce((n, f) => n + f.tests, 0);
const failed = files.reduce((n, f) => n + f.failed, 0);
const slowest = [...files].sort((a, b) => b.ms - a.ms).slice(0, 25);

process.stdout.write(
  `\nTest suite (${perDir ? "per directory, summed" : "one vitest process"}), ${os.cpus().length} cores\n`,
);
process.stdout.write(`  load average before: ${loadBefore}   after: ${loadAfter}\n`);
process.stdout.write(`  ${files.length} files, ${tests} tests, ${failed} failed\n`);
process.stdout.write(
  `  wall: ${(wall / 1000).toFixed(1)} s ${only.length ? `(part of the suite: ${only.join(", ")})` : `(target under ${TARGET_MS / 1000} s: ${wall < TARGET_MS ? "met" : "NOT met"})`}\n`,
);
process.stdout.write(
  `  cpu (vitest and its child processes, user + system): ${(cpu / 1000).toFixed(1)} s on ${os.cpus().length} cores = at least ${(cpu / 1000 / os.cpus().length).toFixed(1)} s of wall on an idle machine\n`,
);
process.stdout.write(`  slowest files (their own duration):\n`);
for (const f of slowest)
  process.stdout.write(`    ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.file} (${f.tests})\n`);
process.exitCode = runs.some((r) => r.exit !== 0) || failed > 0 ? 1 : 0;
