/** Step 3: the fixture suite, run by the `test` use case (as `routeops test` runs it). */
import { formatPercent, renderJsonReport, ruleKey, suitePassed } from "../../fixtures";
import { runFixtures } from "../../usecases/fixture-run";
import type { StepOutcome } from "./step";

/** Runs the fixtures of `fixtures` with the config and reads the typed suite. */
export function fixturesStep(configPath: string, fixtures: string, cwd: string): StepOutcome {
  const result = runFixtures({ config: configPath, fixtures, cwd });
  if (result.kind === "invalid-config") {
    return { status: "failed", summary: `the routing config ${configPath} does not validate; no fixture ran` };
  }
  if (result.kind === "unreadable-fixtures") return { status: "failed", summary: result.error.message };
  const { suite } = result;
  const { passed, failed, skipped } = suite.summary;
  const { coverage } = suite;
  const failures = suite.results
    .filter((r) => r.status === "failed")
    .map((r) => `FAIL ${r.line === undefined ? r.file : `${r.file}:${r.line}`} ${r.name ?? ""}`.trimEnd());
  const unreached = coverage.rules
    .filter((rule) => rule.fixtures === 0)
    .map((rule) => `not reached by a fixture: ${ruleKey(rule)}`);
  return {
    status: suitePassed(suite) ? "ok" : "failed",
    summary:
      `${fixtures}: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}; ` +
      `routing coverage ${formatPercent(coverage.percent)} (${coverage.reached} of ${coverage.total} rules)`,
    details: [...failures, ...unreached],
    reports: [{ name: "test.json", text: renderJsonReport(suite) }],
    figures: {
      fixtures,
      passed,
      failed,
      skipped,
      coverage: { percent: Math.round(coverage.percent * 100) / 100, reached: coverage.reached, total: coverage.total },
    },
  };
}
