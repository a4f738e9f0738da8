/**
 * How the demo runs the other commands: each gets its own io, with an environment built by the
 * demo (the emulator's base URL and token, nothing of the user's), and its output kept for the
 * reports. Everything that leaves through here is scrubbed of the emulator's token.
 */
import type { CliIO } from "../cli/io";
import { redactSecrets } from "../secrets";

/** A command's io whose output is kept, not printed. */
export interface CapturedIO extends CliIO {
  /** What the command wrote to stdout, the token redacted. */
  out(): string;
  /** What the command wrote to stderr, the token redacted. */
  err(): string;
}

/** An io for one command run: `env` exactly as given, output captured and scrubbed of `secrets`. */
export function captureIO(env: Record<string, string>, cwd: string, secrets: readonly string[]): CapturedIO {
  let out = "";
  let err = "";
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    env: { ...env },
    cwd,
    out: () => redactSecrets(out, secrets),
    err: () => redactSecrets(err, secrets),
  };
}
