/** The io the tests give a command: what it prints is kept for the assertions, not printed. */
import type { CliIO } from "../../src/cli/io";
import { referenceProject } from "./reference";

/** A command's io with what it wrote so far. */
export interface CapturedIO extends CliIO {
  /** Everything written to stdout. */
  out(): string;
  /** Everything written to stderr. */
  err(): string;
}

export interface CaptureOptions {
  /**
   * The command's working folder; when not given, the reference project (test/reference), so that
   * the command's default paths find the reference organisation, never the repository's routing/.
   */
  cwd?: string;
  /** Whether each stream says it is a terminal; left unset (not a terminal) when not given. */
  isTTY?: { stdout?: boolean; stderr?: boolean };
}

/** An io with `env` exactly as given (not copied), output captured. */
export function captureIO(env: Record<string, string | undefined> = {}, options: CaptureOptions = {}): CapturedIO {
  let out = "";
  let err = "";
  const tty = (isTTY: boolean | undefined) => (isTTY !== undefined ? { isTTY } : {});
  return {
    stdout: { write: (s: string) => (out += s), ...tty(options.isTTY?.stdout) },
    stderr: { write: (s: string) => (err += s), ...tty(options.isTTY?.stderr) },
    env,
    cwd: options.cwd ?? referenceProject,
    out: () => out,
    err: () => err,
  };
}
