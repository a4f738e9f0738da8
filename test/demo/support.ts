/** What the demo's tests share: a capturing io, a scratch folder, and the files a run left. */
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import routing from "../reference/routing/index";
import type { EventKind } from "../../src/config/types";
import { MANAGED_FLOWS } from "../../src/deploy/managed-names";
import { EVENT_TYPES, TOUCH_EVENT_TYPES } from "../../src/hubspot-contract";

/** A token the tests give the emulator (ROUTEOPS_EMULATOR_TOKEN), so that they can look for it. */
export const KNOWN_TOKEN = "pat-emulator-demo-test-7c1e9a55d2b04f3e";

/** A Monday afternoon in New York: the demo's pinned "now". */
export const DEMO_NOW = "2026-03-02T19:30:00Z";

export { captureIO } from "../support/cli-io";

export async function scratchFolder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "routeops-demo-test-"));
}

/** Every file in `dir` (not recursive), by name. */
export async function filesIn(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of await readdir(dir)) files.set(name, await readFile(path.join(dir, name), "utf8"));
  return files;
}

/** The status lines of a run: `[mark, step]` in the order printed. */
export function statusLines(stdout: string): [string, string][] {
  return stdout
    .split("\n")
    .map((line) => /^([✓✗]) (\S+)/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!]);
}

/**
 * The workflows a router-mode deploy of the reference organisation puts in the portal: a capture
 * workflow per event HubSpot raises a workflow event for (none for chats and list imports), and the
 * touch workflows that keep the latest outbound touch. Sorted.
 */
export function routerModeFlows(): string[] {
  const capture = (Object.keys(MANAGED_FLOWS.capture) as EventKind[])
    .filter((kind) => EVENT_TYPES[kind].eventTypeId !== null)
    .map((kind) => MANAGED_FLOWS.capture[kind]);
  const touch = routing.reengagement.touchKinds
    .filter((kind) => TOUCH_EVENT_TYPES[kind].eventTypeId !== null)
    .map((kind) => MANAGED_FLOWS.touch[kind]);
  return [...new Set([...capture, ...touch])].sort();
}
