/**
 * The demo's summary, for people (summary.md) and tools (summary.json): every step with its
 * result and time, the total, and the files of the report folder.
 */
import { markdownText as e } from "./markdown-text";
import { formatSeconds, type StepRecord } from "./steps/step";

/** What the summary tells. */
export interface DemoSummary {
  /** The demo's instant (ISO). */
  startedAt: string;
  configVersion: string | null;
  steps: StepRecord[];
  totalSeconds: number;
  /** Target for the whole demo, seconds. */
  targetSeconds: number;
  /** Files of the report folder, summary files included. */
  files: string[];
}

/** `routeops.demo/1`: bumped only on a breaking change. */
export const DEMO_SUMMARY_SCHEMA = "routeops.demo/1";

/** Whether every step succeeded. */
export function demoSucceeded(steps: readonly StepRecord[]): boolean {
  return steps.length > 0 && steps.every((step) => step.status === "ok");
}

export function renderSummaryJson(summary: DemoSummary): string {
  const envelope = {
    schema: DEMO_SUMMARY_SCHEMA,
    ok: demoSucceeded(summary.steps),
    startedAt: summary.startedAt,
    configVersion: summary.configVersion,
    totalSeconds: round(summary.totalSeconds),
    targetSeconds: summary.targetSeconds,
    steps: summary.steps.map((step) => ({
      step: step.id,
      status: step.status,
      summary: step.summary,
      seconds: round(step.seconds),
      details: step.details ?? [],
      figures: step.figures ?? {},
    })),
    files: summary.files,
  };
  return JSON.stringify(envelope, null, 2) + "\n";
}

export function renderSummaryMarkdown(summary: DemoSummary): string {
  const ok = demoSucceeded(summary.steps);
  const failed = summary.steps.filter((step) => step.status !== "ok").length;
  const out = [
    "# RouteOps demo",
    "",
    `Run for ${e(summary.startedAt)} with routing config ${e(summary.configVersion ?? "(not loaded)")}, against a ` +
      "local HubSpot emulator: no real portal was touched.",
    "",
    `**${ok ? "Every step succeeded." : `${failed} of ${summary.steps.length} steps did not succeed.`}** ` +
      `Total ${e(formatSeconds(summary.totalSeconds))} (target: under ${summary.targetSeconds} s).`,
    "",
    "| | step | result | time |",
    "|---|---|---|---|",
  ];
  for (const step of summary.steps) {
    const mark = step.status === "ok" ? "✓" : "✗";
    const result = step.status === "skipped" ? `skipped: ${step.summary}` : step.summary;
    out.push(`| ${mark} | ${step.id} | ${e(result)} | ${e(formatSeconds(step.seconds))} |`);
  }
  for (const step of summary.steps) {
    if (!step.details || step.details.length === 0) continue;
    out.push("", `## ${step.id}`, "");
    for (const line of step.details) out.push(line.startsWith("  ") ? `  - ${e(line.trim())}` : `- ${e(line)}`);
  }
  out.push("", "## Files", "");
  for (const file of summary.files) out.push(`- [${e(file)}](${encodeURI(file)})`);
  return out.join("\n") + "\n";
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
