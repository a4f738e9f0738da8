import { UsageError } from "../errors";
import { createRedactor, redactingStream, secretsFromEnv } from "../secrets";

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** A CLI command: argv in, exit code out. Commands never call `process.exit`. */
export interface Command {
  name: string;
  /** One line for `routeops --help`. */
  summary: string;
  /** Full usage text for `routeops <command> --help`. */
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export { UsageError };

/**
 * The same io, with every chunk written to stdout and stderr passed through the one redactor for
 * the secrets in its environment (HUBSPOT_ACCESS_TOKEN, GITHUB_TOKEN, ROUTEOPS_EMULATOR_TOKEN).
 * `main` gives every command such an io; commands that are also run directly wrap their own.
 */
export function redactingIO<T extends CliIO>(io: T): T {
  const redact = createRedactor(secretsFromEnv(io.env));
  return { ...io, stdout: redactingStream(io.stdout, redact), stderr: redactingStream(io.stderr, redact) };
}
