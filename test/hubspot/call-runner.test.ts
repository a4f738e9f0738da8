import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { AttemptOutcome } from "../../src/hubspot/attempt";
import { CallRunner, type CallBounds, type HubSpotWait } from "../../src/hubspot/call-runner";
import { HubSpotError } from "../../src/hubspot/errors";
import { RateLimiter } from "../../src/hubspot/rate-limiter";
import { RequestLog, type HubSpotRequestInfo } from "../../src/hubspot/request-log";
import { createRedactor } from "../../src/secrets";
import { VirtualClock } from "./virtual-clock";

const TOKEN = "pat-na1-00000000-1111-2222-3333-444444444444";
const spec = { endpoint: "GET /crm/v3/owners", method: "GET", path: "/crm/v3/owners" };

function runner(clock: VirtualClock, attempts = 4, bounds: Partial<CallBounds> = {}) {
  const log = new RequestLog();
  const seen: HubSpotRequestInfo[] = [];
  const waits: HubSpotWait[] = [];
  const limiter = new RateLimiter({
    windowMax: 190,
    windowMs: 10_000,
    searchPerSecond: 5,
    marginMs: 0,
    now: clock.now,
    sleep: clock.sleep,
  });
  const subject = new CallRunner({
    limiter,
    log,
    retry: { attempts, baseDelayMs: 100, maxDelayMs: 1_000 },
    sleep: clock.sleep,
    random: () => 0.5,
    now: clock.now,
    scrub: createRedactor([TOKEN]),
    bounds: { requestTimeoutMs: 30_000, maxRetryAfterMs: 60_000, ...bounds },
    onRequest: (info) => seen.push(info),
    onWait: (wait) => waits.push(wait),
  });
  return { subject, log, seen, waits };
}

/** Attempts that play the given outcomes in order. */
function script<T>(...outcomes: AttemptOutcome<T>[]) {
  let index = 0;
  return async () => outcomes[Math.min(index++, outcomes.length - 1)] as AttemptOutcome<T>;
}

const unavailable: AttemptOutcome<string> = {
  ok: false,
  failure: {
    kind: "http",
    status: 503,
    headers: {},
    body: { message: "Service temporarily unavailable", category: "SERVICE_UNAVAILABLE" },
    text: "",
  },
};
const ok: AttemptOutcome<string> = { ok: true, value: "owners", status: 200, headers: {} };

