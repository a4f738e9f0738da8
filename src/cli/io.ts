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
export class UsageError extends Error {
  override name = "UsageError";
}
