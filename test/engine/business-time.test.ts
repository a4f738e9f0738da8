import { describe, expect, it } from "vitest";
import type { CalendarConfig } from "../../src/config";
import { compileCalendar, slaDueAt } from "../../src/engine";
import { calendars } from "../reference/routing/calendars";

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const calendar = (id: string) => compileCalendar(calendars.find((c) => c.id === id)!);
const usEast = calendar("us-east");
const usWest = calendar("us-west");
const uk = calendar("uk");

describe("business minutes: the reference example", () => {
  it("a demo request at Fri 2026-03-06 16:30 New York is due Mon 09:30 New York = 13:30Z (DST began Sunday)", () => {
    const due = slaDueAt({ unit: "business_minutes", amount: 60 }, usEast, t("2026-03-06T21:30:00Z"));
    expect(iso(due)).toBe("2026-03-09T13:30:00.000Z");
  });

  it("16:00 + 60 business minutes is 17:00 the same day, not the next opening", () => {
    expect(iso(usEast.addBusinessMinutes(t("2026-03-03T21:00:00Z"), 60))).toBe("2026-03-03T22:00:00.000Z");
  });

  it("business hours count 60 minutes each: Tue 14:00 + 4 h = Wed 10:00", () => {
    const due = slaDueAt({ unit: "business_hours", amount: 4 }, usEast, t("2026-03-03T19:00:00Z"));
    expect(iso(due)).toBe("2026-03-04T15:00:00.000Z");
  });

  it("an event before opening starts the clock at 09:00", () => {
    expect(iso(usEast.addBusinessMinutes(t("2026-03-03T11:00:00Z"), 30))).toBe("2026-03-03T14:30:00.000Z");
  });
});

describe("open hours are [start, end)", () => {
  it("is open at 09:00 and at 16:59:59.999, closed at 17:00", () => {
    expect(usEast.isOpen(t("2026-03-03T14:00:00Z"))).toBe(true);
    expect(usEast.isOpen(t("2026-03-03T21:59:59.999Z"))).toBe(true);
    expect(usEast.isOpen(t("2026-03-03T22:00:00Z"))).toBe(false);
  });

  it("next opening of an open instant is the instant itself", () => {
    expect(usEast.nextOpening(t("2026-03-03T15:12:00Z"))).toBe(t("2026-03-03T15:12:00Z"));
  });
});

describe("weekends and holidays", () => {
  it("a Saturday event waits for Monday 09:00", () => {
    expect(iso(usEast.nextOpening(t("2026-03-07T17:00:00Z")))).toBe("2026-03-09T13:00:00.000Z");
  });

  it("Memorial Day (Mon 2026-05-25) is skipped by us-east", () => {
    expect(usEast.isOpen(t("2026-05-25T15:00:00Z"))).toBe(false);
    expect(iso(usEast.addBusinessMinutes(t("2026-05-22T20:30:00Z"), 60))).toBe("2026-05-26T13:30:00.000Z");
  });

  it("Easter (Good Friday 04-03 and Easter Monday 04-06) is skipped by uk", () => {
    expect(iso(uk.addBusinessMinutes(t("2026-04-02T15:30:00Z"), 60))).toBe("2026-04-07T08:30:00.000Z");
  });

  it("us-west keeps the same holidays on Pacific time", () => {
    expect(iso(usWest.addBusinessMinutes(t("2026-07-02T23:30:00Z"), 60))).toBe("2026-07-06T16:30:00.000Z");
  });

  it("isBusinessDate knows weekends and holidays", () => {
    expect(usEast.isBusinessDate("2026-11-26")).toBe(false);
    expect(usEast.isBusinessDate("2026-11-28")).toBe(false);
    expect(usEast.isBusinessDate("2026-11-30")).toBe(true);
    expect(uk.isBusinessDate("2026-11-26")).toBe(true);
  });
});

