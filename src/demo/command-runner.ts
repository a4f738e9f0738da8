/**
 * Runs another RouteOps command the way the CLI does (argv in, exit code out), with an io the
 * demo builds: the emulator's connection in its environment, its output kept for the reports.
 */
import { commands } from "../cli/commands";
import { UsageError } from "../cli/io";
import { redactSecrets } from "../secrets";
import { captureIO } from "./captured-io";

/** How a command run ended, its output scrubbed of the secrets. */
export type CommandRun =
  { found: false } | { found: true; code: number; out: string; err: string; usageError?: string; crashed?: string };

/** What every command run of one demo shares. */
export interface CommandSettings {
  /** The whole environment the command sees. */
  env: Record<string, string>;
  cwd: string;
  /** Never shown, whatever a command prints. */
  secrets: readonly string[];
}

/** Runs `routeops <name> <argv>`; `{ found: false }` when this build has no such command. */
export async function runCommand(name: string, argv: string[], settings: CommandSettings): Promise<CommandRun> {
  const load = commands[name];
  if (!load) return { found: false };
  const command = await load();
  const io = captureIO(settings.env, settings.cwd, settings.secrets);
  try {
    const code = await command.run(argv, io);
    return { found: true, code, out: io.out(), err: io.err() };
  } catch (error) {
    const message = redactSecrets(error instanceof Error ? error.message : String(error), settings.secrets);
    if (error instanceof UsageError) return { found: true, code: 2, out: io.out(), err: io.err(), usageError: message };
    return { found: true, code: 1, out: io.out(), err: io.err(), crashed: message };
  }
}

/** Why a run failed, in one line: the usage error, the crash, or the last line it printed on stderr. */
export function failureReason(run: Extract<CommandRun, { found: true }>, name: string): string {
  if (run.usageError) return `routeops ${name} refused the demo's options: ${run.usageError}`;
  if (run.crashed) return `routeops ${name} failed: ${run.crashed}`;
  const last = run.err
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .pop();
  return last ? last : `routeops ${name} exited with code ${run.code}`;
}
