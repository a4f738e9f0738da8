/**
 * `simulate`: load the head and the base config (a path, a git ref, or the merge base), replay a
 * set of contacts through both and report what changes. Used by `simulate` and `pr-report`.
 */
import { hasErrors, type Diagnostic } from "../config/diagnostics";
import type { RoutingConfig } from "../config/types";
import { compileRouting } from "../engine";
import { RouteOpsError, UsageError } from "../errors";
import { loadAndValidate } from "../files/config-loader";
import {
  ContactsInputError,
  describeContactsSource,
  parseContactsSource,
  readFixtureInputs,
  readJsonLinesInputs,
  type ContactsSource,
  type LabelledInput,
} from "../files/contacts-input";
import { defaultBase, GitRefError, isConfigPath, loadConfigAtRef } from "../files/git-ref";
import { createHubSpotAdapter, type HubSpotAdapterOptions } from "../hubspot";
import { generateRouteInputs } from "../sample";
import { weeksFrom } from "../routing-changes/expected-share";
import { redactSecrets, secretsFromEnv } from "../secrets";
import {
  portalSampleNotes,
  readPortalSample,
  simulate,
  type SimulationContext,
  type SimulationReport,
} from "../simulate";

/** Where the simulation runs: the working folder, and the environment for portal:N's token. */
export interface SimulationPlace {
  cwd: string;
  env: Record<string, string | undefined>;
  /** The CLI's bounds on HubSpot waits, for portal:N. */
  hubspotBounds?: Pick<HubSpotAdapterOptions, "onWait" | "deadlineMs">;
}

/** What a simulation needs, as the options say it. */
export interface SimulationRequest {
  config: string;
  /** Absent: the merge base of HEAD with origin/main or main. */
  base?: string;
  contacts: string;
  examples: number;
  hubspotBaseUrl?: string;
  /** An instant in the first week whose expected shares of leads are shown (that week and the next). Default: none shown. */
  at?: number;
}

/** A step that failed: what to say (secrets already removed), diagnostics, and the exit code. */
export class SimulationFailure extends RouteOpsError {
  override name = "SimulationFailure";
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly exitCode = 1,
  ) {
    super("simulation_failed", message);
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
  io: SimulationPlace,
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
        ...io.hubspotBounds,
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
      ...(request.at !== undefined ? { weeks: weeksFrom(new Date(request.at).toISOString().slice(0, 10)) } : {}),
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
