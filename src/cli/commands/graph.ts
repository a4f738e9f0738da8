import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { hasErrors, type Diagnostic } from "../../config/diagnostics";
import type { RoutingConfig } from "../../config/types";
import { loadAndValidate } from "../../files/config-loader";
import { graphMarkdown, routingGraph } from "../../graph";
import { formatDiagnosticsText } from "../../report/diagnostics";
import { UsageError, type CliIO, type Command } from "../io";

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
  let values: { config?: string; base?: string; format?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { config: { type: "string" }, base: { type: "string" }, format: { type: "string" } },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const format = values.format ?? "mermaid";
  if (format !== "mermaid" && format !== "markdown") {
    throw new UsageError(`--format must be mermaid or markdown, not "${format}"`);
  }
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

/** Runs git; a failure becomes a {@link ConfigFailure} with git's own first line of complaint. */
function git(args: string[], cwd: string): Buffer {
  try {
    return execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === "ENOENT") throw new ConfigFailure("git is not installed: --base with a git ref needs it");
    const said = failure.stderr?.toString("utf8").trim().split("\n")[0] ?? "";
    throw new ConfigFailure(`git ${args[0]} failed${said ? `: ${said}` : ""}`);
  }
}

function gitText(args: string[], cwd: string): string {
  return git(args, cwd).toString("utf8").trim();
}

/** The folder that holds the config module (what `--config` names, or the folder it is in). */
function configFolder(absoluteConfig: string): string {
  if (fs.existsSync(absoluteConfig) && fs.statSync(absoluteConfig).isDirectory()) return absoluteConfig;
  return path.dirname(absoluteConfig);
}

/**
 * Writes the config's folder as it is at `ref` into a scratch folder under `.routeops/` in the
 * repository (so that packages still resolve), and links everything else of the working tree
 * beside it, so that what the config imports from outside its folder (`../src/config`) is found.
 * Returns the scratch folder and the path of the config module inside it.
 */
function materializeAtRef(ref: string, configPath: string, cwd: string): { scratch: string; entry: string } {
  const root = gitText(["rev-parse", "--show-toplevel"], cwd);
  const absoluteConfig = path.resolve(cwd, configPath);
  const folder = configFolder(absoluteConfig);
  const folderInRepo = path.relative(root, folder);
  if (folderInRepo.startsWith("..") || path.isAbsolute(folderInRepo)) {
    throw new ConfigFailure(`--base ${ref}: the config ${configPath} is not inside the git repository ${root}`);
  }
  const gitFolder = folderInRepo.split(path.sep).join("/");
  const files = git(["ls-tree", "-r", "-z", "--name-only", ref, "--", gitFolder || "."], root)
    .toString("utf8")
    .split("\0")
    .filter(Boolean);
  if (files.length === 0)
    throw new ConfigFailure(`--base ${ref}: ${gitFolder || "the repository"} has no files at ${ref}`);

  fs.mkdirSync(path.join(root, ".routeops"), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(root, ".routeops", "base-"));
  try {
    for (const file of files) {
      const target = path.join(scratch, ...file.split("/"));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, git(["show", `${ref}:${file}`], root));
    }
    // Link the siblings of every folder on the way from the repository root to the config folder.
    const segments = folderInRepo === "" ? [] : folderInRepo.split(path.sep);
    for (let depth = 0; depth < segments.length; depth++) {
      const real = path.join(root, ...segments.slice(0, depth));
      const copy = path.join(scratch, ...segments.slice(0, depth));
      for (const entry of fs.readdirSync(real)) {
        if (entry === segments[depth] || (depth === 0 && (entry === ".git" || entry === ".routeops"))) continue;
        if (!fs.existsSync(path.join(copy, entry))) fs.symlinkSync(path.join(real, entry), path.join(copy, entry));
      }
    }
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return { scratch, entry: path.join(scratch, path.relative(root, absoluteConfig)) };
}

function loadConfig(configPath: string, cwd: string, what: string): RoutingConfig {
  const { config, diagnostics } = loadAndValidate(configPath, { cwd });
  if (!config || hasErrors(diagnostics)) throw new ConfigFailure(`${what} is not valid:`, diagnostics);
  return config;
}

/** Loads the base config from a path, or from a git ref (removing the scratch folder afterwards). */
function loadBase(base: string, configPath: string, cwd: string): RoutingConfig {
  if (fs.existsSync(path.resolve(cwd, base))) return loadConfig(base, cwd, `the base config ${base}`);
  if (base.startsWith("-")) throw new UsageError(`--base "${base}" is neither a file nor a git ref`);
  try {
    git(["rev-parse", "--verify", "--quiet", `${base}^{commit}`], cwd);
  } catch (error) {
    const missingGit = error instanceof ConfigFailure && error.message.startsWith("git is not installed");
    throw new UsageError(
      missingGit
        ? `--base "${base}" is not a file, and git (needed to read a ref) is not installed`
        : `--base "${base}" is neither a file nor a git ref of the repository at ${cwd}`,
    );
  }
  const { scratch, entry } = materializeAtRef(base, configPath, cwd);
  try {
    return loadConfig(entry, cwd, `the config at ${base}`);
  } catch (error) {
    // Name the files as they are in git (`main:routing/x.ts`), not in the scratch folder.
    if (error instanceof ConfigFailure) {
      const scratchPrefix = path.relative(cwd, scratch) + path.sep;
      const renamed = error.diagnostics.map((d) =>
        d.file?.startsWith(scratchPrefix)
          ? { ...d, file: `${base}:${path.relative(scratch, path.resolve(cwd, d.file)).split(path.sep).join("/")}` }
          : d,
      );
      throw new ConfigFailure(error.message, renamed);
    }
    throw error;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
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
        const count = graph.changes.length;
        io.stderr.write(`${count} routing change${count === 1 ? "" : "s"} compared with ${options.base}\n`);
      }
    }
    return 0;
  },
};
