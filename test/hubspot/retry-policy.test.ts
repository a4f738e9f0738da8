import { describe, expect, it } from "vitest";
import type { AttemptFailure } from "../../src/hubspot/attempt";
import { decideRetry, DEFAULT_RETRY } from "../../src/hubspot/retry-policy";

const policy = { attempts: 5, baseDelayMs: 400, maxDelayMs: 5_000 };
const half = () => 0.5;
const http = (status: number, headers: Record<string, string> = {}, body = {}): AttemptFailure => ({
  kind: "http",
  status,
  headers,
  body,
  text: JSON.stringify(body),
});

describe("retry policy", () => {
  it.each([423, 429, 477, 500, 502, 503, 504])("retries HTTP %i", (status) => {
    expect(decideRetry(http(status), 1, policy, half).retry).toBe(true);
  });

  it.each([400, 401, 403, 404, 409])("does not retry HTTP %i", (status) => {
    expect(decideRetry(http(status), 1, policy, half)).toEqual({ retry: false });
  });

  it("retries network errors and dropped connections", () => {
    expect(decideRetry({ kind: "network", detail: "terminated: other side closed" }, 1, policy, half).retry).toBe(true);
  });

  it("backs off exponentially, half fixed and half jitter, capped at maxDelayMs", () => {
    const delays = [1, 2, 3, 4].map((attempt) => {
      const decision = decideRetry(http(503), attempt, policy, half);
      return decision.retry ? decision.delayMs : -1;
    });
    // 400, 800, 1600, 3200 with jitter 0.5 -> 3/4 of each.
    expect(delays).toEqual([300, 600, 1_200, 2_400]);
    const lowest = decideRetry(http(503), 1, policy, () => 0);
    const highest = decideRetry(http(503), 1, policy, () => 0.999);
    expect(lowest.retry && lowest.delayMs).toBe(200);
    expect(highest.retry && highest.delayMs).toBe(400);
    const capped = decideRetry(http(503), 4, { ...policy, maxDelayMs: 1_000 }, () => 0.999);
    expect(capped.retry && capped.delayMs).toBe(1_000);
  });

  it("stops after the configured number of attempts", () => {
    expect(decideRetry(http(503), 4, policy, half).retry).toBe(true);
    expect(decideRetry(http(503), 5, policy, half)).toEqual({ retry: false });
  });

  it("waits at least what Retry-After says, in seconds or as a date against the response's Date", () => {
    const seconds = decideRetry(http(429, { "retry-after": "3" }), 1, policy, half);
    expect(seconds).toEqual({ retry: true, delayMs: 3_000, pauseMs: 3_000 });
    const date = decideRetry(
      http(477, { "retry-after": "Wed, 21 Oct 2026 07:28:05 GMT", date: "Wed, 21 Oct 2026 07:28:00 GMT" }),
      1,
      policy,
      half,
    );
    expect(date.retry && date.delayMs).toBe(5_000);
  });

  it("waits at least 2 s on 423 (locked), as HubSpot documents", () => {
    const decision = decideRetry(http(423), 1, policy, half);
    expect(decision.retry && decision.delayMs).toBe(2_000);
  });

  it("waits for the interval when a 429 says the rolling window is exhausted, and pauses every call", () => {
    const headers = { "x-hubspot-ratelimit-remaining": "0", "x-hubspot-ratelimit-interval-milliseconds": "10000" };
    const decision = decideRetry(http(429, headers, { policyName: "TEN_SECONDLY_ROLLING" }), 1, DEFAULT_RETRY, half);
    expect(decision).toEqual({ retry: true, delayMs: 10_000, pauseMs: 10_000 });
  });

  it("waits a second when a 429 says the per-second search limit is exhausted", () => {
    const headers = { "x-hubspot-ratelimit-secondly-remaining": "0" };
    const decision = decideRetry(http(429, headers, { policyName: "SECONDLY" }), 1, policy, half);
    expect(decision.retry && decision.delayMs).toBe(1_000);
  });

  it("does not retry the daily limit, which only resets at midnight", () => {
    const body = { policyName: "DAILY", message: "You have reached your daily limit." };
    expect(decideRetry(http(429, {}, body), 1, policy, half)).toEqual({ retry: false });
  });

  it("does not send a create again when it may have been carried out", () => {
    expect(decideRetry(http(502), 1, policy, half, false)).toEqual({ retry: false });
    expect(decideRetry({ kind: "network", detail: "terminated: other side closed" }, 1, policy, half, false)).toEqual({
      retry: false,
    });
    expect(decideRetry(http(429), 1, policy, half, false).retry).toBe(true);
  });

  it("never retries a refused connection or an unknown host: the address is wrong or nothing runs there", () => {
    for (const detail of ["fetch failed: connect ECONNREFUSED 127.0.0.1:9: ECONNREFUSED", "getaddrinfo ENOTFOUND x"]) {
      expect(decideRetry({ kind: "network", detail }, 1, policy, half)).toEqual({ retry: false });
      expect(decideRetry({ kind: "network", detail }, 1, policy, half, false)).toEqual({ retry: false });
    }
  });

  it("does not retry a response it could not read or a request it could not build", () => {
    const unexpected: AttemptFailure = { kind: "unexpected", status: 200, headers: {}, detail: "not JSON" };
    expect(decideRetry(unexpected, 1, policy, half)).toEqual({ retry: false });
    expect(decideRetry({ kind: "client", detail: "missing id" }, 1, policy, half)).toEqual({ retry: false });
  });
});
