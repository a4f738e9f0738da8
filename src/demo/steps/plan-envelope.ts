/** What the demo reads from the JSON of `routeops plan` and `routeops deploy` (routeops.plan/1, routeops.deploy/1). */

/** The plan envelope's parts the demo shows. */
export interface PlanEnvelope {
  status: "changes" | "no-changes" | "blocked" | "error";
  summary?: PlanSummary;
  drift?: { message: string }[];
  warnings?: { code: string; subject: string | null; message: string }[];
  error?: { code: string; message: string; details?: string[] };
}

export interface PlanSummary {
  add: number;
  change: number;
  destroy: number;
  unchanged: number;
  unmanaged: number;
  blocked: number;
  drift: number;
}

/** Terraform's last line: `Plan: 1 to add, 0 to change, 0 to destroy.`, or that nothing changes. */
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

/** `HubSpot API calls: N` as plan and deploy print it on stderr; null when absent. */
export function apiCalls(stderr: string): number | null {
  const match = /HubSpot API calls: (\d+)/.exec(stderr);
  return match ? Number(match[1]) : null;
}
