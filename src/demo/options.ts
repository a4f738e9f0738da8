/** What `routeops demo` is asked to do, and what tests may replace. */
import type { DeployMode } from "../config/types";
import type { Sleep } from "./leads/emulator-http";

/** The demo's options, parsed. */
export interface DemoOptions {
  /** Routing config module (default `routing/index.ts`). */
  config: string;
  /** Fixtures folder (default `test/fixtures`). */
  fixtures: string;
  /** Report folder; default `.routeops/demo/<timestamp>` under the working directory. */
  out?: string;
  /** Contacts the emulator's portal is seeded with (routing history for the audit). */
  contacts: number;
  /** Leads in the burst. */
  leads: number;
  /** Leave the emulator running after the demo, until `waitForStop` resolves. */
  keepRunning: boolean;
  /** The demo's "now", epoch ms; default the machine's clock. */
  now?: number;
  /** Seed of the generated leads and portal: the same seed gives the same demo. */
  seed: number;
  /** Who routes the leads: the router (default; capture workflows deployed) or HubSpot workflows. */
  mode: DeployMode;
}

/** The demo's dependencies on the machine; tests pass their own. */
export interface DemoDeps {
  /** Epoch ms: the demo's "now" when `--now` is not given. Default `Date.now`. */
  wallClock?: () => number;
  /** Monotonic ms for durations and the demo clock. Default `performance.now`. */
  elapsed?: () => number;
  sleep?: Sleep;
  /** With `--keep-running`: resolves when the emulator should stop (Ctrl+C). */
  waitForStop?: () => Promise<void>;
}

/** The whole demo should take less than this, seconds. */
export const DEMO_TARGET_SECONDS = 60;
