/**
 * How figures read in every output: durations in business time, rates with their parts, trends
 * with their direction. One place, so Markdown and terminal reports agree.
 */
import type { AuditSystem, DurationStats, Rate, Trend } from "../model";

export const SYSTEM_LABELS: Record<AuditSystem, string> = {
  inbound: "Inbound",
  outbound: "Outbound",
  reengagement: "Re-engagement",
  unclassified: "Unclassified",
};

/** Business minutes as `42 min` or `3 h 05 min` (business time, rounded to the minute). */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "n/a";
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${hours} h ${String(rest).padStart(2, "0")} min`;
}

export function formatPercent(value: number | null): string {
  if (value === null) return "n/a";
  return `${(value * 100).toFixed(1)}%`;
}

/** `85.0% (17/20)`, or `n/a (0/0)` when there is nothing to measure. */
export function formatRate(rate: Rate): string {
  return `${formatPercent(rate.rate)} (${rate.numerator}/${rate.denominator})`;
}

/** `12 (previous 8, +4, +50.0%)`. */
export function formatTrend(trend: Trend): string {
  const sign = trend.change > 0 ? "+" : "";
  const relative = trend.changeRate === null ? "" : `, ${sign}${(trend.changeRate * 100).toFixed(1)}%`;
  return `${trend.current} (previous ${trend.previous}, ${sign}${trend.change}${relative})`;
}

export function formatChange(trend: Trend): string {
  const sign = trend.change > 0 ? "+" : "";
  return trend.changeRate === null
    ? `${sign}${trend.change}`
    : `${sign}${trend.change} (${sign}${(trend.changeRate * 100).toFixed(1)}%)`;
}

export function formatStats(stats: DurationStats): [string, string] {
  return [formatMinutes(stats.medianMinutes), formatMinutes(stats.p90Minutes)];
}

/** Credits such as 1.5 conversions without trailing zeros. */
export function formatCredit(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** `2026-11-20 00:00 UTC` from an ISO instant. */
export function formatInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
