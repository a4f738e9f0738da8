import { describe, expect, it } from "vitest";
import { contentDownload, demoRequest, generalForm, iso, routeLead } from "./leads";

describe("intent of inbound sources", () => {
  it("demo requests and pricing-page forms are high intent", () => {
    expect(routeLead({ country: "US", event: demoRequest }).intent).toBe("high");
    expect(
      routeLead({ country: "US", event: { kind: "form_submission", formId: "q", pageUrl: "/pricing" } }).intent,
    ).toBe("high");
  });

  it("a qualified chat is high intent, an unqualified one standard", () => {
    expect(routeLead({ country: "US", event: { kind: "chat_completed", qualified: true } }).intent).toBe("high");
    expect(routeLead({ country: "US", event: { kind: "chat_completed", qualified: false } }).intent).toBe("standard");
  });

  it("content downloads are standard from mid-market and enterprise, low from smb or unknown size", () => {
    expect(routeLead({ country: "US", employees: "350", event: contentDownload }).intent).toBe("standard");
    expect(routeLead({ country: "US", employees: "12,000", event: contentDownload }).intent).toBe("standard");
    expect(routeLead({ country: "US", employees: "45", event: contentDownload }).intent).toBe("low");
    expect(routeLead({ country: "US", noCompany: true, event: contentDownload }).intent).toBe("low");
    expect(routeLead({ country: "US", employees: "NaN", event: contentDownload }).intent).toBe("low");
  });

  it("the general form is standard intent", () => {
    expect(routeLead({ country: "US", event: generalForm }).intent).toBe("standard");
  });
});

