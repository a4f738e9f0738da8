/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process (so that memory and JIT
 * figures of one do not leak into another) and prints their reports one after the other.
 * `npm run bench -- engine` runs only the files whose name contains "engine". Arguments from the
 * first one starting with `--` on are passed to each file run (`npm run bench -- suite --per-dir`).
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const argv = process.argv.slice(2);
const firstFlag = argv.findIndex((a) => a.startsWith("--"));
const filter = firstFlag < 0 ? argv : argv.slice(0, firstFlag);
const passed = firstFlag < 0 ? [] : argv.slice(firstFlag);
const dir = __dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filter.length === 0 || filter.some((word) => f.includes(word)))
  .sort();

let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const result = spawnSync(
    process.execPath,
    ["--expose-gc", "-r", "ts-node/register/transpile-only", path.join(dir, file), ...passed],
    {
      stdio: "inherit",
      env: { ...process.env, TS_NODE_COMPILER_OPTIONS: '{"module":"commonjs","moduleResolution":"node10"}' },
    },
  );
  if (result.status !== 0) failed++;
}
process.stdout.write(`\n${files.length} benchmark file(s), ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
