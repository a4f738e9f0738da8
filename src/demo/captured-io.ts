/**
 * How the demo runs the other commands: each gets its own io, with an environment built by the
 * demo (the emulator's base URL and token, nothing of the user's), and its output kept for the
 * reports. Everything that leaves through here is scrubbed of the emulator's token.
 */
import type { CliIO } from "../cli/io";

/** A command's io whose output is kept, not printed. */
export interface CapturedIO extends CliIO {
  /** What the command wrote to stdout, the token replaced by `***`. */
  out(): string;
  /** What the command wrote to stderr, the token replaced by `***`. */
  err(): string;
}

/** Replaces every secret in `text` by `***`. Secrets shorter than 4 characters are ignored. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 4).reduce((out, secret) => out.split(secret).join("***"), text);
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
    out: () => scrubSecrets(out, secrets),
    err: () => scrubSecrets(err, secrets),
  };
}
