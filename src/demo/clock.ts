/**
 * The demo's time. The emulator, the commands' `--now` and the engine all read it, so that the
 * workflows HubSpot would run and the engine that checks them agree on what "now" is. It starts
 * at the demo's "now" (the machine's clock, or `--now` for a reproducible run) and moves on with
 * real time, so that rate-limit windows and routed-at stamps behave as in a live portal.
 */
export interface DemoClock {
  /** The current demo instant, epoch ms. */
  now(): number;
  /** Moves the clock forward by `ms` (never back), for work that waits in HubSpot (workflow delays). */
  advance(ms: number): void;
}

/** A clock that starts at `start` and follows `elapsed` (real milliseconds since creation). */
export function createDemoClock(start: number, elapsed: () => number): DemoClock {
  const origin = elapsed();
  let skipped = 0;
  return {
    // Whole milliseconds, as HubSpot's timestamps are (a monotonic clock has fractions).
    now: () => Math.floor(start + (elapsed() - origin) + skipped),
    advance(ms: number) {
      if (ms > 0) skipped += Math.ceil(ms);
    },
  };
}

/** `2026-11-28T10-15-03Z`: an instant as a folder name (no colons, which some file systems refuse). */
export function folderStamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
}
