/**
 * The one error base of RouteOps. Every failure the product expects (a bad config, a fixture that
 * cannot be read, a file that cannot be written, HubSpot or GitHub refusing a call, a command used
 * wrongly) is a {@link RouteOpsError} with a stable snake_case `code` that tools may branch on, a
 * message for people that names what failed and what was expected, and optional lines under it.
 * Anything else that reaches the CLI is a bug. Pure: no I/O, usable from the core.
 */

/** What a RouteOps error carries besides its message. */
export interface RouteOpsErrorOptions {
  /** More lines for the person reading, one finding per line (printed indented under the message). */
  lines?: readonly string[];
  /** The error this one explains, when it is safe to keep (never one that may hold a secret). */
  cause?: unknown;
}

/** An expected failure: stable `code`, human `message`, optional `lines`. */
export class RouteOpsError extends Error {
  override name = "RouteOpsError";
  /** Stable snake_case code, for JSON envelopes and callers that branch on it. */
  readonly code: string;
  readonly lines: readonly string[];

  constructor(code: string, message: string, options: RouteOpsErrorOptions = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.code = code;
    this.lines = options.lines ?? [];
  }
}

/** A mistake in how a command or use case was called (an option, an argument): exit code 2 with the usage. */
export class UsageError extends RouteOpsError {
  override name = "UsageError";
  constructor(message: string) {
    super("usage", message);
  }
}

/** Whether `error` is one RouteOps expects (as opposed to a bug). */
export function isRouteOpsError(error: unknown): error is RouteOpsError {
  return error instanceof RouteOpsError;
}

/** The message of anything thrown: an Error's message, else its string form. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
