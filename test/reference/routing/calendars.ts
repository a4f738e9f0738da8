import type { CalendarConfig } from "routeops";

const weekdays9to5 = {
  mon: ["09:00-17:00"],
  tue: ["09:00-17:00"],
  wed: ["09:00-17:00"],
  thu: ["09:00-17:00"],
  fri: ["09:00-17:00"],
};

// US company holidays 2026 (New Year, MLK, Memorial, Independence observed, Labor, Thanksgiving
// and the day after, Christmas). The west coast office keeps the same days off.
const usHolidays2026 = [
  "2026-01-01",
  "2026-01-19",
  "2026-05-25",
  "2026-07-03",
  "2026-09-07",
  "2026-11-26",
  "2026-11-27",
  "2026-12-25",
];

export const calendars: CalendarConfig[] = [
  {
    id: "us-east",
    timeZone: "America/New_York",
    weeklyHours: weekdays9to5,
    holidays: usHolidays2026,
  },
  {
    id: "us-west",
    timeZone: "America/Los_Angeles",
    weeklyHours: weekdays9to5,
    holidays: usHolidays2026,
  },
  {
    id: "uk",
    timeZone: "Europe/London",
    weeklyHours: weekdays9to5,
    holidays: [
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-05-04",
      "2026-05-25",
      "2026-08-31",
      "2026-12-25",
      "2026-12-28",
    ],
  },
];
