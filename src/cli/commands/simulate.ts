import { hasErrors, type Diagnostic } from "../../config/diagnostics";
import { hubspotBounds } from "../hubspot-bounds";
import type { RoutingConfig } from "../../config/types";
import { compileRouting } from "../../engine";
import { loadAndValidate } from "../../files/config-loader";
import {
  ContactsInputError,
  describeContactsSource,
  parseContactsSource,
  readFixtureInputs,
  readJsonLinesInputs,
  type ContactsSource,
  type LabelledInput,
} from "../../files/contacts-input";
import { defaultBase, GitRefError, isConfigPath, loadConfigAtRef } from "../../files/git-ref";
import { createHubSpotAdapter } from "../../hubspot";
import { formatDiagnosticsText } from "../../report/diagnostics";
import { generateRouteInputs } from "../../sample";
import {
  portalSampleNotes,
  readPortalSample,
  renderSimulationJson,
  renderSimulationMarkdown,
  renderSimulationText,
  simulate,
  type SimulationContext,
  type SimulationReport,
} from "../../simulate";
import { redactSecrets, secretsFromEnv } from "../../secrets";
import { UsageError, type CliIO, type Command } from "../io";
import { oneOf, parseCommandArgs } from "../args";

const usage = `Usage: routeops simulate [--base REF|PATH] [--config FILE] [--contacts SOURCE]
                         [--format text|markdown|json] [--examples N] [--hubspot-base-url URL]

Replays a set of contacts through the base config and the head config (each with its own pool
rotation carried through the replay) and reports what changes: how many decisions, from -> to
counts by source type, system, rule, pool, owner and SLA policy, the leads each rep gets before
and after, pool shares, SLA due-time moves, and a few examples with both traces.

Options:
  --base REF|PATH     the config to compare with: a git ref (its config folder is read with git)
                      or a path to a config module. Default: the merge base of HEAD with
                      origin/main (or main)
  --config FILE       the head config module (default: routing/index.ts)
  --contacts SOURCE   what to replay (default: test/fixtures):
                        DIR or FILE.yaml          routing fixtures (their expect blocks are ignored)
                        FILE.jsonl                one contact per line (see docs/simulate.md)
                        generated:N[:SEED[:FROM..TO]]  N generated contacts (seed 1; events in 2026
                                                  unless FROM..TO, dates YYYY-MM-DD)
                        portal:N                  the first N contacts of the HubSpot portal
                                                  (token from HUBSPOT_ACCESS_TOKEN)
  --format FORMAT     text (default), markdown (escaped, for PR comments) or json
  --examples N        changed decisions shown in full with their traces (default 3, at most 50)
  --hubspot-base-url URL  HubSpot API root for portal:N (default: HUBSPOT_BASE_URL, else
                      https://api.hubapi.com)
  -h, --help          show this help

Exit code: 0 when the report was printed; 1 when a config does not validate or the contacts
cannot be read; 2 for bad usage (or portal:N without a token).`;

/** What a simulation needs, as the options say it. */
export interface SimulationRequest {
  config: string;
  /** Absent: the merge base of HEAD with origin/main or main. */
  base?: string;
  contacts: string;
  examples: number;
  hubspotBaseUrl?: string;
}

/** A step that failed: what to say (secrets already removed), diagnostics, and the exit code. */
export class SimulationFailure extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Both configs, validated, and how to name the base in reports. */
export interface ComparedConfigs {
  head: RoutingConfig;
  base: RoutingConfig;
  /** The base as given (`main`, a path), or `merge base with origin/main (a1b2c3d)`. */
  baseLabel: string;
  /** The ref or path to pass on to `graph --base`. */
  baseRef: string;
}

function validated(configPath: string, cwd: string, what: string): RoutingConfig {
  const { config, diagnostics } = loadAndValidate(configPath, { cwd });
  if (!config || hasErrors(diagnostics)) throw new SimulationFailure(`${what} is not valid:`, diagnostics);
  return config;
}

function atRef(ref: string, configPath: string, cwd: string, what: string): RoutingConfig {
  const { config, diagnostics } = loadConfigAtRef(ref, configPath, { cwd });
  if (!config || hasErrors(diagnostics)) throw new SimulationFailure(`${what} is not valid:`, diagnostics);
  return config;
}

/** The base config (a path, a ref, or by default the merge base), and how to name it. */
export function loadBaseConfig(
  configPath: string,
  base: string | undefined,
  cwd: string,
): Pick<ComparedConfigs, "base" | "baseLabel" | "baseRef"> {
  try {
    if (base === undefined) {
      const found = defaultBase(cwd);
      const short = found.commit.slice(0, 7);
      return {
        base: atRef(found.commit, configPath, cwd, `the config at the merge base ${short}`),
        baseLabel: `merge base with ${found.branch} (${short})`,
        baseRef: found.commit,
      };
    }
    if (isConfigPath(base, cwd)) {
      return { base: validated(base, cwd, `the base config ${base}`), baseLabel: base, baseRef: base };
    }
    return { base: atRef(base, configPath, cwd, `the config at ${base}`), baseLabel: base, baseRef: base };
  } catch (error) {
    if (!(error instanceof GitRefError)) throw error;
    if (base === undefined) {
      throw new SimulationFailure(
        `no --base given, and the default base (the merge base of HEAD with origin/main or main) cannot be found: ${error.message}; pass --base REF or --base PATH`,
      );
    }
    if (error.code === "git_missing") throw new UsageError(`--base "${base}" is not a file, and git is not installed`);
    if (error.code === "not_a_ref") throw new UsageError(`--base "${base}" is neither a file nor a git ref`);
    throw new SimulationFailure(`--base ${base}: ${error.message}`);
  }
}

