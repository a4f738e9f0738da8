import { describe, expect, it } from "vitest";
import { audit, contact, routed } from "./audit-fixtures";

// New York is UTC-5; Thu 26 and Fri 27 Nov 2026 are holidays. "now" is Mon 30 Nov 18:00 UTC.
describe("audit: outbound health", () => {
  const report = audit([
    // Sequence replies owned by Cat (owner 3), US contacts (territory east).
    // R1: Mon 23 Nov 10:00 -> 11:30 (90 min).
    contact(
      routed("outbound", "reply", "2026-11-23T15:00:00Z", {
        hubspot_owner_id: "3",
        country: "US",
        hs_sa_first_engagement_date: "2026-11-23T16:30:00Z",
      }),
      "r1",
    ),
    // R2: Tue 24 Nov 15:00 -> Wed 25 Nov 10:00: 120 + 60 = 180 min.
    contact(
      routed("outbound", "reply", "2026-11-24T20:00:00Z", {
        hubspot_owner_id: "3",
        country: "usa",
        hs_sa_first_engagement_date: "2026-11-25T15:00:00Z",
      }),
      "r2",
    ),
    // R3: Wed 25 Nov 10:00, not answered. Follow-up window: Mon 30 Nov, Tue 1 Dec 10:00 -> still open.
    contact(routed("outbound", "reply", "2026-11-25T15:00:00Z", { hubspot_owner_id: "3", country: "US" }), "r3"),
    // E1: Mon 16 Nov 09:00 event lead of Ann, UK contact; enrolled in a sequence Thu 19 Nov, after the
    // window (Wed 18 Nov 09:00) closed; a meeting booked on 20 Nov.
    contact(
      routed("outbound", "event", "2026-11-16T14:00:00Z", {
        hubspot_owner_id: "1",
        country: "United Kingdom",
        hs_latest_sequence_enrolled_date: "2026-11-19T14:00:00Z",
        engagements_last_meeting_booked: "2026-11-20T14:00:00Z",
      }),
      "e1",
    ),
    // E2: same day, enrolled Tue 17 Nov (followed up); its last meeting predates the routing.
    contact(
      routed("outbound", "event", "2026-11-16T14:00:00Z", {
        hubspot_owner_id: "1",
        country: "usa",
        hs_latest_sequence_enrolled_date: "2026-11-17T14:00:00Z",
        engagements_last_meeting_booked: "2026-11-01T14:00:00Z",
      }),
      "e2",
    ),
  ]);

  it("measures sequence-reply response time by rep in business time", () => {
    // Cat: 90 and 180 minutes. Median rank ceil(1)=1 -> 90; p90 rank ceil(1.8)=2 -> 180.
    expect(report.outbound.replyResponseByRep).toEqual([
      {
        rep: "cat@acme.test",
        name: "Cat Cole",
        replies: 3,
        awaiting: 1,
        stats: { count: 2, medianMinutes: 90, p90Minutes: 180 },
      },
    ]);
  });

  it("finds outbound leads with no follow-up within two business days", () => {
    // R1, R2 engaged in time; E2 enrolled in time; E1 enrolled after its window; R3's window is open.
    // R2's window: Tue 24 15:00 + 2 business days = Wed 25, (holidays, weekend), Mon 30 15:00.
    expect(report.outbound.followUp).toMatchObject({
      businessDays: 2,
      withFollowUp: 3,
      withoutFollowUp: 1,
      pending: 1,
      missed: { numerator: 1, denominator: 4, rate: 0.25 },
    });
    expect(report.outbound.followUp.examples.map((e) => e.id)).toEqual(["e1"]);
  });

  it("counts meetings booked after routing, by rep and by territory", () => {
    expect(report.outbound.meetingsByRep.map((r) => [r.rep, r.conversion.numerator, r.conversion.denominator])).toEqual(
      [
        ["ann@acme.test", 1, 2],
        ["cat@acme.test", 0, 3],
      ],
    );
    expect(
      report.outbound.meetingsByTerritory.map((t) => [t.territory, t.conversion.numerator, t.conversion.denominator]),
    ).toEqual([
      ["east", 0, 4],
      ["uk", 1, 1],
    ]);
  });
});
