import { formatDiagnosticsText } from "../../report/diagnostics";
import { redactSecrets, secretsFromEnv } from "../../secrets";
import { renderSimulationJson, renderSimulationMarkdown, renderSimulationText } from "../../simulate";
import {
  loadComparedConfigs,
  simulateContacts,
  SimulationFailure,
  type SimulationRequest,
} from "../../usecases/simulate";
import { examplesOption, oneOf, parseAt, parseCommandArgs } from "../args";
import { hubspotBounds } from "../hubspot-bounds";
import { UsageError, type CliIO, type Command } from "../io";

const usage = `Usage: routeops simulate [--base REF|PATH] [--config FILE] [--contacts SOURCE]
                         [--format text|markdown|json] [--examples N] [--at DATE]
                         [--hubspot-base-url URL]

Replays a set of contacts through the base config and the head config (each with its own pool
rotation carried through the replay) and reports what changes: the decision changes (system,
rule, pool or queue, SLA policy, source type, named owner) with from -> to counts, apart from
leads that only go to another member of the same pool (a changed pool at work, or the rotation
reshuffling an unchanged pool); each rep's expected share of each changed pool's leads per week,
before and after (weights, absences); the leads each rep gets in the replay; SLA due-time moves;
and a few examples with a one-line "why" from both sides and both traces.

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
  --at DATE           the week (and the next) whose expected shares of leads are shown:
                      YYYY-MM-DD or an ISO date-time with a zone. Default: now
  --hubspot-base-url URL  HubSpot API root for portal:N (default: HUBSPOT_BASE_URL, else
                      https://api.hubapi.com)
  -h, --help          show this help

Exit code: 0 when the report was printed; 1 when a config does not validate or the contacts
cannot be read; 2 for bad usage (or portal:N without a token).`;

function parseOptions(argv: string[]): SimulationRequest & { format: "text" | "markdown" | "json" } {
  const { values } = parseCommandArgs(argv, {
    base: { type: "string" },
    config: { type: "string" },
    contacts: { type: "string" },
    format: { type: "string" },
    examples: { type: "string" },
    at: { type: "string" },
    "hubspot-base-url": { type: "string" },
  });
  const format = oneOf("--format", values.format, ["text", "markdown", "json"], "text");
  if (values.base !== undefined && values.base.trim() === "") throw new UsageError("--base needs a git ref or a path");
  return {
    format,
    config: values.config ?? "routing/index.ts",
    contacts: values.contacts ?? "test/fixtures",
    examples: examplesOption(values.examples, 3),
    at: values.at !== undefined ? parseAt(values.at) : Date.now(),
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
      const { report, context } = await simulateContacts(configs, options, { ...io, hubspotBounds: hubspotBounds(io) });
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