/** Loads the head config and the base. */
export function loadComparedConfigs(configPath: string, base: string | undefined, cwd: string): ComparedConfigs {
  const head = validated(configPath, cwd, `the config ${configPath}`);
  return { head, ...loadBaseConfig(configPath, base, cwd) };
}

/** Generated contacts draw forms, pages, import sources and reps from both configs. */
function generatorVocabulary(base: RoutingConfig, head: RoutingConfig): RoutingConfig {
  const reps = new Map([...head.reps, ...base.reps].map((rep) => [rep.email, rep]));
  return { ...head, sources: [...head.sources, ...base.sources], reps: [...reps.values()] };
}

/** Replays the contacts `source` names; throws {@link SimulationFailure} when they cannot be read. */
export async function simulateContacts(
  configs: ComparedConfigs,
  request: SimulationRequest,
  io: CliIO,
): Promise<{ report: SimulationReport; context: SimulationContext }> {
  let source: ContactsSource;
  try {
    source = parseContactsSource(request.contacts, io.cwd);
  } catch (error) {
    if (error instanceof ContactsInputError) throw new UsageError(`--contacts ${error.message}`);
    throw error;
  }
  const context: SimulationContext = {
    base: configs.baseLabel,
    head: request.config,
    contacts: describeContactsSource(source),
  };
  let items: Iterable<LabelledInput>;
  if (source.kind === "fixtures") items = guarded(() => readFixtureInputs(source.path, io.cwd));
  else if (source.kind === "jsonl") items = readJsonLinesInputs(source.path, io.cwd);
  else if (source.kind === "generated") {
    const generated = generateRouteInputs(generatorVocabulary(configs.base, configs.head), source);
    items = (function* () {
      let n = 0;
      for (const input of generated) yield { input, label: `generated contact #${++n}` };
    })();
  } else {
    const token = io.env.HUBSPOT_ACCESS_TOKEN?.trim();
    if (!token)
      throw new SimulationFailure("--contacts portal:N needs a HubSpot token: set HUBSPOT_ACCESS_TOKEN", [], 2);
    const baseUrl = request.hubspotBaseUrl ?? io.env.HUBSPOT_BASE_URL;
    try {
      const hubspot = createHubSpotAdapter({
        accessToken: token,
        ...(baseUrl ? { baseUrl } : {}),
        ...hubspotBounds(io),
      });
      const sample = await readPortalSample(hubspot, source.count);
      context.notes = portalSampleNotes(sample);
      items = sample.inputs;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new SimulationFailure(redactSecrets(`HubSpot: ${message}`, secretsFromEnv(io.env)));
    }
  }
  let current: string | null = null;
  const inputs = (function* () {
    for (const item of items) {
      current = item.label;
      yield item.input;
    }
  })();
  try {
    const report = simulate(compileRouting(configs.base), compileRouting(configs.head), inputs, {
      examples: request.examples,
      label: () => current,
    });
    return { report, context };
  } catch (error) {
    if (error instanceof ContactsInputError) throw new SimulationFailure(error.message);
    throw error;
  }
}

function guarded(read: () => LabelledInput[]): LabelledInput[] {
  try {
    return read();
  } catch (error) {
    if (error instanceof ContactsInputError) throw new SimulationFailure(error.message);
    throw error;
  }
}

/** `--examples N`: a whole number from 0 to 50. */
export function examplesOption(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 50)
    throw new UsageError(`--examples must be a whole number from 0 to 50, not "${text}"`);
  return n;
}

function parseOptions(argv: string[]): SimulationRequest & { format: "text" | "markdown" | "json" } {
  const { values } = parseCommandArgs(argv, {
    base: { type: "string" },
    config: { type: "string" },
    contacts: { type: "string" },
    format: { type: "string" },
    examples: { type: "string" },
    "hubspot-base-url": { type: "string" },
  });
  const format = oneOf("--format", values.format, ["text", "markdown", "json"], "text");
  if (values.base !== undefined && values.base.trim() === "") throw new UsageError("--base needs a git ref or a path");
  return {
    format,
    config: values.config ?? "routing/index.ts",
    contacts: values.contacts ?? "test/fixtures",
    examples: examplesOption(values.examples, 3),
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values["hubspot-base-url"] ? { hubspotBaseUrl: values["hubspot-base-url"] } : {}),
  };
}

/** `routeops simulate`: what a routing change does to real (or realistic) contacts. */
export const simulateCommand: Command = {
  name: "simulate",
  summary: "Replay contacts through the base and the changed config and report what changes",
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const options = parseOptions(argv);
    try {
      const configs = loadComparedConfigs(options.config, options.base, io.cwd);
      const { report, context } = await simulateContacts(configs, options, io);
      if (options.format === "json") io.stdout.write(renderSimulationJson(report, context));
      else if (options.format === "markdown") io.stdout.write(renderSimulationMarkdown(report, context));
      else io.stdout.write(renderSimulationText(report, context));
      return 0;
    } catch (error) {
      if (!(error instanceof SimulationFailure)) throw error;
      io.stderr.write(`routeops simulate: ${redactSecrets(error.message, secretsFromEnv(io.env))}\n`);
      if (error.diagnostics.length > 0) io.stderr.write(formatDiagnosticsText(error.diagnostics));
      return error.exitCode;
    }
  },
};
