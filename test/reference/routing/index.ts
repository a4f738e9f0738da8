/**
 * Acme Analytics' lead routing. Each concern lives in its own file; this one composes them.
 * Validate with `npx routeops validate`, test with `npx routeops test`.
 */
import { defineRouting } from "routeops";
import { calendars } from "./calendars";
import { pools, queues } from "./pools";
import { reengagement, unclassified } from "./reengagement";
import { reps } from "./reps";
import { slaPolicies } from "./slas";
import { sources } from "./sources";
import { inbound, outbound } from "./systems";
import { segments, territories } from "./territories";

export default defineRouting({
  version: "2026.11.1",
  calendars,
  reps,
  pools,
  queues,
  territories,
  segments,
  sources,
  slaPolicies,
  systems: { inbound, outbound },
  reengagement,
  unclassified,
  defaultCalendar: "us-east",
  notifications: {
    channels: [
      { id: "sales-escalations", slackChannel: "#sales-escalations", label: "Sales escalations" },
      { id: "inbound-leads", slackChannel: "#inbound-leads", label: "Inbound leads" },
    ],
  },
  // Contacts with no associated company are matched to an account by their email domain.
  accountMatching: { byEmailDomain: true },
});
