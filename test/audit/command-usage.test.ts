import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { captureIO } from "../support/cli-io";

describe("routeops audit: usage", () => {
  it("says a HubSpot token is needed when there is none (exit 2)", async () => {
    const io = captureIO({});
    expect(await main(["audit"], io)).toBe(2);
    expect(io.err()).toContain("a HubSpot token is needed: set HUBSPOT_ACCESS_TOKEN");
  });

  it("answers with the JSON envelope when asked for JSON", async () => {
    const io = captureIO({});
    expect(await main(["audit", "--format", "json"], io)).toBe(2);
    expect(JSON.parse(io.out())).toMatchObject({
      schema: "routeops.audit/v1",
      status: "error",
      exitCode: 2,
      report: null,
      error: { code: "missing_token" },
    });
  });

  it("needs GitHub settings for --post-issue, and never echoes the HubSpot token", async () => {
    const io = captureIO({ HUBSPOT_ACCESS_TOKEN: "pat-secret-token-123" });
    expect(await main(["audit", "--post-issue"], io)).toBe(2);
    expect(io.err()).toContain("--post-issue needs GITHUB_TOKEN and GITHUB_REPOSITORY");
    expect(io.err() + io.out()).not.toContain("pat-secret-token-123");
  });

  it.each([
    [["--since", "7d", "--from", "2026-11-01"], "give either --since or --from/--to, not both"],
    [["--since", "a week"], 'expected a length such as 7d, 24h or 2w, got "a week"'],
    [["--fail-on", "drift,typos"], 'unknown check "typos"'],
    [["--format", "html"], '--format must be text, markdown or json, not "html"'],
    [["--to", "2026-11-01"], "--to needs --from"],
    [["--now", "2026-11-30"], "--now: expected a date-time with a zone"],
    [["--portal-id", "12a"], '--portal-id must be digits, not "12a"'],
    [["--frobnicate"], "Unknown option '--frobnicate'"],
  ])("rejects %j with exit 2 and the usage", async (args, message) => {
    const io = captureIO({ HUBSPOT_ACCESS_TOKEN: "pat-x" });
    expect(await main(["audit", ...args], io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain("Usage: routeops audit");
  });
});
