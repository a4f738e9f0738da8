/** Step 3: the fixture suite, run by `routeops test` with the demo's io. */
import { formatPercent } from "../../fixtures";
import { failureReason, runCommand, type CommandSettings } from "../command-runner";
import type { StepOutcome } from "./step";

interface TestEnvelope {
  ok: boolean;
  summary: { passed: number; failed: number; skipped: number };
  coverage: { percent: number; reached: number; total: number; unreached: string[] };
  results: { file: string; name: string | null; line: number | null; status: string }[];
}

/** Runs `routeops test --format json` on the fixtures folder and reads its envelope. */
export async function fixturesStep(
  configPath: string,
  fixtures: string,
  settings: CommandSettings,
): Promise<StepOutcome> {
  const run = await runCommand("test", ["--config", configPath, "--fixtures", fixtures, "--format", "json"], settings);
  if (!run.found) return { status: "failed", summary: "this build has no `routeops test` command" };
  let envelope: TestEnvelope;
  try {
    envelope = JSON.parse(run.out) as TestEnvelope;
    if (!envelope.summary || !envelope.coverage) throw new Error("no summary");
  } catch {
    return { status: "failed", summary: failureReason(run, "test"), details: tail(run.out) };
  }
  const { passed, failed, skipped } = envelope.summary;
  const { coverage } = envelope;
  const failures = envelope.results
    .filter((r) => r.status === "failed")
    .map((r) => `FAIL ${r.line === null ? r.file : `${r.file}:${r.line}`} ${r.name ?? ""}`.trimEnd());
  const unreached = coverage.unreached.map((rule) => `not reached by a fixture: ${rule}`);
  return {
    status: run.code === 0 ? "ok" : "failed",
    summary:
      `${fixtures}: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}; ` +
      `routing coverage ${formatPercent(coverage.percent)} (${coverage.reached} of ${coverage.total} rules)`,
    details: [...failures, ...unreached],
    reports: [{ name: "test.json", text: run.out }],
    figures: {
      fixtures,
      passed,
      failed,
      skipped,
      coverage: { percent: coverage.percent, reached: coverage.reached, total: coverage.total },
    },
  };
}

function tail(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(-5);
}
