import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config";
import { byId, findingsAfter, messagesAfter, rep } from "./broken-config";

describe("calendars and dates", () => {
  it("reports a time zone that is not IANA", () => {
    const change = (c: RoutingConfig) => {
      byId(c.calendars, "uk").timeZone = "Europe/Londn";
    };
    expect(findingsAfter(change)).toEqual([["invalid_time_zone", "error", "calendars.uk.timeZone"]]);
  });

  it("accepts any IANA zone the runtime knows, including UTC", () => {
    expect(
      findingsAfter((c) => {
        byId(c.calendars, "uk").timeZone = "UTC";
        byId(c.calendars, "us-west").timeZone = "Pacific/Chatham";
      }),
    ).toEqual([]);
  });

  it("reports hours that are not HH:MM-HH:MM, impossible, or reversed", () => {
    expect(
      findingsAfter((c) => {
        byId(c.calendars, "uk").weeklyHours = {
          mon: ["9:00-17:00"],
          tue: ["09:00-25:00"],
          wed: ["17:00-09:00"],
          thu: ["09:00-17:00"],
        };
      }),
    ).toEqual([
      ["invalid_hours", "error", "calendars.uk.weeklyHours.mon[0]"],
      ["invalid_hours", "error", "calendars.uk.weeklyHours.tue[0]"],
      ["invalid_hours", "error", "calendars.uk.weeklyHours.wed[0]"],
    ]);
  });

  it("accepts 24:00 as the end of a day and split shifts that touch", () => {
    expect(
      findingsAfter((c) => {
        byId(c.calendars, "uk").weeklyHours = { sat: ["00:00-12:00", "12:00-24:00"] };
      }),
    ).toEqual([]);
  });

  it("reports intervals that overlap within a day", () => {
    const change = (c: RoutingConfig) => {
      byId(c.calendars, "us-east").weeklyHours = { mon: ["13:00-17:00", "09:00-13:30"] };
    };
    expect(findingsAfter(change)).toEqual([["overlapping_hours", "error", "calendars.us-east.weeklyHours.mon[0]"]]);
    expect(messagesAfter(change)[0]).toBe(
      '"13:00-17:00" overlaps "09:00-13:30" on mon: intervals of one day must not overlap',
    );
  });

  it("reports a calendar that is never open", () => {
    expect(
      findingsAfter((c) => {
        byId(c.calendars, "us-west").weeklyHours = { sun: [] };
      }),
    ).toEqual([["calendar_never_open", "error", "calendars.us-west.weeklyHours"]]);
  });

  it("reports impossible and malformed holiday dates, and warns about a repeated one", () => {
    expect(
      findingsAfter((c) => {
        byId(c.calendars, "uk").holidays = ["2026-02-30", "2026-4-3", "2026-12-25", "2026-12-25"];
      }),
    ).toEqual([
      ["invalid_date", "error", "calendars.uk.holidays[0]"],
      ["invalid_date", "error", "calendars.uk.holidays[1]"],
      ["duplicate_holiday", "warning", "calendars.uk.holidays[3]"],
    ]);
  });

  it("accepts 29 February in a leap year only", () => {
    expect(findingsAfter((c) => void (byId(c.calendars, "uk").holidays = ["2028-02-29"]))).toEqual([]);
    expect(findingsAfter((c) => void (byId(c.calendars, "uk").holidays = ["2027-02-29"]))).toEqual([
      ["invalid_date", "error", "calendars.uk.holidays[0]"],
    ]);
  });

  it("reports a reversed out-of-office range and an impossible out-of-office date", () => {
    expect(
      findingsAfter((c) => {
        rep(c, "farid.haddad@acme.test").outOfOffice = [
          { from: "2026-08-14", to: "2026-08-03" },
          { from: "2026-09-31", to: "2026-10-02" },
        ];
      }),
    ).toEqual([
      ["reversed_date_range", "error", "reps.farid.haddad@acme.test.outOfOffice[0].to"],
      ["invalid_date", "error", "reps.farid.haddad@acme.test.outOfOffice[1].from"],
    ]);
  });
});
