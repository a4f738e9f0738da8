import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * Test files share their worker's modules with the files before it (`isolate: false`): src/ and
 * the HubSpot client are evaluated once per worker instead of once per file, which halves the CPU
 * time of a unit-test folder (test/engine: 11.9 s -> 5.8 s of CPU; test/emulator and
 * test/emulator-flows: 31 s -> 15 s). So a support module never registers a hook at module scope
 * (it would belong to the first file of a worker only): what must be cleaned up after a test is
 * registered on that test (`onTestFinished`, as test/emulator/harness.ts and test/router/support.ts
 * do); a file that stubs the environment unstubs it (`vi.unstubAllEnvs()` in its afterAll, as
 * test/pr-report does); a file that spies on or mocks modules would need `isolate: true`.
 * test/router is a project of its own only for its timeouts: a fresh PGlite runs initdb, which
 * takes tens of seconds on a loaded machine (test/router/support.ts makes it once per machine).
 */
const ROUTER = ["test/router/**/*.test.ts"];

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
          exclude: [...configDefaults.exclude, ...ROUTER],
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "router", include: ROUTER, isolate: false, testTimeout: 240_000, hookTimeout: 240_000 },
      },
    ],
  },
});
