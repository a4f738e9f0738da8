import { describe, expect, it } from "vitest";
import { FlowRevisionConflictError, HubSpotError } from "../../src/hubspot/errors";
import { createRedactor } from "../../src/secrets";

describe("HubSpotError", () => {
  it("says what failed: method, path, status, category, HubSpot's message, correlation id and attempts", () => {
    const error = new HubSpotError({
      code: "not_found",
      method: "GET",
      path: "/crm/v3/properties/contacts/routeops_rule",
      status: 404,
      hubspotMessage: "Property routeops_rule does not exist",
      category: "OBJECT_NOT_FOUND",
      correlationId: "abc-123",
      attempts: 1,
    });
    expect(error.message).toBe(
      "HubSpot GET /crm/v3/properties/contacts/routeops_rule failed (HTTP 404 OBJECT_NOT_FOUND): " +
        "Property routeops_rule does not exist [correlationId abc-123]",
    );
    expect(error).toBeInstanceOf(Error);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: "not_found", status: 404, attempts: 1 });
  });

  it("names a failure without a response and counts attempts", () => {
    const error = new HubSpotError({
      code: "network_error",
      method: "POST",
      path: "/crm/v3/objects/contacts/search",
      status: null,
      hubspotMessage: "fetch failed: connect ECONNREFUSED",
      attempts: 6,
    });
    expect(error.message).toBe(
      "HubSpot POST /crm/v3/objects/contacts/search failed (no response): fetch failed: connect ECONNREFUSED after 6 attempts",
    );
  });

  it("keeps the flow and revision of a revision conflict", () => {
    const error = new FlowRevisionConflictError({
      code: "conflict",
      method: "PUT",
      path: "/automation/v4/flows/42",
      status: 409,
      attempts: 1,
      flowId: "42",
      expectedRevisionId: "7",
    });
    expect(error).toBeInstanceOf(HubSpotError);
    expect(error.code).toBe("flow_revision_conflict");
    expect(error.toJSON()).toMatchObject({ flowId: "42", expectedRevisionId: "7", name: "FlowRevisionConflictError" });
  });
});

describe("secret scrubber", () => {
  const token = 'pat-na1-5c3e1d2a-0000-4000-8000-0123456789ab"\\';
  const scrub = createRedactor([token]);

  it("removes the token raw, JSON-escaped and URL-encoded", () => {
    const text = `a ${token} b ${JSON.stringify(token)} c ${encodeURIComponent(token)}`;
    const clean = scrub(text);
    expect(clean).not.toContain("5c3e1d2a");
    expect(clean).toContain("[redacted]");
  });

  it("removes anything that looks like a bearer header or a private app token", () => {
    expect(scrub("Authorization: Bearer abc.def")).toBe("Authorization: Bearer [redacted]");
    expect(scrub("token pat-eu1-11111111-2222-3333-4444-555555555555 leaked")).toBe("token [redacted] leaked");
  });
});
