import { hasErrors, type Diagnostic } from "../../config/diagnostics";
import type { RoutingConfig } from "../../config/types";
import { loadAndValidate } from "../../files/config-loader";
import { GitRefError, isConfigPath, loadConfigAtRef } from "../../files/git-ref";
import { graphMarkdown, routingGraph } from "../../graph";
import { formatDiagnosticsText } from "../../report/diagnostics";
import { UsageError, type CliIO, type Command } from "../io";
import { oneOf, parseCommandArgs } from "../args";

const usage = `Usage: routeops graph [--config FILE] [--base REF|PATH] [--format mermaid|markdown]

Draws the routing as a Mermaid flowchart: the source identification layer (source types in
order, then the unclassified catch), then re-engagement, inbound and outbound rules in the order
they are evaluated, conditions on the edges and outcomes (owner, pool, queue, nurture, SLA and
notification) as nodes. With --base, rules and source types that were added, changed or removed
compared with the base config are highlighted.

Options:
  --config FILE       the config module (default: routing/index.ts)
  --base REF|PATH     compare with this config: a path to a config module, or a git ref (the
                      config's folder is read from that commit with git show)
  --format FORMAT     mermaid (default): the diagram source; markdown: a mermaid code block
                      and, with --base, a table of the changes (for PR comments)
  -h, --help          show this help

Exit code: 0 when the graph was written; 1 when a config does not load or validate; 2 for bad usage.
`;

interface GraphOptions {
  config: string;
  base?: string;
  format: "mermaid" | "markdown";
}

function parseOptions(argv: string[]): GraphOptions {
  const { values } = parseCommandArgs(argv, {
    config: { type: "string" },
    base: { type: "string" },
    format: { type: "string" },
  });
  const format = oneOf("--format", values.format, ["mermaid", "markdown"], "mermaid");
  if (values.base !== undefined && values.base.trim() === "") throw new UsageError("--base needs a git ref or a path");
  return { config: values.config ?? "routing/index.ts", format, ...(values.base ? { base: values.base } : {}) };
}

/** A config that could not be used, with the diagnostics that say why. */
class ConfigFailure extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

function loadConfig(configPath: string, cwd: string, what: string): RoutingConfig {
  const { config, diagnostics } = loadAndValidate(configPath, { cwd });
  if (!config || hasErrors(diagnostics)) throw new ConfigFailure(`${what} is not valid:`, diagnostics);
  return config;
}

/** Loads the base config from a path, or from a git ref (through a scratch folder that is removed again). */
function loadBase(base: string, configPath: string, cwd: string): RoutingConfig {
  if (isConfigPath(base, cwd)) return loadConfig(base, cwd, `the base config ${base}`);
  if (base.startsWith("-")) throw new UsageError(`--base "${base}" is neither a file nor a git ref`);
  try {
    const { config, diagnostics } = loadConfigAtRef(base, configPath, { cwd });
    if (!config || hasErrors(diagnostics)) throw new ConfigFailure(`the config at ${base} is not valid:`, diagnostics);
    return config;
  } catch (error) {
    if (!(error instanceof GitRefError)) throw error;
    if (error.code === "git_missing") {
      throw new UsageError(`--base "${base}" is not a file, and git (needed to read a ref) is not installed`);
    }
    if (error.code === "not_a_ref") {
      throw new UsageError(`--base "${base}" is neither a file nor a git ref of the repository at ${cwd}`);
    }
    throw new ConfigFailure(error.code === "no_config" ? `--base ${base}: ${error.message}` : error.message);
  }
}

/** `routeops graph`: the routing as a Mermaid flowchart, optionally compared with a base. */
export const graphCommand: Command = {
  name: "graph",
  summary: "Draw the routing as a Mermaid flowchart (changes highlighted with --base)",
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const options = parseOptions(argv);
    let config: RoutingConfig;
    let base: RoutingConfig | undefined;
    try {
      config = loadConfig(options.config, io.cwd, `the config ${options.config}`);
      if (options.base !== undefined) base = loadBase(options.base, options.config, io.cwd);
    } catch (error) {
      if (!(error instanceof ConfigFailure)) throw error;
      io.stderr.write(`routeops graph: ${error.message}\n`);
      if (error.diagnostics.length > 0) io.stderr.write(formatDiagnosticsText(error.diagnostics));
      return 1;
    }
    const graph = routingGraph(config, base ? { base } : {});
    if (options.format === "markdown") {
      io.stdout.write(graphMarkdown(graph, options.base !== undefined ? { base: options.base } : {}));
    } else {
      io.stdout.write(graph.mermaid);
      if (options.base !== undefined) {
        const count = graph.changes.length + graph.poolChanges.length;
        io.stderr.write(`${count} routing change${count === 1 ? "" : "s"} compared with ${options.base}\n`);
      }
    }
    return 0;
  },
};
