import { hasErrors } from "../../config/diagnostics";
import { compileRouting, formatDecision, route } from "../../engine";
import { loadAndValidate } from "../../files/config-loader";
import { FixtureLoadError, loadFixtureSource } from "../../files/fixture-loader";
import {
  createFixtureValidator,
  decisionJson,
  describeProblem,
  fixtureLabel,
  parseFixtureText,
  runEntry,
  showValue,
  type FixtureEntry,
  type FixtureResult,
} from "../../fixtures";
import { formatDiagnosticsJson, formatDiagnosticsText } from "../../report/diagnostics";
import { UsageError, type CliIO, type Command } from "../io";
import { oneOf, parseCommandArgs } from "../args";

const usage = `Usage: routeops explain FILE [options]

Routes the fixtures of one file with the routing config and prints, for each, where the lead
goes and why: the source type, the rules evaluated in order (matched or not, and why) and the
SLA due time. The expect block is optional here; when a fixture has one, explain also says
whether the decision matches it.

Options:
  --config FILE        Routing config module (default: routing/index.ts)
  --fixture NAME       Explain only the fixture with this name (default: every fixture of FILE)
  --format text|json   Output format (default: text)

Exit code: 0 when every fixture was routed and matches its expect block (if any); 1 otherwise,
or when the config does not validate; 2 for bad usage.`;

interface ExplainOptions {
  file: string;
  config: string;
  fixture?: string;
  format: "text" | "json";
}

function parseOptions(argv: string[]): ExplainOptions {
  const { values, positionals } = parseCommandArgs(
    argv,
    { config: { type: "string" }, fixture: { type: "string" }, format: { type: "string" } },
    { positionals: true },
  );
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? "give one fixture file" : "give exactly one fixture file");
  }
  const format = oneOf("--format", values.format, ["text", "json"], "text");
  return {
    file: positionals[0] as string,
    config: values.config ?? "routing/index.ts",
    format,
    ...(values.fixture !== undefined ? { fixture: values.fixture } : {}),
  };
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const options = parseOptions(argv);
  const { config, diagnostics } = loadAndValidate(options.config, { cwd: io.cwd });
  if (!config || hasErrors(diagnostics)) {
    if (options.format === "json") io.stdout.write(formatDiagnosticsJson(diagnostics));
    else
      io.stdout.write(`The routing config ${options.config} does not validate.\n${formatDiagnosticsText(diagnostics)}`);
    return 1;
  }
  let source;
  try {
    source = loadFixtureSource(options.file, { cwd: io.cwd });
  } catch (error) {
    if (!(error instanceof FixtureLoadError)) throw error;
    return fail(io, options, error.message);
  }
  const parsed = parseFixtureText(source);
  if (parsed.problems.length > 0) {
    return fail(io, options, parsed.problems.map((p) => `${source.file}: ${describeProblem(p)}`).join("\n"));
  }
  const entries = selectEntries(parsed.entries, options.fixture);
  if (entries.length === 0) {
    const names = parsed.entries.map((e) => nameOf(e.value)).filter((n): n is string => n !== undefined);
    return fail(io, options, `${source.file} has no fixture named "${options.fixture}"; it has: ${names.join("; ")}`);
  }
  const compiled = compileRouting(config);
  const context = { validate: createFixtureValidator({ requireExpect: false }), route: routeWith(compiled) };
  const results = entries.map((entry) => ({
    entry,
    result: runEntry(entry, context, { honourSkip: false, alwaysTrace: true }),
  }));
  if (options.format === "json") {
    io.stdout.write(
      JSON.stringify(
        { ok: results.every(({ result }) => result.status === "passed"), fixtures: results.map(json) },
        null,
        2,
      ) + "\n",
    );
  } else {
    io.stdout.write(results.map(({ entry, result }) => explainText(entry, result)).join("\n"));
  }
  return results.every(({ result }) => result.status === "passed") ? 0 : 1;
}

function routeWith(compiled: ReturnType<typeof compileRouting>): Parameters<typeof runEntry>[1]["route"] {
  return (input, routeOptions) => route(compiled, input, routeOptions);
}

function selectEntries(entries: FixtureEntry[], name: string | undefined): FixtureEntry[] {
  return name === undefined ? entries : entries.filter((entry) => nameOf(entry.value) === name);
}

function nameOf(value: unknown): string | undefined {
  const name = value && typeof value === "object" ? (value as { name?: unknown }).name : undefined;
  return typeof name === "string" ? name : undefined;
}

function hasExpect(entry: FixtureEntry): boolean {
  return !!entry.value && typeof entry.value === "object" && "expect" in entry.value;
}

function explainText(entry: FixtureEntry, result: FixtureResult): string {
  const lines = [`${result.file}:${result.line ?? 1} ${fixtureLabel(result)}`];
  if (result.problems.length > 0) {
    lines.push("Not routed: the fixture does not fit the format.");
    for (const problem of result.problems) lines.push(`  ${describeProblem(problem)}`);
    return lines.join("\n") + "\n";
  }
  if (result.decision) lines.push(formatDecision(result.decision).trimEnd());
  if (hasExpect(entry)) {
    if (result.mismatches.length === 0) lines.push("Expectation: matches.");
    else {
      lines.push("Expectation: does not match.");
      for (const m of result.mismatches)
        lines.push(`  ${m.field}: expected ${showValue(m.expected)}, got ${showValue(m.actual)}`);
    }
  }
  return lines.join("\n") + "\n";
}

function json({ entry, result }: { entry: FixtureEntry; result: FixtureResult }): Record<string, unknown> {
  return {
    file: result.file,
    name: result.name ?? null,
    index: result.index,
    line: result.line ?? null,
    status: result.status,
    problems: result.problems,
    ...(hasExpect(entry) ? { matches: result.status === "passed", mismatches: result.mismatches } : {}),
    decision: result.decision ? decisionJson(result.decision) : null,
  };
}

function fail(io: CliIO, options: ExplainOptions, message: string): number {
  if (options.format === "json") io.stdout.write(JSON.stringify({ ok: false, error: message }, null, 2) + "\n");
  else io.stderr.write(`routeops explain: ${message}\n`);
  return 1;
}

/** `routeops explain`: route the fixtures of one file and say why each lead goes where it goes. */
export const explainCommand: Command = {
  name: "explain",
  summary: "Route one fixture file and explain each decision, rule by rule",
  usage,
  run,
};
