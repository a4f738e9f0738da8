import { describe, expect, it } from "vitest";
import { previousWindow, utcDaysOf, windowBetween, windowSince, WindowError } from "../../src/audit/window";
import { percentile, durationStats, trend } from "../../src/audit/statistics";

const at = (iso: string) => Date.parse(iso);
const now = at("2026-11-30T18:00:00Z");

describe("audit window", () => {
  it("reads --since as a length ending now", () => {
    expect(windowSince("7d", now)).toEqual({ from: at("2026-11-23T18:00:00Z"), to: now });
    expect(windowSince("24h", now)).toEqual({ from: at("2026-11-29T18:00:00Z"), to: now });
    expect(windowSince("2w", now)).toEqual({ from: at("2026-11-16T18:00:00Z"), to: now });
  });

  it("rejects a --since it cannot read, saying what it expected", () => {
    expect(() => windowSince("7 days", now)).toThrow(/expected a length such as 7d, 24h or 2w, got "7 days"/);
    expect(() => windowSince("0d", now)).toThrow(WindowError);
  });

  it("reads --from and --to dates as whole UTC days, --to included", () => {
    expect(windowBetween("2026-11-01", "2026-11-07", now)).toEqual({
      from: at("2026-11-01T00:00:00Z"),
      to: at("2026-11-08T00:00:00Z"),
    });
  });

  it("reads date-times with their offset, and --to defaults to now", () => {
    expect(windowBetween("2026-11-01T09:00:00-05:00", undefined, now)).toEqual({
      from: at("2026-11-01T14:00:00Z"),
      to: now,
    });
  });

  it("rejects impossible dates, zoneless date-times and reversed windows", () => {
    expect(() => windowBetween("2026-02-30", undefined, now)).toThrow(/--from: "2026-02-30" is not a calendar date/);
    expect(() => windowBetween("2026-11-01T09:00", undefined, now)).toThrow(/date-time with a zone/);
    expect(() => windowBetween("2026-11-08", "2026-11-01", now)).toThrow(/--from must be before --to/);
  });

  it("compares with the previous window of the same length", () => {
    expect(previousWindow({ from: 100, to: 250 })).toEqual({ from: -50, to: 100 });
  });

  it("lists the UTC days a window touches", () => {
    expect(utcDaysOf({ from: at("2026-11-01T18:00:00Z"), to: at("2026-11-03T01:00:00Z") })).toEqual([
      "2026-11-01",
      "2026-11-02",
      "2026-11-03",
    ]);
  });
});

describe("audit statistics", () => {
  it("takes percentiles by nearest rank", () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 50)).toBe(5); // rank ceil(5) = 5
    expect(percentile(ten, 90)).toBe(9); // rank ceil(9) = 9
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10); // rank ceil(9.9) = 10
    expect(percentile([42], 90)).toBe(42);
    expect(percentile([], 50)).toBeNull();
  });

  it("sorts durations before taking percentiles", () => {
    expect(durationStats([30, 10, 20])).toEqual({ count: 3, medianMinutes: 20, p90Minutes: 30 });
  });

  it("gives no relative trend when the previous window had none", () => {
    expect(trend(3, 0)).toEqual({ current: 3, previous: 0, change: 3, changeRate: null });
    expect(trend(1, 4)).toEqual({ current: 1, previous: 4, change: -3, changeRate: -0.75 });
  });
});
