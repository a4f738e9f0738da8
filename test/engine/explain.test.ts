import { describe, expect, it } from "vitest";
import { formatDecision } from "../../src/engine";
import { demoRequest, routeLead } from "./leads";

describe("formatDecision", () => {
  const decision = routeLead({ at: "2026-03-06T21:30:00Z", country: "usa", state: "New York", event: demoRequest });
  const text = formatDecision(decision);
  const lines = text.trimEnd().split("\n");

  it("puts the outcome first", () => {
    expect(lines[0]).toBe(
      "Routed to pool inbound-ae-na-east, rotation picked ava.reed@acme.test by rule inbound-high-intent (inbound)",
    );
  });

  it("gives the SLA due time in UTC and in the calendar's local time", () => {
    expect(text).toContain(
      "SLA: inbound-high, due 2026-03-09T13:30:00Z = 2026-03-09 09:30 America/New_York (UTC-04:00), on calendar us-east",
    );
  });

  it("shows the due time in another zone on request", () => {
    expect(formatDecision(decision, { timeZone: "Europe/London" })).toContain(
      "= 2026-03-09 13:30 Europe/London (UTC+00:00)",
    );
  });

  it("then the trace, one line per step with ✓/✗ and the reason, in evaluation order", () => {
    const trace = lines.slice(lines.indexOf("Trace:") + 1);
    expect(trace[0]).toBe("  ✓ source inbound_demo_request: form_submission, form demo-request");
    expect(trace).toContain("  ✗ inbound inbound-account-owner: company has no owner");
    expect(trace).toContain("  ✗ inbound inbound-enterprise: segment is smb, not enterprise");
    const matched = trace.findIndex((l) =>
      l.startsWith("  ✓ inbound inbound-high-intent: intent is high; territory is na-east"),
    );
    expect(matched).toBeGreaterThan(trace.findIndex((l) => l.includes("inbound-enterprise")));
    expect(trace[matched + 1]).toMatch(/^ {2}✓ pool inbound-ae-na-east: .*rotation picked ava\.reed@acme\.test$/);
    expect(trace.at(-1)).toMatch(
      /^ {2}✓ sla inbound-high: 60 business minutes on calendar us-east .*due 2026-03-09 09:30 local/,
    );
  });

  it("explains normalisation in words", () => {
    expect(text).toContain('✓ territory na-east: country "usa" → US, state "New York" → NY: in na-east');
  });

  it("names re-engagements, their original rep and collaborator", () => {
    const reengaged = routeLead({
      country: "Japan",
      history: [{ kind: "call", owner: "ivan.petrov@acme.test", at: "2026-02-01T15:00:00Z" }],
      event: demoRequest,
    });
    const explained = formatDecision(reengaged);
    expect(explained).toContain(
      "Re-engagement: original rep jade.wilson@acme.test, collaborator jade.wilson@acme.test",
    );
    expect(explained).toContain("→ original rep jade.wilson@acme.test (replacing ivan.petrov@acme.test, inactive)");
  });

  it("says when there is no SLA, and for nurture that there is no owner", () => {
    const nurture = routeLead({
      country: "US",
      employees: "10",
      event: { kind: "form_submission", formId: "newsletter" },
    });
    const explained = formatDecision(nurture);
    expect(explained.split("\n")[0]).toBe(
      "Routed to nurture sequence nurture-content (no owner) by rule inbound-nurture (inbound)",
    );
    expect(explained).toContain("SLA: none");
  });

  it("prints a decision routed with the trace off without a Trace section", () => {
    const quiet = routeLead({ country: "US", event: demoRequest }, { trace: false });
    expect(formatDecision(quiet)).not.toContain("Trace:");
  });
});
