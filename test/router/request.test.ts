import { describe, expect, it } from "vitest";
import { MANAGED_PROPERTIES as M } from "../../src/deploy/managed-names";
import { needsRouting, reRequested, requestStanding, routeInputOf } from "../../src/router";

const T = Date.parse("2026-03-03T15:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();
const owners = new Map([
  ["71", "ava.reed@acme.test"],
  ["72", "ben.ortiz@acme.test"],
]);

/** A contact as the capture workflows leave it after a form submission on the pricing page. */
const pricingForm = {
  id: "1001",
  properties: {
    email: "Lead@Example.com",
    country: "United States",
    state: "CA",
    createdate: iso(T - 86_400_000),
    associatedcompanyid: "50000001",
    [M.eventKind]: "form_submission",
    [M.eventFormId]: "pricing-contact",
    [M.eventPageUrl]: "https://acme.test/pricing/enterprise?utm=x",
    [M.routeRequestedAt]: iso(T),
    [M.routingPending]: "true",
    [M.lastOutboundOwner]: "72",
    [M.lastOutboundAt]: iso(T - 10 * 86_400_000),
    [M.lastOutboundKind]: "sequence_enrollment",
    [M.routedAt]: null,
  },
};
const company = {
  id: "50000001",
  properties: { domain: "example.com", numberofemployees: "1200", hubspot_owner_id: "71" },
};

describe("contact properties -> engine input at the request's instant", () => {
  it("a form submission: event facts, geography, primary company with owner as email, the recorded outbound touch", () => {
    expect(routeInputOf(pricingForm, company, owners, T)).toEqual({
      at: T,
      contact: {
        email: "Lead@Example.com",
        properties: { country: "United States", state: "CA" },
        company: { domain: "example.com", owner: "ava.reed@acme.test", properties: { numberofemployees: "1200" } },
        history: [{ kind: "sequence_enrollment", owner: "ben.ortiz@acme.test", at: T - 10 * 86_400_000 }],
      },
      event: {
        kind: "form_submission",
        formId: "pricing-contact",
        pageUrl: "https://acme.test/pricing/enterprise?utm=x",
      },
    });
  });

  it("a chat, a call and an import carry their own facts; the event owner is read as an email", () => {
    const chat = routeInputOf(
      { id: "1", properties: { [M.eventKind]: "chat_completed", [M.eventChatQualified]: "TRUE" } },
      undefined,
      owners,
      T,
    );
    expect(chat.event).toEqual({ kind: "chat_completed", qualified: true });
    const call = routeInputOf(
      {
        id: "2",
        properties: { [M.eventKind]: "call_logged", [M.eventCallOutcome]: "no_answer", [M.eventOwner]: "72" },
      },
      undefined,
      owners,
      T,
    );
    expect(call.event).toEqual({ kind: "call_logged", outcome: "no_answer", owner: "ben.ortiz@acme.test" });
    const imported = routeInputOf(
      { id: "3", properties: { [M.eventKind]: "list_import", [M.eventImportSource]: "event:summit" } },
      undefined,
      owners,
      T,
    );
    expect(imported.event).toEqual({ kind: "list_import", importSource: "event:summit" });
  });

  it("a missing or unknown event kind is contact_created; blank values are absent; no company, no touch", () => {
    const input = routeInputOf(
      { id: "4", properties: { [M.eventKind]: "fax_received", country: "  ", [M.lastOutboundOwner]: "999" } },
      undefined,
      owners,
      T,
    );
    expect(input).toEqual({ at: T, contact: { properties: {} }, event: { kind: "contact_created" } });
  });

  it("epoch-millisecond strings are read as instants too", () => {
    const contact = { id: "5", properties: { [M.routeRequestedAt]: String(T), [M.routedAt]: String(T - 1) } };
    expect(needsRouting(contact)).toBe(true);
  });
});

describe("whether a contact waits for the router", () => {
  it("requested and never routed: yes; routed at or after the request: no; routed before it: yes; never requested: no", () => {
    const at = (requested: number | null, routed: number | null) => ({
      id: "1",
      properties: {
        [M.routeRequestedAt]: requested === null ? null : iso(requested),
        [M.routedAt]: routed === null ? null : iso(routed),
      },
    });
    expect(needsRouting(at(T, null))).toBe(true);
    expect(needsRouting(at(T, T))).toBe(false);
    expect(needsRouting(at(T, T + 1))).toBe(false);
    expect(needsRouting(at(T, T - 1))).toBe(true);
    expect(needsRouting(at(null, null))).toBe(false);
  });

  it("asked again at the instant it was routed for (pending set again after the router's write): yes", () => {
    const contact = (pending: string | null) => ({
      id: "1",
      properties: { [M.routeRequestedAt]: iso(T), [M.routedAt]: iso(T), [M.routingPending]: pending },
    });
    expect(needsRouting(contact("true"))).toBe(true);
    expect(reRequested(contact("true"))).toBe(true);
    expect(needsRouting(contact("false"))).toBe(false);
    expect(reRequested(contact("false"))).toBe(false);
    expect(reRequested(contact(null))).toBe(false);
    const routedLater = { id: "1", properties: { ...contact("true").properties, [M.routedAt]: iso(T + 1) } };
    expect(reRequested(routedLater)).toBe(false);
  });
});

describe("a stored request against the contact as read now", () => {
  const key = { contactId: "1001", requestedAt: T };
  it("the contact still carries it: route, at the request's instant", () => {
    const standing = requestStanding(key, pricingForm, company, owners);
    expect(standing.kind).toBe("route");
    expect(standing.kind === "route" && standing.input.at).toBe(T);
  });

  it("a newer request superseded it", () => {
    const newer = { ...pricingForm, properties: { ...pricingForm.properties, [M.routeRequestedAt]: iso(T + 5) } };
    expect(requestStanding(key, newer, company, owners)).toEqual({ kind: "superseded", latest: T + 5 });
  });

  it("it was routed meanwhile (another router, workflows mode)", () => {
    const routed = {
      ...pricingForm,
      properties: { ...pricingForm.properties, [M.routedAt]: iso(T), [M.routingPending]: "false" },
    };
    expect(requestStanding(key, routed, company, owners)).toEqual({ kind: "already_routed", routedAt: T });
  });

  it("it was routed, and the contact asked again at that very instant (pending again): route it again", () => {
    const again = {
      ...pricingForm,
      properties: { ...pricingForm.properties, [M.routedAt]: iso(T), [M.routingPending]: "true" },
    };
    const standing = requestStanding({ ...key, round: 1 }, again, company, owners);
    expect(standing.kind).toBe("route");
    expect(standing.kind === "route" && standing.input.at).toBe(T);
  });

  it("the read does not show it yet (older stamp or none): not visible yet", () => {
    const older = { ...pricingForm, properties: { ...pricingForm.properties, [M.routeRequestedAt]: iso(T - 5) } };
    expect(requestStanding(key, older, company, owners)).toEqual({ kind: "not_visible_yet", seen: T - 5 });
    const none = { ...pricingForm, properties: { ...pricingForm.properties, [M.routeRequestedAt]: null } };
    expect(requestStanding(key, none, company, owners)).toEqual({ kind: "not_visible_yet", seen: null });
  });
});
