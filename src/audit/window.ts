/**
 * The audit window: the period whose leads are audited, and the previous period of the same
 * length that trends compare against. Instants are epoch milliseconds; date-only values are UTC
 * days, so that a report reads the same on every machine whatever its time zone.
 */
import { RouteOpsError } from "../errors";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A half-open period `[from, to)` in epoch milliseconds. */
export interface AuditWindow {
  from: number;
  to: number;
}

/** Why a window option was rejected, worded for the person who typed it. */
export class WindowError extends RouteOpsError {
  override name = "WindowError";
  constructor(message: string) {
    super("invalid_window", message);
  }
}

const durationPattern = /^(\d+)([hdw])$/;

/** `--since 7d` (also `24h`, `2w`): the period ending at `now`. */
export function windowSince(since: string, now: number): AuditWindow {
  const match = durationPattern.exec(since.trim());
  if (!match) throw new WindowError(`--since: expected a length such as 7d, 24h or 2w, got "${since}"`);
  const amount = Number(match[1]);
  const unit = match[2];
  const length = amount * (unit === "h" ? HOUR_MS : unit === "d" ? DAY_MS : 7 * DAY_MS);
  if (length <= 0) throw new WindowError(`--since: the length must be more than zero, got "${since}"`);
  return { from: now - length, to: now };
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO date (a UTC day) or date-time with `Z` or an offset. For `--to`, a date-only value
 * includes that whole day, so `--from 2026-11-01 --to 2026-11-07` covers seven days.
 */
export function parseWindowBound(option: "--from" | "--to", value: string): number {
  const text = value.trim();
  if (datePattern.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== text) {
      throw new WindowError(`${option}: "${value}" is not a calendar date`);
    }
    return option === "--to" ? start + DAY_MS : start;
  }
  if (dateTimePattern.test(text)) {
    const at = Date.parse(text);
    if (!Number.isNaN(at)) return at;
  }
  throw new WindowError(
    `${option}: expected an ISO date (2026-11-01) or date-time with a zone (2026-11-01T09:00:00Z), got "${value}"`,
  );
}

/** `--now`: a date-time with a zone (the audit's "now", for reproducible reports). */
export function parseNow(value: string): number {
  const text = value.trim();
  const at = Date.parse(text);
  if (!dateTimePattern.test(text) || Number.isNaN(at)) {
    throw new WindowError(`--now: expected a date-time with a zone (2026-11-30T18:00:00Z), got "${value}"`);
  }
  return at;
}

/** `--from` / `--to`; `to` defaults to `now`. */
export function windowBetween(from: string, to: string | undefined, now: number): AuditWindow {
  const window = { from: parseWindowBound("--from", from), to: to === undefined ? now : parseWindowBound("--to", to) };
  if (window.to <= window.from) {
    throw new WindowError(
      `--from must be before --to (got ${new Date(window.from).toISOString()} to ${new Date(window.to).toISOString()})`,
    );
  }
  return window;
}

/** The period of the same length that ends where `window` starts. */
export function previousWindow(window: AuditWindow): AuditWindow {
  return { from: window.from - (window.to - window.from), to: window.from };
}

export function inWindow(at: number | null, window: AuditWindow): boolean {
  return at !== null && at >= window.from && at < window.to;
}

/** The UTC days (`YYYY-MM-DD`) that the window touches, oldest first. */
export function utcDaysOf(window: AuditWindow): string[] {
  const days: string[] = [];
  for (let day = Math.floor(window.from / DAY_MS) * DAY_MS; day < window.to; day += DAY_MS) {
    days.push(utcDay(day));
  }
  return days;
}

export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function utcMonth(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}
