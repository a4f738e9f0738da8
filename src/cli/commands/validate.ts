import { hasErrors } from "../../config/diagnostics";
import { loadAndValidate } from "../../files/config-loader";
import {
  diagnosticsSummary,
  formatDiagnosticsJson,
  formatDiagnosticsText,
  formatGithubAnnotations,
} from "../../report/diagnostics";
import type { CliIO, Command } from "../io";
import { oneOf, parseCommandArgs } from "../args";

const usage = `Usage: routeops validate [--config FILE] [--format text|json] [--reporter github]

Checks the routing config: its shape, every reference between its parts, replacement chains,
pools, calendars, territories, rule order, SLA coverage and what the deploy step can compile.
Exit code 1 when there is an error; warnings are printed but pass.

Options:
  --config FILE       the config module (default: routing/index.ts)
  --format FORMAT     text (default) or json (one envelope: { ok, errors, warnings, diagnostics })
  --reporter github   also write GitHub Actions annotations (automatic when GITHUB_ACTIONS=true)
  -h, --help          show this help
`;

/** `routeops validate`: load the config, validate it, report every finding. */
export const validateCommand: Command = {
  name: "validate",
  summary: "Check the routing config (shape, references, rule order, SLAs, calendars)",
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const options = parseOptions(argv);
    // Absences that are over cannot empty a pool any more: only days from today on count.
    const today = new Date().toISOString().slice(0, 10);
    const { diagnostics } = loadAndValidate(options.config, { cwd: io.cwd, today });
    const github = options.reporter === "github" || io.env.GITHUB_ACTIONS === "true";
    if (options.format === "json") {
      io.stdout.write(formatDiagnosticsJson(diagnostics));
      // Annotations go to stderr so that stdout stays one JSON document; GitHub reads both.
      if (github) io.stderr.write(formatGithubAnnotations(diagnostics));
    } else if (github) {
      io.stdout.write(formatGithubAnnotations(diagnostics));
      io.stdout.write(`${diagnosticsSummary(diagnostics)}\n`);
    } else {
      io.stdout.write(formatDiagnosticsText(diagnostics));
    }
    return hasErrors(diagnostics) ? 1 : 0;
  },
};

function parseOptions(argv: string[]): { config: string; format: "text" | "json"; reporter?: "github" } {
  const { values } = parseCommandArgs(argv, {
    config: { type: "string" },
    format: { type: "string" },
    reporter: { type: "string" },
  });
  const format = oneOf("--format", values.format, ["text", "json"], "text");
  const reporter = oneOf("--reporter", values.reporter, ["github"], undefined);
  return {
    config: values.config ?? "routing/index.ts",
    format,
    ...(reporter !== undefined ? { reporter } : {}),
  };
}
