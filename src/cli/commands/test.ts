import type { Diagnostic } from "../../config/diagnostics";
import { renderAnnotations, renderJsonReport, renderTextReport, suitePassed } from "../../fixtures";
import { runFixtures } from "../../usecases/fixture-run";
import { UsageError, type CliIO, type Command } from "../io";
import { oneOf, parseCommandArgs } from "../args";
import {
  formatDiagnosticLine,
  formatDiagnosticsJson,
  formatDiagnosticsText,
  formatGithubAnnotations,
  sortDiagnostics,
} from "../../report/diagnostics";

const usage = `Usage: routeops test [options]

Routes every fixture (*.yaml, *.yml, *.json under the fixtures folder, recursively) with the
routing config and checks each decision against the fixture's expect block. Prints each failing
fixture with its mismatches and the decision's trace, the rules no fixture reached (routing
coverage), and last the line "N passed, N failed".

Options:
  --fixtures DIR       Fixtures folder, or one fixture file (default: test/fixtures)
  --config FILE        Routing config module (default: routing/index.ts)
  --format text|json   Output format (default: text); json prints one envelope
  --reporter github    Also print GitHub Actions annotations (automatic when GITHUB_ACTIONS=true)
  --min-coverage PCT   Fail when routing coverage is below PCT percent (0-100)

Exit code: 0 when no fixture failed and at least one ran (and coverage is at least PCT);
1 otherwise, or when the config does not validate; 2 for bad usage.`;

interface TestOptions {
  fixtures: string;
  config: string;
  format: "text" | "json";
  github: boolean;
  minCoverage?: number;
}

function parseOptions(argv: string[], io: CliIO): TestOptions {
  const { values } = parseCommandArgs(argv, {
    fixtures: { type: "string" },
    config: { type: "string" },
    format: { type: "string" },
    reporter: { type: "string" },
    "min-coverage": { type: "string" },
  });
  const format = oneOf("--format", values.format, ["text", "json"], "text");
  const reporter = oneOf("--reporter", values.reporter, ["github"], undefined);
  const options: TestOptions = {
    fixtures: values.fixtures ?? "test/fixtures",
    config: values.config ?? "routing/index.ts",
    format,
    github: reporter === "github" || io.env.GITHUB_ACTIONS === "true",
  };
  const minCoverage = values["min-coverage"];
  if (minCoverage !== undefined) {
    const pct = Number(minCoverage.replace(/%$/, ""));
    if (minCoverage.trim() === "" || !Number.isFinite(pct) || pct < 0 || pct > 100) {
      throw new UsageError(`--min-coverage must be a percentage from 0 to 100, not "${minCoverage}"`);
    }
    options.minCoverage = pct;
  }
  return options;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const options = parseOptions(argv, io);
  const result = runFixtures({ config: options.config, fixtures: options.fixtures, cwd: io.cwd });
  if (result.kind === "invalid-config") {
    writeInvalidConfig(io, result.diagnostics, options);
    return 1;
  }
  // Warnings do not stop the run; on stderr they leave the report's last line in place.
  if (options.format === "text") {
    for (const d of sortDiagnostics(result.diagnostics)) io.stderr.write(`${formatDiagnosticLine(d)}\n`);
  }
  if (result.kind === "unreadable-fixtures") return fail(io, options, result.error.message);
  const { suite } = result;
  const reportOptions = options.minCoverage === undefined ? {} : { minCoverage: options.minCoverage };
  if (options.format === "json") {
    // Workflow commands would break the JSON envelope on stdout; the runner reads stderr too.
    if (options.github) io.stderr.write(renderAnnotations(suite, reportOptions));
    io.stdout.write(renderJsonReport(suite, reportOptions));
  } else {
    if (options.github) io.stdout.write(renderAnnotations(suite, reportOptions));
    io.stdout.write(renderTextReport(suite, reportOptions));
  }
  return suitePassed(suite, reportOptions) ? 0 : 1;
}

function fail(io: CliIO, options: TestOptions, message: string): number {
  if (options.format === "json") io.stdout.write(JSON.stringify({ ok: false, error: message }, null, 2) + "\n");
  else io.stderr.write(`routeops test: ${message}\n`);
  return 1;
}

/** The config's diagnostics, as `routeops validate` prints them, when the config cannot be used. */
function writeInvalidConfig(io: CliIO, diagnostics: readonly Diagnostic[], options: TestOptions): void {
  if (options.format === "json") {
    io.stdout.write(formatDiagnosticsJson(diagnostics));
    if (options.github) io.stderr.write(formatGithubAnnotations(diagnostics));
    return;
  }
  if (options.github) io.stdout.write(formatGithubAnnotations(diagnostics));
  io.stdout.write(`The routing config ${options.config} does not validate; no fixture ran.\n`);
  io.stdout.write(formatDiagnosticsText(diagnostics));
}

/** `routeops test`: run the routing fixtures. */
export const testCommand: Command = {
  name: "test",
  summary: "Run the routing fixtures against the config (coverage, failures, summary)",
  usage,
  run,
};