describe("inbound system", () => {
  it("inbound-account-owner: an owned account goes to its owner, SLA by intent on the owner's calendar", () => {
    const decision = routeLead({ country: "US", state: "NY", companyOwner: "ava.reed@acme.test", event: demoRequest });
    expect(decision).toMatchObject({
      system: "inbound",
      rule: "inbound-account-owner",
      owner: "ava.reed@acme.test",
      pool: null,
      slaPolicy: "inbound-high",
      slaCalendar: "us-east",
      notification: "urgent",
    });
    expect(iso(decision.slaDueAt)).toBe("2026-03-03T16:00:00.000Z");
  });

  it("inbound-account-owner: a standard lead to a west-coast owner runs 4 business hours from 09:00 Pacific", () => {
    const decision = routeLead({
      country: "DE",
      employees: "5000",
      companyOwner: "ben.ortiz@acme.test",
      event: contentDownload,
    });
    expect(decision).toMatchObject({
      rule: "inbound-account-owner",
      owner: "ben.ortiz@acme.test",
      slaPolicy: "inbound-standard",
    });
    expect(decision.slaCalendar).toBe("us-west");
    expect(iso(decision.slaDueAt)).toBe("2026-03-03T21:00:00.000Z");
  });

  it("inbound-account-owner: even a low-intent lead goes to the account owner", () => {
    const decision = routeLead({
      country: "US",
      employees: "45",
      companyOwner: "dan.kim@acme.test",
      event: contentDownload,
    });
    expect(decision).toMatchObject({
      rule: "inbound-account-owner",
      owner: "dan.kim@acme.test",
      slaPolicy: "inbound-standard",
    });
  });

  it("inbound-account-owner: an inactive owner's leads go to the replacement", () => {
    const decision = routeLead({ country: "US", companyOwner: "ivan.petrov@acme.test", event: demoRequest });
    expect(decision.owner).toBe("jade.wilson@acme.test");
  });

  it("inbound-account-owner: an owner who is no rep still gets the lead, on the default calendar", () => {
    const decision = routeLead({ country: "GB", companyOwner: " pat@partner.example ", event: demoRequest });
    expect(decision).toMatchObject({
      rule: "inbound-account-owner",
      owner: "pat@partner.example",
      slaCalendar: "us-east",
    });
  });

  it("a blank company owner is no owner", () => {
    expect(routeLead({ country: "US", companyOwner: "   ", event: demoRequest }).rule).toBe("inbound-high-intent");
  });

  it("inbound-enterprise: high-intent enterprise leads in North America go to enterprise-na (one member: the owner)", () => {
    const decision = routeLead({ country: "usa", state: "California", employees: "1,200", event: demoRequest });
    expect(decision).toMatchObject({
      rule: "inbound-enterprise",
      pool: "enterprise-na",
      owner: "lara.chen@acme.test",
      rotationPick: "lara.chen@acme.test",
      slaPolicy: "inbound-high",
      slaCalendar: "us-east",
      segment: "enterprise",
      territory: "na-west",
    });
    expect(iso(decision.slaDueAt)).toBe("2026-03-03T16:00:00.000Z");
  });

  it("inbound-enterprise does not take EMEA enterprise leads: they go to the EMEA AE pool", () => {
    const decision = routeLead({ country: "Germany", employees: "20000", event: demoRequest });
    expect(decision).toMatchObject({ rule: "inbound-high-intent", pool: "inbound-ae-emea", owner: null });
    expect(decision.rotationPick).toBe("elena.rossi@acme.test");
  });

  it("inbound-high-intent: the territory's AE pool, on the pool's calendar; several members leave owner empty", () => {
    const decision = routeLead({
      country: "United States",
      state: "CA",
      event: { kind: "form_submission", formId: "quote", pageUrl: "https://acme.test/pricing" },
    });
    expect(decision).toMatchObject({
      sourceType: "inbound_pricing_page",
      rule: "inbound-high-intent",
      pool: "inbound-ae-na-west",
      owner: null,
      rotationPick: "ben.ortiz@acme.test",
      slaPolicy: "inbound-high",
      slaCalendar: "us-west",
      notification: "urgent",
    });
    expect(iso(decision.slaDueAt)).toBe("2026-03-03T18:00:00.000Z");
  });

  it("inbound-nurture: low intent goes to the nurture sequence with no owner, no SLA, no notification", () => {
    const decision = routeLead({ country: "US", employees: "45", event: contentDownload });
    expect(decision).toMatchObject({
      rule: "inbound-nurture",
      nurture: "nurture-content",
      owner: null,
      pool: null,
      queue: null,
      slaPolicy: null,
      slaDueAt: null,
      notification: "none",
    });
  });

  it("inbound-standard: the EMEA SDR pool (one member: the owner), 4 business hours on uk", () => {
    const decision = routeLead({ country: "U.K.", event: generalForm });
    expect(decision).toMatchObject({
      rule: "inbound-standard",
      pool: "inbound-sdr-emea",
      owner: "hugo.martin@acme.test",
      slaPolicy: "inbound-standard",
      slaCalendar: "uk",
    });
    expect(iso(decision.slaDueAt)).toBe("2026-03-04T11:00:00.000Z");
  });

  it("inbound-standard: both North American territories share the NA SDR pool", () => {
    const west = routeLead({ country: "US", state: "Washington", event: { kind: "chat_completed", qualified: false } });
    const east = routeLead({ country: "Canada", event: { kind: "chat_completed", qualified: false } });
    for (const decision of [west, east]) {
      expect(decision).toMatchObject({
        rule: "inbound-standard",
        pool: "inbound-sdr-na",
        owner: "gina.park@acme.test",
      });
      expect(iso(decision.slaDueAt)).toBe("2026-03-03T19:00:00.000Z");
    }
  });

  it("inbound-fallback: a lead with no territory goes to the routing desk, SLA by intent", () => {
    const high = routeLead({ country: "Japan", event: demoRequest });
    expect(high).toMatchObject({
      rule: "inbound-fallback",
      queue: "routing-desk",
      owner: "mia.lopez@acme.test",
      slaPolicy: "inbound-high",
      slaCalendar: "us-east",
      notification: "urgent",
    });
    expect(iso(high.slaDueAt)).toBe("2026-03-03T16:00:00.000Z");
    const standard = routeLead({ event: generalForm });
    expect(standard).toMatchObject({ rule: "inbound-fallback", slaPolicy: "inbound-standard", territory: null });
    expect(iso(standard.slaDueAt)).toBe("2026-03-03T19:00:00.000Z");
  });
});

