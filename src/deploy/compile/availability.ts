/** Local calendar dates, for out-of-office days (whole local days of the rep's calendar). */
import type { DateRange } from "../../config/types";

/** The local date (`YYYY-MM-DD`) of an instant in a time zone. Throws RangeError for an unknown zone. */
export function localDate(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date(at))
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The absence that covers `date`, if any. */
export function absenceOn(ranges: readonly DateRange[] | undefined, date: string): DateRange | undefined {
  return (ranges ?? []).find((range) => range.from <= date && date <= range.to);
}

/** The first date after `date` on which availability changes (an absence starts or ends), if any. */
export function nextAvailabilityChange(ranges: readonly DateRange[] | undefined, date: string): string | undefined {
  const changes = (ranges ?? []).flatMap((range) => {
    if (range.from > date) return [range.from];
    if (range.to >= date) return [dayAfter(range.to)];
    return [];
  });
  return changes.sort()[0];
}
