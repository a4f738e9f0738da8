/** The HubSpot portal the demo's steps work on (the emulator, or the user's portal read-only). */
import type { DeployMode } from "../../config/types";
import type { PlanSummary } from "../../deploy";
import type { HubSpotAdapter } from "../../hubspot";
import { connectHubSpot } from "../../usecases/portal";

/** Where the portal is and how the routing is deployed to it. */
export interface DemoPortal {
  baseUrl: string;
  token: string;
  /** The working folder the config path is relative to. */
  cwd: string;
  /** How the routing runs: the router decides (default) or HubSpot workflows do. */
  mode: DeployMode;
}

/** A fresh adapter for one step, so that its API call count is the step's own. */
export function portalAdapter(portal: DemoPortal): HubSpotAdapter {
  return connectHubSpot({ token: portal.token, baseUrl: portal.baseUrl });
}

/** Terraform's last line: `Plan: 1 to add, 0 to change, 0 to destroy`, or that nothing changes. */
export function planLine(summary: PlanSummary): string {
  const { add, change, destroy } = summary;
  if (add + change + destroy === 0) return "No changes: the portal matches the configuration";
  return `Plan: ${add} to add, ${change} to change, ${destroy} to destroy`;
}

/** The HubSpot limitations the plan lists, one line per code with how many times it applies. */
export function warningLines(warnings: readonly { code: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  if (counts.size === 0) return [];
  const list = [...counts].map(([code, n]) => (n === 1 ? code : `${code} (${n})`)).join(", ");
  return [`HubSpot limitations noted (docs/deploy.md): ${list}`];
}
