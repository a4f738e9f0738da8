import { describe, expect, it } from "vitest";
import { contentDownload, demoRequest, routeLead, TUESDAY, iso, t } from "./leads";

const daysBefore = (days: number) => new Date(t(TUESDAY) - days * 86_400_000).toISOString();
const touch = (
  owner: string,
  days: number,
  kind: "sequence_enrollment" | "call" | "event" = "sequence_enrollment",
) => ({
  kind,
  owner,
  at: daysBefore(days),
});

describe("re-engagement: original rep handoff", () => {
  it("reengagement-original-rep: the rep who covers the territory gets the lead, urgent, 60 business minutes", () => {
    const decision = routeLead({
      country: "US",
      state: "NY",
      history: [touch("jade.wilson@acme.test", 100)],
      event: demoRequest,
    });
    expect(decision).toMatchObject({
      sourceType: "inbound_demo_request",
      system: "reengagement",
      rule: "reengagement-original-rep",
      owner: "jade.wilson@acme.test",
      originalRep: "jade.wilson@acme.test",
      collaborator: null,
      reengagement: true,
      pool: null,
      slaPolicy: "reengagement",
      slaCalendar: "us-east",
      notification: "urgent",
    });
    expect(iso(decision.slaDueAt)).toBe("2026-03-03T16:00:00.000Z");
  });

  it("the original rep is found after replacements: inactive ivan's touch makes jade the original rep", () => {
    const decision = routeLead({
      country: "US",
      history: [touch("ivan.petrov@acme.test", 30, "call")],
      event: demoRequest,
    });
    expect(decision).toMatchObject({
      rule: "reengagement-original-rep",
      owner: "jade.wilson@acme.test",
      originalRep: "jade.wilson@acme.test",
    });
  });

  it("the original rep keeps the lead while out of office (named assignments ignore absences)", () => {
    const decision = routeLead({
      at: "2026-08-05T10:00:00Z",
      country: "Ireland",
      history: [{ kind: "event", owner: "farid.haddad@acme.test", at: "2026-06-01T10:00:00Z" }],
      event: demoRequest,
    });
    expect(decision).toMatchObject({
      rule: "reengagement-original-rep",
      owner: "farid.haddad@acme.test",
      slaCalendar: "uk",
    });
  });

  it("re-engagement outranks the account owner rule (it is checked before any inbound rule)", () => {
    const decision = routeLead({
      country: "US",
      companyOwner: "ava.reed@acme.test",
      history: [touch("jade.wilson@acme.test", 10)],
      event: demoRequest,
    });
    expect(decision.owner).toBe("jade.wilson@acme.test");
  });
});

describe("re-engagement: collaborative handoff", () => {
  it("reengagement-collaborative: when the original rep does not cover the territory the inbound rules decide at high intent", () => {
    // A small company's content download is low intent (nurture) on its own; as a re-engagement it is high.
    const decision = routeLead({
      country: "US",
      state: "NY",
      employees: "12",
      history: [touch("kofi.mensah@acme.test", 50)],
      event: contentDownload,
    });
    expect(decision).toMatchObject({
      system: "reengagement",
      rule: "reengagement-collaborative",
      intent: "high",
      pool: "inbound-ae-na-east",
      owner: null,
      rotationPick: "ava.reed@acme.test",
      collaborator: "kofi.mensah@acme.test",
      originalRep: "kofi.mensah@acme.test",
      reengagement: true,
      nurture: null,
      slaPolicy: "reengagement",
      slaCalendar: "us-east",
      notification: "urgent",
    });
  });

  it("a contact with no territory is collaborative: the original rep covers nothing there", () => {
    const decision = routeLead({ country: "Japan", history: [touch("jade.wilson@acme.test", 5)], event: demoRequest });
    expect(decision).toMatchObject({
      rule: "reengagement-collaborative",
      queue: "routing-desk",
      owner: "mia.lopez@acme.test",
      collaborator: "jade.wilson@acme.test",
    });
  });

  it("no collaborator when the inbound outcome's owner is the original rep", () => {
    const decision = routeLead({
      country: "US",
      companyOwner: "kofi.mensah@acme.test",
      history: [touch("kofi.mensah@acme.test", 20)],
      event: demoRequest,
    });
    expect(decision).toMatchObject({
      rule: "reengagement-collaborative",
      owner: "kofi.mensah@acme.test",
      collaborator: null,
    });
  });

  it("the nested inbound rule evaluation appears in the trace", () => {
    const decision = routeLead({ country: "Japan", history: [touch("jade.wilson@acme.test", 5)], event: demoRequest });
    const ids = decision.trace.map((step) => `${step.stage}:${step.id}:${step.matched}`);
    expect(ids).toContain("reengagement:reengagement-original-rep:false");
    expect(ids).toContain("reengagement:reengagement-collaborative:true");
    expect(ids).toContain("inbound:inbound-fallback:true");
  });
});

describe("re-engagement: which history counts", () => {
  it("a touch 365 days before the event counts; 366 days does not", () => {
    expect(
      routeLead({ country: "US", history: [touch("jade.wilson@acme.test", 365)], event: demoRequest }).reengagement,
    ).toBe(true);
    const old = routeLead({ country: "US", history: [touch("jade.wilson@acme.test", 366)], event: demoRequest });
    expect(old).toMatchObject({
      reengagement: false,
      system: "inbound",
      originalRep: null,
      rule: "inbound-high-intent",
    });
  });

  it("a touch after the event does not count", () => {
    const decision = routeLead({ country: "US", history: [touch("jade.wilson@acme.test", -1)], event: demoRequest });
    expect(decision.reengagement).toBe(false);
  });

  it("a touch by someone who is no rep does not count", () => {
    const decision = routeLead({ country: "US", history: [touch("agency@partner.example", 10)], event: demoRequest });
    expect(decision.reengagement).toBe(false);
  });

  it("calls and event touches count like sequence enrollments", () => {
    for (const kind of ["call", "event"] as const) {
      expect(
        routeLead({ country: "US", history: [touch("jade.wilson@acme.test", 10, kind)], event: demoRequest }).rule,
      ).toBe("reengagement-original-rep");
    }
  });

  it("the most recent touch names the original rep, whatever the list order", () => {
    const history = [touch("jade.wilson@acme.test", 10), touch("kofi.mensah@acme.test", 200)];
    expect(routeLead({ country: "US", history, event: demoRequest }).originalRep).toBe("jade.wilson@acme.test");
    expect(routeLead({ country: "US", history: [...history].reverse(), event: demoRequest }).originalRep).toBe(
      "jade.wilson@acme.test",
    );
  });

  it("on a tie the later touch in the list wins", () => {
    const history = [touch("jade.wilson@acme.test", 10), touch("kofi.mensah@acme.test", 10)];
    expect(routeLead({ country: "US", history, event: demoRequest }).originalRep).toBe("kofi.mensah@acme.test");
  });

  it("outbound leads are never re-engagements", () => {
    const decision = routeLead({
      country: "US",
      history: [touch("kofi.mensah@acme.test", 10)],
      event: { kind: "sequence_reply", owner: "jade.wilson@acme.test" },
    });
    expect(decision).toMatchObject({ system: "outbound", reengagement: false, owner: "jade.wilson@acme.test" });
  });
});