describe("outbound system", () => {
  it("outbound-sequence-owner: the sequence owner, due at the end of their business day, calm", () => {
    const decision = routeLead({ country: "US", event: { kind: "sequence_reply", owner: "kofi.mensah@acme.test" } });
    expect(decision).toMatchObject({
      system: "outbound",
      rule: "outbound-sequence-owner",
      owner: "kofi.mensah@acme.test",
      intent: null,
      slaPolicy: "outbound-reply",
      slaCalendar: "uk",
      notification: "calm",
      reengagement: false,
    });
    expect(iso(decision.slaDueAt)).toBe("2026-03-03T17:00:00.000Z");
  });

  it("outbound-sequence-owner: a reply after hours is due at the end of the next business day", () => {
    const decision = routeLead({
      at: "2026-03-03T23:00:00Z",
      event: { kind: "sequence_reply", owner: "jade.wilson@acme.test" },
    });
    expect(iso(decision.slaDueAt)).toBe("2026-03-04T22:00:00.000Z");
  });

  it("outbound-caller: the caller after replacements, due one business day later", () => {
    const decision = routeLead({ country: "US", event: { kind: "call_logged", owner: "ivan.petrov@acme.test" } });
    expect(decision).toMatchObject({
      rule: "outbound-caller",
      owner: "jade.wilson@acme.test",
      slaPolicy: "outbound-call",
    });
    expect(iso(decision.slaDueAt)).toBe("2026-03-04T15:00:00.000Z");
  });

  it("outbound-caller needs a caller: a call naming nobody falls through to outbound-fallback", () => {
    const decision = routeLead({ country: "US", event: { kind: "call_logged" } });
    expect(decision).toMatchObject({ rule: "outbound-fallback", queue: "routing-desk", owner: "mia.lopez@acme.test" });
    expect(decision.slaPolicy).toBe("outbound-event");
    expect(iso(decision.slaDueAt)).toBe("2026-03-05T15:00:00.000Z");
  });

  it("outbound-account-owner: an event lead from an owned account goes to the owner, two business days", () => {
    const decision = routeLead({
      country: "US",
      companyOwner: "elena.rossi@acme.test",
      event: { kind: "list_import", importSource: "event:saastr-2026" },
    });
    expect(decision).toMatchObject({
      rule: "outbound-account-owner",
      owner: "elena.rossi@acme.test",
      slaCalendar: "uk",
    });
    expect(iso(decision.slaDueAt)).toBe("2026-03-05T15:00:00.000Z");
  });

  it("outbound-event-territory: North America's outbound pool, where inactive ivan's place is jade's", () => {
    const decision = routeLead({
      country: "US",
      state: "TX",
      event: { kind: "list_import", importSource: "event:saastr" },
    });
    expect(decision).toMatchObject({
      rule: "outbound-event-territory",
      pool: "outbound-na",
      owner: "jade.wilson@acme.test",
      slaPolicy: "outbound-event",
      slaCalendar: "us-east",
      notification: "calm",
    });
    expect(iso(decision.slaDueAt)).toBe("2026-03-05T15:00:00.000Z");
  });

  it("outbound-event-territory: EMEA events go to outbound-emea", () => {
    const decision = routeLead({ country: "France", event: { kind: "list_import", importSource: "event:vivatech" } });
    expect(decision).toMatchObject({ pool: "outbound-emea", owner: "kofi.mensah@acme.test" });
  });

  it("outbound-fallback: an event lead with no territory goes to the routing desk", () => {
    const decision = routeLead({ country: "Brazil", event: { kind: "list_import", importSource: "event:rd-summit" } });
    expect(decision).toMatchObject({ rule: "outbound-fallback", queue: "routing-desk", owner: "mia.lopez@acme.test" });
  });

  it("a sequence reply naming nobody goes to outbound-fallback", () => {
    const decision = routeLead({ country: "US", event: { kind: "sequence_reply" } });
    expect(decision.rule).toBe("outbound-fallback");
  });

  it("a sequence owner who is no rep still gets the lead, on the default calendar", () => {
    const decision = routeLead({ country: "GB", event: { kind: "sequence_reply", owner: "agency@partner.example" } });
    expect(decision).toMatchObject({ owner: "agency@partner.example", slaCalendar: "us-east" });
  });
});
