/**
 * The bounds every command's HubSpot adapter gets from the CLI: one stderr line before every wait
 * between attempts (what is awaited, why and how long), and the command's total deadline.
 */
import type { HubSpotWait } from "../hubspot";
import { UsageError, type CliIO } from "./io";

/** A command's total budget for HubSpot unless `ROUTEOPS_DEADLINE_SECONDS` says otherwise: 15 minutes. */
export const DEFAULT_DEADLINE_SECONDS = 900;

export function waitLine(wait: HubSpotWait): string {
  const answer = wait.status === null ? "no answer" : `HTTP ${wait.status}`;
  const why = wait.reason === "retry-after" ? "as HubSpot's Retry-After asks" : "backing off";
  return (
    `routeops: HubSpot ${wait.method} ${wait.path} got ${answer}: waiting ${Math.ceil(wait.waitMs / 1000)} s ` +
    `(${why}) before attempt ${wait.nextAttempt} of ${wait.attempts}\n`
  );
}

/** Adapter options for a command run with `io`. */
export function hubspotBounds(io: CliIO): { onWait: (wait: HubSpotWait) => void; deadlineMs: number } {
  const raw = io.env.ROUTEOPS_DEADLINE_SECONDS;
  const seconds = raw === undefined || raw.trim() === "" ? DEFAULT_DEADLINE_SECONDS : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`ROUTEOPS_DEADLINE_SECONDS must be a positive number of seconds, not "${raw}"`);
  }
  return { onWait: (wait) => io.stderr.write(waitLine(wait)), deadlineMs: seconds * 1000 };
}
