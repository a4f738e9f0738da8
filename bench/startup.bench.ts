/**
 * Start-up: `routeops validate` on the reference organisation (the copy under test/reference, never
 * the adopter's routing/), run as a user runs it: a new `node bin/routeops.js validate` process
 * each time, process start included. Reports the median and spread of wall time over N runs
 * (after one warm-up run, so jiti's transpile cache is filled as on any second run), the CPU time
 * the processes used (Linux: from /proc, children's user + system), and the same for `node -e 0`,
 * the floor no command can go under on this machine at this load.
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

function measure(args: string[], expectOut: string): Sample[] {
  const samples: Sample[] = [];
  for (let i = 0; i <= runs; i++) {
    const cpuBefore = childCpuSeconds();
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: reference, encoding: "utf8" });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const cpuAfter = childCpuSeconds();
    if (result.status !== 0 || !result.stdout.includes(expectOut)) {
      throw new Error(`${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    }
    // The first run is a warm-up (disk caches, jiti's transpile cache).
    if (i > 0)
      samples.push({ wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore });
  }
  return samples;
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
    `${label.padEnd(34)} wall median ${s(wall)} (min ${s(Math.min(...walls))}, max ${s(Math.max(...walls))})` +
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
  `routeops validate on test/reference, ${runs} runs each after a warm-up; Node ${process.version}, ${os.cpus().length} CPUs\n` +
    `running ${compiledIsCurrent() ? "dist/ (compiled)" : "the sources through jiti: dist/ is missing or stale, run `npm run build` first"}\n`,
);
const floor = report("node -e 0 (process start alone)", measure(["-e", "console.log('ok')"], "ok"));
const validate = report("routeops validate", measure([bin, "validate"], "0 errors, 0 warnings"));
const loadAfter = os.loadavg();
process.stdout.write(
  `load average (1 min) ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after\n` +
    `validate ${validate <= TARGET_SECONDS ? "meets" : "misses"} the ${TARGET_SECONDS} s target ` +
    `(${s(validate - floor)} above process start)\n`,
);