describe("call runner", () => {
  it("retries a failed attempt after the backoff and returns the value", async () => {
    const clock = new VirtualClock();
    const { subject, log, seen } = runner(clock);
    const value = await clock.run(subject.run(spec, script(unavailable, unavailable, ok)));
    expect(value).toBe("owners");
    expect(clock.slept).toEqual([75, 150]);
    expect(log.count("GET /crm/v3/owners")).toBe(3);
    expect(log.retries()).toBe(2);
    expect(seen.map((info) => [info.attempt, info.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
  });

  it("gives up after the configured attempts with a HubSpotError that says what failed", async () => {
    const clock = new VirtualClock();
    const { subject, log } = runner(clock, 3);
    const error = await clock.run(subject.run(spec, script(unavailable)).catch((caught: unknown) => caught));
    expect(error).toBeInstanceOf(HubSpotError);
    expect((error as HubSpotError).message).toBe(
      "HubSpot GET /crm/v3/owners failed (HTTP 503 SERVICE_UNAVAILABLE): Service temporarily unavailable after 3 attempts",
    );
    expect((error as HubSpotError).code).toBe("server_error");
    expect(log.count()).toBe(3);
  });

  it("does not retry a 404", async () => {
    const clock = new VirtualClock();
    const { subject, log } = runner(clock);
    const notFound: AttemptOutcome<string> = {
      ok: false,
      failure: { kind: "http", status: 404, headers: {}, body: { category: "OBJECT_NOT_FOUND" }, text: "" },
    };
    await expect(clock.run(subject.run(spec, script(notFound)))).rejects.toMatchObject({
      code: "not_found",
      status: 404,
      attempts: 1,
    });
    expect(log.count()).toBe(1);
  });

  it("scrubs the token from everything HubSpot or fetch echoed back", async () => {
    const clock = new VirtualClock();
    const { subject } = runner(clock, 1);
    const echoes: AttemptOutcome<string>[] = [
      {
        ok: false,
        failure: {
          kind: "http",
          status: 400,
          headers: {},
          body: {
            message: `bad header Bearer ${TOKEN}`,
            correlationId: TOKEN,
            category: TOKEN,
            errors: [{ message: `token ${TOKEN} rejected`, code: TOKEN }],
          },
          text: "",
        },
      },
      { ok: false, failure: { kind: "http", status: 502, headers: {}, body: undefined, text: `<p>${TOKEN}</p>` } },
      { ok: false, failure: { kind: "network", detail: `connect failed for ${encodeURIComponent(TOKEN)}` } },
      {
        ok: false,
        failure: { kind: "client", detail: `Headers.append: "Bearer ${TOKEN}\n" is an invalid header value` },
      },
    ];
    for (const echo of echoes) {
      const error = (await clock.run(
        subject.run({ ...spec, path: `/x/${TOKEN}` }, script(echo)).catch((caught: unknown) => caught),
      )) as HubSpotError;
      expect(error).toBeInstanceOf(HubSpotError);
      for (const text of [error.message, error.stack ?? "", JSON.stringify(error), inspect(error), String(error)]) {
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain("444444444444");
      }
    }
  });

  it("turns an attempt function that throws into a clear error instead of a crash", async () => {
    const clock = new VirtualClock();
    const { subject } = runner(clock, 1);
    const broken = async (): Promise<AttemptOutcome<string>> => {
      throw new Error(`boom ${TOKEN}`);
    };
    const error = (await clock.run(subject.run(spec, broken).catch((caught: unknown) => caught))) as HubSpotError;
    expect(error.code).toBe("invalid_request");
    expect(error.message).not.toContain(TOKEN);
  });

  it("does not count a request that could not be built as an API call", async () => {
    const clock = new VirtualClock();
    const { subject, log, seen } = runner(clock, 1);
    const unbuildable: AttemptOutcome<string> = { ok: false, failure: { kind: "client", detail: "missing id" } };
    await clock.run(subject.run(spec, script(unbuildable)).catch(() => undefined));
    expect(log.count()).toBe(0);
    expect(seen).toEqual([]);
  });
});

const limited = (retryAfter: string): AttemptOutcome<string> => ({
  ok: false,
  failure: {
    kind: "http",
    status: 429,
    headers: { "retry-after": retryAfter },
    body: { message: "You have reached your ten_secondly_rolling limit.", policyName: "TEN_SECONDLY_ROLLING" },
    text: "",
  },
});

describe("bounded waits", () => {
  it("waits as long as Retry-After says, up to the cap, and says so before waiting", async () => {
    const clock = new VirtualClock();
    const { subject, waits } = runner(clock);
    expect(await clock.run(subject.run(spec, script(limited("42"), ok)))).toBe("owners");
    expect(clock.slept).toContain(42_000);
    expect(waits).toEqual([
      {
        method: "GET",
        path: "/crm/v3/owners",
        status: 429,
        waitMs: 42_000,
        reason: "retry-after",
        nextAttempt: 2,
        attempts: 4,
      },
    ]);
  });

  it("fails at once, without waiting, when Retry-After asks for more than the cap (3600 s)", async () => {
    const clock = new VirtualClock();
    const { subject, seen } = runner(clock);
    const error = await clock.run(subject.run(spec, script(limited("3600"), ok))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotError);
    expect((error as HubSpotError).code).toBe("retry_after_too_long");
    expect((error as HubSpotError).message).toContain("retry after 3,600 s");
    expect((error as HubSpotError).message).toContain("(60 s)");
    expect(clock.slept.filter((ms) => ms >= 1_000)).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it("gives up before a wait that would pass the command's deadline", async () => {
    const clock = new VirtualClock();
    const { subject } = runner(clock, 6, { deadline: 10_000, deadlineSeconds: 10 });
    const error = await clock.run(subject.run(spec, script(limited("30"), ok))).catch((e: unknown) => e);
    expect((error as HubSpotError).code).toBe("deadline_exceeded");
    expect((error as HubSpotError).message).toContain("deadline of 10 s");
    expect(clock.slept.filter((ms) => ms >= 1_000)).toEqual([]);
  });

  it("fails an attempt that gets no answer within the request timeout, as a network failure", async () => {
    const clock = new VirtualClock();
    const { subject, seen } = runner(clock, 1, { requestTimeoutMs: 20 });
    const hanging = () => new Promise<AttemptOutcome<string>>(() => undefined);
    const error = await subject.run(spec, hanging).catch((e: unknown) => e);
    expect((error as HubSpotError).code).toBe("network_error");
    expect((error as HubSpotError).message).toContain("no answer within 1 s (timeout)");
    expect(seen.map((info) => info.status)).toEqual([null]);
  });
});
