/**
 * Fixture test results for the PR comment, from either source: `routeops test --format json`
 * output saved by an earlier step (its suite envelope, or the diagnostics envelope it prints when
 * the config does not validate), or a run in-process rendered through the same envelope.
 */
import { z } from "zod";
import type { Diagnostic } from "../../config/diagnostics";
import { describeProblem, renderJsonReport, showValue, type ReportOptions, type SuiteResult } from "../../fixtures";

/** A failing fixture, ready to show. */
export interface FixtureFailure {
  file: string;
  line: number | null;
  name: string | null;
  /** Schema problems and `field: expected X, got Y` lines. */
  details: string[];
}

/** What the comment says about the fixture tests. */
export type TestResults =
  | {
      kind: "suite";
      ok: boolean;
      summary: { passed: number; failed: number; skipped: number };
      coverage: { percent: number; reached: number; total: number; minimum: number | null; unreached: string[] };
      failures: FixtureFailure[];
    }
  /** The tests did not run because the config does not validate. */
  | { kind: "invalid-config"; diagnostics: Diagnostic[] };

const suiteSchema = z.object({
  ok: z.boolean(),
  summary: z.object({ passed: z.number(), failed: z.number(), skipped: z.number() }),
  coverage: z.object({
    percent: z.number(),
    reached: z.number(),
    total: z.number(),
    minimum: z.number().nullable(),
    unreached: z.array(z.string()),
  }),
  results: z.array(
    z.object({
      file: z.string(),
      name: z.string().nullable(),
      line: z.number().nullable(),
      status: z.string(),
      problems: z.array(z.object({ path: z.string(), message: z.string(), line: z.number().optional() })),
      mismatches: z.array(
        z.object({
          field: z.string(),
          expected: z.union([z.string(), z.boolean(), z.null()]),
          actual: z.union([z.string(), z.boolean(), z.null()]),
        }),
      ),
    }),
  ),
});

const diagnosticsSchema = z.object({
  ok: z.boolean(),
  errors: z.number(),
  warnings: z.number(),
  diagnostics: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(["error", "warning"]),
      message: z.string(),
      path: z.string(),
      file: z.string().optional(),
      line: z.number().optional(),
      column: z.number().optional(),
    }),
  ),
});

/** Reads `routeops test --format json` output; a failure's message says what was expected where. */
export function readTestResults(text: string): { ok: true; results: TestResults } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: "is not JSON: expected the output of `routeops test --format json`" };
  }
  const suite = suiteSchema.safeParse(value);
  if (suite.success) {
    const { ok, summary, coverage, results } = suite.data;
    const failures = results
      .filter((result) => result.status === "failed")
      .map((result) => ({
        file: result.file,
        line: result.line,
        name: result.name,
        details: [
          ...result.problems.map((problem) => describeProblem(problem)),
          ...result.mismatches.map((m) => `${m.field}: expected ${showValue(m.expected)}, got ${showValue(m.actual)}`),
        ],
      }));
    return { ok: true, results: { kind: "suite", ok, summary, coverage, failures } };
  }
  const diagnostics = diagnosticsSchema.safeParse(value);
  if (diagnostics.success && !diagnostics.data.ok) {
    return { ok: true, results: { kind: "invalid-config", diagnostics: diagnostics.data.diagnostics } };
  }
  const issue = suite.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "the file";
  return { ok: false, message: `${where}: ${issue.message} (expected the output of \`routeops test --format json\`)` };
}

/** The results of a suite run in-process, through the same envelope `routeops test --format json` prints. */
export function testResultsFromSuite(suite: SuiteResult, options: ReportOptions = {}): TestResults {
  const read = readTestResults(renderJsonReport(suite, options));
  if (!read.ok) throw new Error(`the fixture report envelope does not read back: ${read.message}`);
  return read.results;
}
