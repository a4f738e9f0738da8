import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * Test files that need a fresh module graph of their own: their support module registers hooks
 * at module scope (test/router/support.ts), which without isolation would run for the first file
 * of a worker only. A file that spies on or mocks modules belongs here too. Every other file
 * shares its worker's modules with the files before it: src/ and the HubSpot client are evaluated
 * once per worker instead of once per file, which halves the CPU time of a unit-test folder
 * (test/engine: 11.9 s -> 5.8 s of CPU). A support module that must clean up after a test
 * registers it on that test (`onTestFinished`, as test/emulator/harness.ts and
 * test/emulator-flows/support.ts do), never by a module-scope hook; a file that stubs the
 * environment unstubs it (`vi.unstubAllEnvs()` in its afterAll, as test/pr-report does).
 */
const ISOLATED = ["test/router/**/*.test.ts"];

export default defineConfig({
  // Routing configs import the package by name (`from "routeops"`), as in a project that installed it.
  resolve: { alias: [{ find: /^routeops$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) }] },
  test: {
    reporters: ["default", "./test/support/summary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: a single worker on the 2-core machines
    // this project runs on, which leaves a core idle while a test waits on a child process or a
    // socket. Two keep both busy. `--maxWorkers N` on the command line overrides it.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...ISOLATED],
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
    ],
  },
});
