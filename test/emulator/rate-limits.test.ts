import { describe, expect, it } from "vitest";
import { call, client, emulator, failure, pinnedClock } from "./harness";

const SEARCH = "/crm/v3/objects/contacts/search";

describe("emulator rate limits", () => {
  it("answers the 191st request within 10 s with HubSpot's TEN_SECONDLY_ROLLING 429, and frees the window as it rolls", async () => {
    const clock = pinnedClock();
    const emu = await emulator({ clock: clock.now, rateLimits: {} });
    const statuses: number[] = [];
    let first: Headers | undefined;
    for (let i = 0; i < 191; i++) {
      const answer = await call(emu, "GET", "/crm/v3/owners");
      first ??= answer.headers;
      statuses.push(answer.status);
      if (i === 190) {
        expect(answer.body).toMatchObject({
          status: "error",
          errorType: "RATE_LIMIT",
          policyName: "TEN_SECONDLY_ROLLING",
          message: "You have reached your ten_secondly_rolling limit.",
        });
        expect(answer.headers.get("x-hubspot-ratelimit-remaining")).toBe("0");
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(190);
    expect(statuses[190]).toBe(429);
    expect(first!.get("x-hubspot-ratelimit-max")).toBe("190");
    expect(first!.get("x-hubspot-ratelimit-remaining")).toBe("189");
    expect(first!.get("x-hubspot-ratelimit-interval-milliseconds")).toBe("10000");
    expect(first!.get("x-hubspot-ratelimit-daily")).toBe("1000000");
    expect(first!.get("x-hubspot-ratelimit-daily-remaining")).toBe("999999");
    clock.advance(10_000);
    expect((await call(emu, "GET", "/crm/v3/owners")).status).toBe(200);
    expect(emu.requests.limited("TEN_SECONDLY_ROLLING")).toHaveLength(1);
    expect(emu.requests.peak(10_000, (e) => e.rateLimit.verdict === "allowed")).toBe(190);
  });

  it("gives the official client a 429 whose body carries the policyName", async () => {
    const clock = pinnedClock();
    const emu = await emulator({ clock: clock.now, rateLimits: { tenSecondly: 2 } });
    const owners = client(emu).crm.owners.ownersApi;
    await owners.getPage();
    await owners.getPage();
    const error = await failure(owners.getPage());
    expect(error.code).toBe(429);
    expect(error.body.policyName).toBe("TEN_SECONDLY_ROLLING");
  });

  it("limits searches to 5 per second with SECONDLY 429s and the secondly headers", async () => {
    const clock = pinnedClock();
    const emu = await emulator({ clock: clock.now, rateLimits: {} });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await call(emu, "POST", SEARCH, {}));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers[0]!.headers.get("x-hubspot-ratelimit-secondly")).toBe("5");
    expect(answers[0]!.headers.get("x-hubspot-ratelimit-secondly-remaining")).toBe("4");
    expect(answers[5]!.body).toMatchObject({
      policyName: "SECONDLY",
      message: "You have reached your secondly limit.",
    });
    expect((await call(emu, "GET", "/crm/v3/owners")).status).toBe(200);
    clock.advance(1_000);
    expect((await call(emu, "POST", SEARCH, {})).status).toBe(200);
    expect(emu.requests.limited("SECONDLY")).toHaveLength(1);
  });

  it("enforces the daily quota until the next UTC day", async () => {
    const clock = pinnedClock(Date.parse("2026-11-27T23:59:00Z"));
    const emu = await emulator({ clock: clock.now, rateLimits: { daily: 2 } });
    await call(emu, "GET", "/crm/v3/owners");
    await call(emu, "GET", "/crm/v3/owners");
    const refused = await call(emu, "GET", "/crm/v3/owners");
    expect(refused.status).toBe(429);
    expect(refused.body.policyName).toBe("DAILY");
    clock.advance(60_000);
    expect((await call(emu, "GET", "/crm/v3/owners")).status).toBe(200);
  });

  it("sends no rate-limit headers and never refuses when rate limits are off", async () => {
    const emu = await emulator({ rateLimits: false });
    for (let i = 0; i < 8; i++) expect((await call(emu, "POST", SEARCH, {})).status).toBe(200);
    const answer = await call(emu, "GET", "/crm/v3/owners");
    expect(answer.headers.get("x-hubspot-ratelimit-max")).toBeNull();
    expect(emu.requests.entries.every((e) => e.rateLimit.verdict === "off")).toBe(true);
  });

  it("does not rate limit the test-only endpoints", async () => {
    const emu = await emulator({ rateLimits: { tenSecondly: 1 } });
    for (let i = 0; i < 3; i++) expect((await call(emu, "GET", "/_emulator/state")).status).toBe(200);
  });
});
