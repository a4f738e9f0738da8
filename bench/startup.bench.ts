/**
 * Start-up: `routeops validate` on the reference organisation (the copy under test/reference, never
 * the adopter's routing/), run as a user runs it: a new `node bin/routeops.js validate` process
 * each time, process start included. Three commands take turns, run after run, so that a change of
 * the machine's load falls on all three alike:
 *
 * - `node -e 0`: the floor no command can go under on this machine at this load;
 * - `routeops validate` from this checkout, which also checks that dist/ is not older than src/
 *   (~8 ms; an installed package has no src/ and skips it). A copy laid out as installed, its
 *   dependencies linked to this checkout's node_modules, measured no faster (0.31 s of CPU against
 *   the checkout's 0.29 s at load 9, equal at load 4), so it is not run here;
 * - the same with NODE_DISABLE_COMPILE_CACHE=1: what V8's compile cache (Node 22's own, or on
 *   Node 20 bin/compile-cache.js) and the config's transpile cache
 *   (src/files/config-transpile-cache.ts, which runs the config without loading jiti) save
 *   together; jiti's own transform cache stays on.
 *
 * Reports the median and spread of wall time over N runs each (after one warm-up run each, which
 * fills the transpile caches and the compile cache as any first run does), the CPU time the
 * processes used (Linux: from /proc, children's user + system; less sensitive to load than wall
 * time) and the 1-minute load average before and after. Wall time on a 2-core machine shared with
 * other work follows its load: compare figures taken at the same load, or compare CPU.
 *
 * `npm run bench -- startup --runs 21`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const TARGET_SECONDS = 0.3;
const repoRoot = path.resolve(__dirname, "..");
const reference = path.join(repoRoot, "test", "reference");
const bin = path.join(repoRoot, "bin", "routeops.js");

const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number of runs");

/** CPU seconds used by this process's finished children (Linux: fields 16-17 of /proc/self/stat). */
function childCpuSeconds(): number | undefined {
  try {
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    // After "pid (comm) ", field 3 is index 0: cutime is field 16, cstime field 17.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

interface Sample {
  wall: number;
  cpu: number | undefined;
}

interface Variant {
  label: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  expectOut: string;
  samples: Sample[];
}

/** Runs the variants in turn, `runs` times each after a warm-up round. */
function measure(variants: Variant[]): void {
  for (let i = 0; i <= runs; i++) {
    for (const variant of variants) {
      const cpuBefore = childCpuSeconds();
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, variant.args, {
        cwd: reference,
        encoding: "utf8",
        env: { ...process.env, ...variant.env },
      });
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      const cpuAfter = childCpuSeconds();
      if (result.status !== 0 || !result.stdout.includes(variant.expectOut)) {
        throw new Error(`${variant.args.join(" ")} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
      }
      // The first round is a warm-up (disk caches, jiti's transpile cache, the compile cache).
      if (i > 0) {
        variant.samples.push({
          wall,
          cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
        });
      }
    }
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const s = (seconds: number) => `${seconds.toFixed(3)} s`;

function report(label: string, samples: Sample[]): number {
  const walls = samples.map((sample) => sample.wall);
  const cpus = samples.flatMap((sample) => (sample.cpu === undefined ? [] : [sample.cpu]));
  const wall = median(walls);
  process.stdout.write(
    `${label.padEnd(38)} wall median ${s(wall)} (min ${s(Math.min(...walls))}, max ${s(Math.max(...walls))})` +
      (cpus.length ? `, CPU median ${s(median(cpus))}` : "") +
      "\n",
  );
  return wall;
}

function compiledIsCurrent(): boolean {
  try {
    const built = fs.statSync(path.join(repoRoot, "dist", ".built")).mtimeMs;
    const newer = (dir: string): boolean =>
      fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? newer(full) : fs.statSync(full).mtimeMs > built;
      });
    return !newer(path.join(repoRoot, "src"));
  } catch {
    return false;
  }
}

const loadBefore = os.loadavg();
process.stdout.write(
  `routeops validate on test/reference, ${runs} runs each in turn after a warm-up; Node ${process.version}, ${os.cpus().length} CPUs\n` +
    `running ${compiledIsCurrent() ? "dist/ (compiled)" : "the sources through jiti: dist/ is missing or stale, run `npm run build` first"}\n`,
);
const floorRuns: Variant = {
  label: "node -e 0 (process start alone)",
  args: ["-e", "console.log('ok')"],
  expectOut: "ok",
  samples: [],
};
const checkoutRuns: Variant = {
  label: "routeops validate",
  args: [bin, "validate"],
  expectOut: "0 errors, 0 warnings",
  samples: [],
};
const uncachedRuns: Variant = {
  label: "  the same, no compile/transpile cache",
  args: [bin, "validate"],
  env: { NODE_DISABLE_COMPILE_CACHE: "1" },
  expectOut: "0 errors, 0 warnings",
  samples: [],
};
measure([floorRuns, checkoutRuns, uncachedRuns]);
const floor = report(floorRuns.label, floorRuns.samples);
const checkout = report(checkoutRuns.label, checkoutRuns.samples);
report(uncachedRuns.label, uncachedRuns.samples);
const loadAfter = os.loadavg();
const verdict = (label: string, wall: number) =>
  `${label} ${wall <= TARGET_SECONDS ? "meets" : "misses"} the ${TARGET_SECONDS} s target (${s(wall - floor)} above process start)\n`;
process.stdout.write(
  `load average (1 min) ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after\n` +
    verdict("validate", checkout),
);