describe("daylight-saving changes", () => {
  it("US fall back (2026-11-01): Fri 16:30 EDT + 60 min = Mon 09:30 EST = 14:30Z", () => {
    expect(iso(usEast.addBusinessMinutes(t("2026-10-30T20:30:00Z"), 60))).toBe("2026-11-02T14:30:00.000Z");
  });

  it("US spring forward on the west coast: Fri 16:30 PST + 60 min = Mon 09:30 PDT = 16:30Z", () => {
    expect(iso(usWest.addBusinessMinutes(t("2026-03-07T00:30:00Z"), 60))).toBe("2026-03-09T16:30:00.000Z");
  });

  it("UK spring forward (2026-03-29): Fri 16:30 GMT + 60 min = Mon 09:30 BST = 08:30Z", () => {
    expect(iso(uk.addBusinessMinutes(t("2026-03-27T16:30:00Z"), 60))).toBe("2026-03-30T08:30:00.000Z");
  });

  it("UK fall back (2026-10-25): Fri 16:30 BST + 60 min = Mon 09:30 GMT = 09:30Z", () => {
    expect(iso(uk.addBusinessMinutes(t("2026-10-23T15:30:00Z"), 60))).toBe("2026-10-26T09:30:00.000Z");
  });

  it("between the US and UK changes, London opens 4 hours before New York, not 5", () => {
    expect(iso(uk.nextOpening(t("2026-03-16T00:00:00Z")))).toBe("2026-03-16T09:00:00.000Z");
    expect(iso(usEast.nextOpening(t("2026-03-16T00:00:00Z")))).toBe("2026-03-16T13:00:00.000Z");
  });

  const nightShift = (weekly: CalendarConfig["weeklyHours"]) =>
    compileCalendar({ id: "night", timeZone: "America/New_York", weeklyHours: weekly });

  it("a local time that does not exist (02:30 on 2026-03-08) moves forward by the gap", () => {
    const cal = nightShift({ sun: ["02:30-04:00"] });
    expect(iso(cal.nextOpening(t("2026-03-08T00:00:00Z")))).toBe("2026-03-08T07:30:00.000Z");
    expect(cal.businessMinutesBetween(t("2026-03-08T00:00:00Z"), t("2026-03-09T00:00:00Z"))).toBe(30);
  });

  it("hours across the spring-forward gap hold one hour less of open time", () => {
    const cal = nightShift({ sun: ["01:00-05:00"] });
    expect(cal.businessMinutesBetween(t("2026-03-08T00:00:00Z"), t("2026-03-09T00:00:00Z"))).toBe(180);
    expect(iso(cal.addBusinessMinutes(t("2026-03-08T06:00:00Z"), 90))).toBe("2026-03-08T07:30:00.000Z");
  });

  it("hours across the fall-back repeat hold one hour more, and an ambiguous start is the earlier", () => {
    expect(
      nightShift({ sun: ["00:00-03:00"] }).businessMinutesBetween(t("2026-11-01T00:00:00Z"), t("2026-11-02T00:00:00Z")),
    ).toBe(240);
    const cal = nightShift({ sun: ["01:30-02:30"] });
    expect(iso(cal.nextOpening(t("2026-11-01T00:00:00Z")))).toBe("2026-11-01T05:30:00.000Z");
    expect(cal.businessMinutesBetween(t("2026-11-01T00:00:00Z"), t("2026-11-02T00:00:00Z"))).toBe(120);
  });

  it("business days landing on a skipped wall-clock time move forward by the gap", () => {
    const cal = nightShift({ sat: ["02:00-04:00"], sun: ["02:00-04:00"] });
    expect(iso(cal.addBusinessDays(t("2026-03-07T07:30:00Z"), 1))).toBe("2026-03-08T07:30:00.000Z");
  });
});

describe("business days", () => {
  it("Mon 10:00 + 1 = Tue 10:00", () => {
    expect(iso(usEast.addBusinessDays(t("2026-03-02T15:00:00Z"), 1))).toBe("2026-03-03T15:00:00.000Z");
  });

  it("Fri 16:30 + 2 = Tue 16:30, across the spring-forward weekend", () => {
    expect(iso(usEast.addBusinessDays(t("2026-03-06T21:30:00Z"), 2))).toBe("2026-03-10T20:30:00.000Z");
  });

  it("a start outside hours moves to the next opening first: Sat + 1 = Tue 09:00", () => {
    expect(iso(usEast.addBusinessDays(t("2026-03-14T15:00:00Z"), 1))).toBe("2026-03-17T13:00:00.000Z");
  });

  it("holidays are not business days: Wed before Thanksgiving + 1 = the Monday after", () => {
    expect(iso(usEast.addBusinessDays(t("2026-11-25T15:00:00Z"), 1))).toBe("2026-11-30T15:00:00.000Z");
  });

  it("uk counts its own holidays: Thu 2026-12-24 10:00 + 1 = Tue 12-29 10:00", () => {
    expect(iso(uk.addBusinessDays(t("2026-12-24T10:00:00Z"), 1))).toBe("2026-12-29T10:00:00.000Z");
  });
});

