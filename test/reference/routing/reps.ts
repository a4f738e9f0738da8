import type { RepConfig } from "routeops";

export const reps: RepConfig[] = [
  { email: "ava.reed@acme.test", name: "Ava Reed", role: "AE", calendar: "us-east", territories: ["na-east"] },
  {
    email: "ben.ortiz@acme.test",
    name: "Ben Ortiz",
    role: "AE",
    calendar: "us-west",
    territories: ["na-west"],
    // At most 8 new pool leads per business day (Los Angeles days), 30 per week, 25 open at once.
    capacity: { perDay: 8, perWeek: 30, open: 25 },
    slackUserId: "U0BENORTIZ",
  },
  {
    email: "chloe.nguyen@acme.test",
    name: "Chloe Nguyen",
    role: "AE",
    calendar: "us-west",
    territories: ["na-west"],
    capacity: { perDay: 8 },
    slackUserId: "U0CHLOENGU",
  },
  {
    email: "dan.kim@acme.test",
    name: "Dan Kim",
    role: "senior SDR",
    calendar: "us-east",
    territories: ["na-east"],
    // Leaving: still in the rotation on his last day, out of it from 2027-01-30 (New York days).
    endsOn: "2027-01-29",
  },
  { email: "elena.rossi@acme.test", name: "Elena Rossi", role: "AE", calendar: "uk", territories: ["emea"] },
  {
    email: "farid.haddad@acme.test",
    name: "Farid Haddad",
    role: "AE",
    calendar: "uk",
    territories: ["emea"],
    // Two weeks off (whole London days), then an afternoon off from 13:00 to 17:00 London time.
    outOfOffice: [
      { from: "2026-08-03", to: "2026-08-14" },
      { from: "2026-09-14T13:00", to: "2026-09-14T17:00" },
    ],
  },
  {
    email: "gina.park@acme.test",
    name: "Gina Park",
    role: "SDR (inbound)",
    calendar: "us-east",
    territories: ["na-east", "na-west"],
  },
  {
    email: "hugo.martin@acme.test",
    name: "Hugo Martin",
    role: "SDR (inbound)",
    calendar: "uk",
    territories: ["emea"],
    // Joined on 5 January 2026: not in the rotation of earlier leads.
    startsOn: "2026-01-05",
  },
  {
    email: "ivan.petrov@acme.test",
    name: "Ivan Petrov",
    role: "outbound hunter",
    calendar: "us-east",
    territories: ["na-east", "na-west"],
    active: false,
    replacedBy: "jade.wilson@acme.test",
  },
  {
    email: "jade.wilson@acme.test",
    name: "Jade Wilson",
    role: "outbound hunter",
    calendar: "us-east",
    territories: ["na-east", "na-west"],
  },
  {
    email: "kofi.mensah@acme.test",
    name: "Kofi Mensah",
    role: "outbound hunter",
    calendar: "uk",
    territories: ["emea"],
  },
  {
    email: "lara.chen@acme.test",
    name: "Lara Chen",
    role: "enterprise AE",
    calendar: "us-east",
    territories: ["na-east", "na-west"],
  },
  {
    email: "mia.lopez@acme.test",
    name: "Mia Lopez",
    role: "RevOps manager",
    calendar: "us-east",
    territories: [],
    slackUserId: "U0MIALOPEZ",
  },
];
