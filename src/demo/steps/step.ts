/**
 * A demo step: what it reports (one status line, details below it, report files, figures for
 * summary.json) and how its status line looks.
 */
import type { ReportFile } from "../../files/report-output";

/** The demo's steps (src/demo/plan.ts lists them in the order they run for each mode). */
export type StepId =
  "validate" | "emulator" | "test" | "plan" | "deploy" | "router" | "leads" | "why" | "escalation" | "audit";

/** What a step found. */
export interface StepOutcome {
  /** `skipped`: the step could not run because an earlier one failed; it counts as a failure. */
  status: "ok" | "failed" | "skipped";
  /** One line: the key figures, or why it failed. */
  summary: string;
  /** Printed under the status line, indented. */
  details?: string[];
  /** Files for the demo's report folder. */
  reports?: ReportFile[];
  /** Figures for summary.json. */
  figures?: Record<string, unknown>;
}

/** A step that ran, with its time. */
export interface StepRecord extends StepOutcome {
  id: StepId;
  /** Wall time, seconds. */
  seconds: number;
}

const MARKS: Record<StepOutcome["status"], string> = { ok: "✓", failed: "✗", skipped: "✗" };

/** `✓ validate  routing/index.ts: 0 errors, 0 warnings (0.9 s)` and the indented details. */
export function formatStep(step: StepRecord): string {
  const summary = step.status === "skipped" ? `skipped: ${step.summary}` : step.summary;
  const lines = [`${MARKS[step.status]} ${step.id.padEnd(9)} ${summary} (${formatSeconds(step.seconds)})`];
  for (const line of step.details ?? []) lines.push(line === "" ? "" : `    ${line}`);
  return lines.join("\n") + "\n";
}

/** `0.9 s`, `12.3 s`. */
export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(1)} s`;
}

/** `3,000`. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** `1 lead`, `2 leads`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** `42%` (one decimal under 10%). */
export function percent(part: number, whole: number): string {
  if (whole === 0) return "n/a";
  const value = (part / whole) * 100;
  return `${value < 10 && value > 0 ? value.toFixed(1) : Math.round(value)}%`;
}