describe("end of business day", () => {
  it("inside hours: today's close", () => {
    expect(iso(usEast.endOfBusinessDay(t("2026-03-02T15:00:00Z")))).toBe("2026-03-02T22:00:00.000Z");
  });

  it("after hours: the close of the next business day", () => {
    expect(iso(usEast.endOfBusinessDay(t("2026-03-02T23:00:00Z")))).toBe("2026-03-03T22:00:00.000Z");
  });

  it("at 17:00 exactly (closed): the next day's close", () => {
    expect(iso(usEast.endOfBusinessDay(t("2026-03-02T22:00:00Z")))).toBe("2026-03-03T22:00:00.000Z");
  });

  it("on a Saturday before the fall-back: Monday's close in EST", () => {
    expect(iso(usEast.endOfBusinessDay(t("2026-10-31T16:00:00Z")))).toBe("2026-11-02T22:00:00.000Z");
  });
});

describe("businessMinutesBetween counts open minutes in [from, to)", () => {
  it("Fri 16:00 to Mon 10:00 is 120 minutes", () => {
    expect(usEast.businessMinutesBetween(t("2026-03-06T21:00:00Z"), t("2026-03-09T14:00:00Z"))).toBe(120);
  });

  it("a whole business week is 5 x 480 minutes; a week with Thanksgiving 3 x 480", () => {
    expect(usEast.businessMinutesBetween(t("2026-03-09T00:00:00Z"), t("2026-03-16T00:00:00Z"))).toBe(2400);
    expect(usEast.businessMinutesBetween(t("2026-11-23T05:00:00Z"), t("2026-11-30T05:00:00Z"))).toBe(1440);
  });

  it("is 0 for an empty or reversed range and fractional off whole minutes", () => {
    expect(usEast.businessMinutesBetween(t("2026-03-09T15:00:00Z"), t("2026-03-09T15:00:00Z"))).toBe(0);
    expect(usEast.businessMinutesBetween(t("2026-03-09T16:00:00Z"), t("2026-03-09T15:00:00Z"))).toBe(0);
    expect(usEast.businessMinutesBetween(t("2026-03-09T15:00:00Z"), t("2026-03-09T15:00:30Z"))).toBe(0.5);
  });
});

describe("local dates and robustness", () => {
  it("localDate reads the calendar's zone, not the machine's", () => {
    expect(usEast.localDate(t("2026-03-07T03:00:00Z"))).toBe("2026-03-06");
    expect(uk.localDate(t("2026-03-07T03:00:00Z"))).toBe("2026-03-07");
    expect(usEast.localDateTime(t("2026-03-09T13:30:00Z"))).toBe("2026-03-09 09:30");
  });

  it("answers NaN rather than throwing for non-instants", () => {
    expect(usEast.addBusinessMinutes(Number.NaN, 60)).toBeNaN();
    expect(usEast.addBusinessDays(Number.POSITIVE_INFINITY, 1)).toBeNaN();
    expect(usEast.endOfBusinessDay(1e20)).toBeNaN();
    expect(usEast.isOpen(Number.NaN)).toBe(false);
    expect(usEast.localDate(Number.NaN)).toBe("");
  });

  it("a calendar that never opens gives NaN instead of searching forever", () => {
    const closed = compileCalendar({ id: "closed", timeZone: "UTC", weeklyHours: {} });
    expect(closed.nextOpening(t("2026-03-09T00:00:00Z"))).toBeNaN();
    expect(closed.addBusinessDays(t("2026-03-09T00:00:00Z"), 1)).toBeNaN();
  });

  it("an unknown time zone is reported with the calendar's id", () => {
    expect(() => compileCalendar({ id: "mars", timeZone: "Mars/Olympus", weeklyHours: {} })).toThrow(
      /calendar "mars".*Mars\/Olympus/,
    );
  });
});
